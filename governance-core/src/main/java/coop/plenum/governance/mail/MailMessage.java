package coop.plenum.governance.mail;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One email to one person.
 *
 * @param to      the recipient's address
 * @param subject one line, at most 200 characters
 * @param text    the plain-text body (always sent, so every mail reader shows something)
 * @param html    an HTML alternative already escaped by its template, or {@code null}
 * @param headers extra headers, e.g. {@code List-Unsubscribe}; names are RFC 5322 field names, values one line
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers) {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 200_000;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        // A line break in a header would let a value smuggle in headers of its own (or a second recipient)
        requireOneLine("to", to);
        requireOneLine("subject", subject);
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject longer than " + MAX_SUBJECT + " characters");
        }
        if (text.length() > MAX_BODY || (html != null && html.length() > MAX_BODY)) {
            throw new IllegalArgumentException("body longer than " + MAX_BODY + " characters");
        }
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
            requireOneLine(name, value);
        });
    }

    public static MailMessage plain(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, Map.of());
    }

    private static void requireOneLine(String field, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(field + " must be one line");
        }
    }
}
