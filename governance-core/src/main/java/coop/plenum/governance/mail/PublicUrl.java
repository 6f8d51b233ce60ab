package coop.plenum.governance.mail;

import java.net.URI;
import java.util.Objects;

/**
 * Where people reach this Plenum from outside ({@code plenum.public-url}, e.g. {@code https://vote.example.coop}): the
 * base of every link in an email, calendar feed or webhook. A request's own Host header is never used for those links,
 * since anyone can send a request with a forged one and have a password-reset link point to their server.
 */
public record PublicUrl(URI base) {

    public PublicUrl {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || base.getHost() == null
                || base.getQuery() != null || base.getFragment() != null || base.getUserInfo() != null) {
            throw new IllegalArgumentException("plenum.public-url must be an http(s) URL without query, fragment or user, was " + base);
        }
        String text = base.toString();
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The absolute URL of a path on this Plenum, e.g. {@code link("/invitations/abc")}. */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + path);
        }
        return base + path;
    }
}
