package coop.plenum.kernel;

import java.util.List;

/**
 * The one rule for free text that enters a command (names, titles, bodies, comments, descriptions, notes): it must be
 * text that every store takes and gives back unchanged. PostgreSQL refuses NUL in text, and control characters or
 * unpaired UTF-16 surrogates survive no round trip through UTF-8, so they are refused; line breaks and tabs are
 * allowed only where the text may span lines. Lengths count UTF-16 chars, the way the rest of Java does.
 */
public final class Texts {

    /** Whether a text is one line (names, titles) or may span lines (bodies, comments, descriptions, notes). */
    public enum Lines { ONE, MANY }

    public static final String CONTROL_CHARACTER = "text.control-character";

    private Texts() {
    }

    /** The index of the first character a store could not keep, or -1 when the text is clean (or null). */
    public static int firstUnstorable(String value, Lines lines) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isISOControl(c) && !(lines == Lines.MANY && (c == '\n' || c == '\r' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isStorable(String value, Lines lines) {
        return firstUnstorable(value, lines) < 0;
    }

    /**
     * Adds a violation naming {@code field} when the text holds a character no store keeps; returns whether it was
     * clean, so the caller checks length and blankness only on clean text.
     */
    public static boolean storable(String field, String value, Lines lines, List<Violation> violations) {
        int at = firstUnstorable(value, lines);
        if (at < 0) {
            return true;
        }
        violations.add(new Violation(field, CONTROL_CHARACTER, field + " contains a control or invalid character (U+"
                + String.format("%04X", (int) value.charAt(at)) + " at " + at + ")"
                + (lines == Lines.MANY ? "; only line breaks and tabs are allowed" : "; it is a single line of text")));
        return false;
    }

    /** Present (not blank), within {@code max} chars and storable; adds a violation with {@code code} otherwise. */
    public static void required(String field, String value, int max, Lines lines, String code, String rule,
                                List<Violation> violations) {
        if (!storable(field, value, lines, violations)) {
            return;
        }
        if (value == null || value.isBlank() || value.length() > max) {
            violations.add(new Violation(field, code, rule));
        }
    }

    /** May be absent or empty; when present within {@code max} chars and storable. */
    public static void optional(String field, String value, int max, Lines lines, String code, String rule,
                                List<Violation> violations) {
        if (storable(field, value, lines, violations) && value != null && value.length() > max) {
            violations.add(new Violation(field, code, rule));
        }
    }
}
