package coop.plenum.governance.notification.delivery;

/** The plain and HTML bodies of a notification email; every value from people is escaped in the HTML. */
public final class MailText {

    private MailText() {
    }

    /** The plain body with the unsubscribe line's words {@code stop} in the reader's language. */
    public static String text(String body, String link, String unsubscribe, String stop) {
        return body + "\n\n" + link + "\n\n--\n" + stop + ": " + unsubscribe + "\n";
    }

    /** The HTML body with the unsubscribe link's words {@code stop} in the reader's language. */
    public static String html(String body, String link, String unsubscribe, String stop) {
        return "<!DOCTYPE html><html><body><p>" + escape(body).replace("\n", "<br>") + "</p><p><a href=\"" + escape(link)
                + "\">" + escape(link) + "</a></p><hr><p style=\"font-size:small\"><a href=\"" + escape(unsubscribe)
                + "\">" + escape(stop) + "</a></p></body></html>";
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A subject line: one line, at most 200 characters. */
    public static String subject(String title) {
        String line = title.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
