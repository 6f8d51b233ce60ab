package coop.plenum.api.invitation;

import coop.plenum.governance.invitation.InvitationRules;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A pasted list or CSV file of people to invite: one per line, {@code email} or {@code email,classId} (a line without
 * a class takes the default class). Blank lines and a header line {@code email,classId} are skipped. Every error names
 * its 1-based line as {@code lines[N]}, so the secretary can find it in what they pasted.
 */
public final class InvitationLines {

    /** One person to invite, with the line it came from (0 for a JSON invitee without a line). */
    public record Line(int number, String email, String classId) {
    }

    /** Longest accepted paste: 500 lines of at most ~300 characters. */
    static final int MAX_TEXT = 200_000;

    private InvitationLines() {
    }

    public static List<Line> parse(String text, String defaultClassId) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("lines", "invitation.count-out-of-range", "paste 1 to " + InvitationRules.MAX_PER_REQUEST
                    + " lines, one email (or email,classId) per line");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput("lines", "invitation.count-out-of-range", "at most " + InvitationRules.MAX_PER_REQUEST
                    + " lines of " + MAX_TEXT / InvitationRules.MAX_PER_REQUEST + " characters each");
        }
        List<Line> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            int number = i + 1;
            if (line.isEmpty() || (lines.isEmpty() && line.replace(" ", "").equalsIgnoreCase("email,classid"))) {
                continue;
            }
            String[] cells = line.split("[,;\t]", -1);
            if (cells.length > 2) {
                violations.add(new Violation("lines[" + number + "]", "invitation.line-invalid",
                        "line " + number + ": write email or email,classId"));
                continue;
            }
            String email = unquoted(cells[0]);
            String classId = cells.length == 2 && !unquoted(cells[1]).isEmpty() ? unquoted(cells[1]) : defaultClassId;
            lines.add(new Line(number, email, classId));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        if (lines.isEmpty() || lines.size() > InvitationRules.MAX_PER_REQUEST) {
            throw new InvalidInput("lines", "invitation.count-out-of-range", "paste 1 to " + InvitationRules.MAX_PER_REQUEST
                    + " lines, one email (or email,classId) per line; this had " + lines.size());
        }
        return lines;
    }

    private static String unquoted(String cell) {
        String value = cell.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    /**
     * The cooperative names a refused invitee by its position ({@code invitees[i].email}); a pasted list names it by
     * the line the secretary typed, with the line in the message too.
     */
    static InvalidInput byLine(InvalidInput refused, List<Line> lines) {
        List<Violation> renamed = refused.violations().stream().map(v -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("invitees\\[(\\d+)](.*)").matcher(v.field());
            if (!m.matches()) {
                return v;
            }
            int index = Integer.parseInt(m.group(1));
            if (index >= lines.size() || lines.get(index).number() == 0) {
                return v;
            }
            int number = lines.get(index).number();
            return new Violation("lines[" + number + "]" + m.group(2), v.code(), "line " + number + ": " + v.message());
        }).toList();
        return new InvalidInput(renamed);
    }
}
