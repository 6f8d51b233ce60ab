package coop.plenum.kernel;

import java.util.regex.Pattern;

/** Slugs name stakeholder classes, topics and projects: lowercase words joined by single hyphens. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 40;

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_LENGTH && SLUG.matcher(value).matches();
    }
}
