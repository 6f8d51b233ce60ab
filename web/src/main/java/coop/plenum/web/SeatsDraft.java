package coop.plenum.web;

import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "new proposal" form's seats per class for a board election ({@code seats-<classId>}, a number per class; blank
 * or 0 gives the class no seats), kept as typed so a refused form shows them again. Reading it gives the
 * {@code seats} the API takes; whether they suit the charter (1 to 50, known classes) the aggregate decides.
 */
record SeatsDraft(Map<String, String> typed) {

    static final SeatsDraft EMPTY = new SeatsDraft(Map.of());
    static final String SEATS = "seats-";

    SeatsDraft {
        typed = java.util.Collections.unmodifiableMap(new TreeMap<>(typed));
    }

    static SeatsDraft of(MultiValueMap<String, String> form) {
        Map<String, String> typed = new TreeMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(SEATS)) {
                typed.put(field.substring(SEATS.length()), values.isEmpty() || values.get(0) == null ? "" : values.get(0));
            }
        });
        return new SeatsDraft(typed);
    }

    SeatsDraft shown() {
        Map<String, String> shown = new TreeMap<>();
        typed.forEach((k, v) -> shown.put(FormText.shown(k), FormText.shown(v)));
        return new SeatsDraft(shown);
    }

    /** For the template: what was typed for a class. */
    public String of(String classId) {
        return typed.getOrDefault(classId, "");
    }

    /** The submission with the seats typed, for an ELECTION; any other method's submission unchanged. */
    SubmitProposal onto(SubmitProposal command) {
        if (command.method() != VoteMethod.ELECTION) {
            return command;
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seats = new TreeMap<>();
        typed.forEach((classId, value) -> {
            String digits = value.strip();
            if (digits.isEmpty()) {
                return;
            }
            if (digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
                violations.add(new Violation("seats." + classId, "proposal.seats-invalid", "seats are a whole number"));
                return;
            }
            int n = Integer.parseInt(digits);
            if (n > 0) {
                seats.put(classId, n);
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new SubmitProposal(command.proposalId(), command.cooperativeId(), command.title(), command.body(),
                command.topic(), command.kind(), command.effect(), command.votingOpensAt(), command.votingClosesAt(),
                command.method(), command.options(), command.visibility(), seats, command.budget(), command.secrecy());
    }
}
