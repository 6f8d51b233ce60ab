package coop.plenum.governance.cooperative;

import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.charter.Charter;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * SPEC "Cooperative and charter": what a founding must look like before any account is looked up: a clean name,
 * a valid charter (with its defaults filled), founders and a secretary named by well-formed account ids.
 */
public final class FoundingInputRules {

    public static final int MAX_NAME = 120;
    public static final int MAX_FOUNDERS = 1_000;

    private FoundingInputRules() {
    }

    public static List<Violation> founding(FoundCooperative command) {
        List<Violation> v = new ArrayList<>();
        Texts.required("name", command.name(), MAX_NAME, Texts.Lines.ONE, "cooperative.name-invalid",
                "a cooperative's name is 1 to " + MAX_NAME + " characters", v);
        Charter charter = CharterRules.complete(command.charter());
        v.addAll(CharterRules.violations(charter));
        foundersAreNamedInCharterClasses(command.founders(), charter, v);
        if (command.secretaryAccountId() == null) {
            v.add(new Violation("secretaryAccountId", "cooperative.secretary-missing", "a cooperative is founded with a first secretary"));
        } else {
            Ids.wellFormed("secretaryAccountId", command.secretaryAccountId().value(), v);
        }
        return v;
    }

    private static void foundersAreNamedInCharterClasses(List<FounderSeat> founders, Charter charter, List<Violation> v) {
        if (founders == null || founders.isEmpty()) {
            v.add(new Violation("founders", "cooperative.founders-missing", "a cooperative has at least one founder"));
            return;
        }
        if (founders.size() > MAX_FOUNDERS) {
            v.add(new Violation("founders", "cooperative.too-many-founders", "a cooperative has at most " + MAX_FOUNDERS + " founders"));
            return;
        }
        for (int i = 0; i < founders.size(); i++) {
            FounderSeat seat = founders.get(i);
            String at = "founders[" + i + "]";
            if (seat == null || seat.accountId() == null) {
                v.add(new Violation(at + ".accountId", "cooperative.founder-account-missing", "each founder names an accountId"));
                continue;
            }
            Ids.wellFormed(at + ".accountId", seat.accountId().value(), v);
            if (charter != null && !charter.hasClass(seat.classId())) {
                v.add(new Violation(at + ".classId", "cooperative.founder-class-unknown",
                        "the charter has no class '" + (Ids.isWellFormed(seat.classId()) ? seat.classId() : "?") + "'"));
            }
        }
    }
}
