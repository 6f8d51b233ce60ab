package coop.plenum.web;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.List;

/**
 * What a page form may carry: text a person can type. Control characters (NUL and the like; tab and line breaks are
 * fine) are refused at the page's edge, naming the field, before any command is built: they are never what someone
 * meant, and the event log must be able to store and read back whatever is accepted.
 */
final class FormText {

    private FormText() {
    }

    /** Refuses the form if any field holds a control character; every offending field is named. */
    static void requireTypable(MultiValueMap<String, String> form) {
        List<Violation> violations = new ArrayList<>();
        form.forEach((field, values) -> {
            if (!"_csrf".equals(field) && values.stream().anyMatch(FormText::hasControlCharacter)) {
                violations.add(new Violation(field, "request.control-character",
                        field + " may not contain control characters (such as NUL)"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    static boolean hasControlCharacter(String text) {
        return text != null && text.codePoints().anyMatch(c -> c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c));
    }

    /** The typed value for showing it again: without the characters that were refused. */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !(c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c))).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
