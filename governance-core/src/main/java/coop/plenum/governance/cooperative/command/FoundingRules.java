package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.cooperative.Charter;
import coop.plenum.governance.cooperative.CharterRules;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SPEC "Cooperative and charter": what a founding must satisfy besides a valid charter. */
final class FoundingRules {

    static final int MAX_NAME = 120;

    private FoundingRules() {
    }

    static void assertValid(FoundCooperative command, Charter charter, KnownAccounts accounts) {
        List<Violation> v = new ArrayList<>();
        nameIsPresentAndShort(command.name(), v);
        v.addAll(CharterRules.violations(charter));
        foundersAreKnownAccountsInCharterClasses(command.founders(), charter, accounts, v);
        secretaryIsAKnownAccount(command.secretaryAccountId(), accounts, v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }

    static void nameIsPresentAndShort(String name, List<Violation> v) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            v.add(new Violation("name", "cooperative.name-invalid", "a cooperative's name is 1 to " + MAX_NAME + " characters"));
        }
    }

    static void foundersAreKnownAccountsInCharterClasses(List<FounderSeat> founders, Charter charter,
                                                         KnownAccounts accounts, List<Violation> v) {
        if (founders == null || founders.isEmpty()) {
            v.add(new Violation("founders", "cooperative.founders-missing", "a cooperative has at least one founder"));
            return;
        }
        Set<AccountId> seen = new HashSet<>();
        for (int i = 0; i < founders.size(); i++) {
            FounderSeat seat = founders.get(i);
            String at = "founders[" + i + "]";
            if (seat == null || seat.accountId() == null) {
                v.add(new Violation(at + ".accountId", "cooperative.founder-account-missing", "each founder names an accountId"));
                continue;
            }
            if (!accounts.exists(seat.accountId())) {
                v.add(new Violation(at + ".accountId", "cooperative.founder-account-unknown", "no account '" + seat.accountId() + "'"));
            } else if (!seen.add(seat.accountId())) {
                v.add(new Violation(at + ".accountId", "cooperative.founder-duplicate", "the account '" + seat.accountId() + "' is listed twice"));
            }
            if (charter != null && !charter.hasClass(seat.classId())) {
                v.add(new Violation(at + ".classId", "cooperative.founder-class-unknown", "the charter has no class '" + seat.classId() + "'"));
            }
        }
    }

    static void secretaryIsAKnownAccount(AccountId secretary, KnownAccounts accounts, List<Violation> v) {
        if (secretary == null) {
            v.add(new Violation("secretaryAccountId", "cooperative.secretary-missing", "a cooperative is founded with a first secretary"));
        } else if (!accounts.exists(secretary)) {
            v.add(new Violation("secretaryAccountId", "cooperative.secretary-unknown", "no account '" + secretary + "'"));
        }
    }
}
