package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.cooperative.FoundingInputRules;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SPEC "Cooperative and charter": what a founding must satisfy besides its input bounds
 * ({@link FoundingInputRules}): founders and secretary are existing accounts, each founder listed once.
 */
final class FoundingRules {

    private FoundingRules() {
    }

    static void assertValid(FoundCooperative command, KnownAccounts accounts) {
        List<Violation> v = FoundingInputRules.founding(command);
        if (command.founders() != null && command.founders().size() <= FoundingInputRules.MAX_FOUNDERS) {
            foundersAreKnownAccountsListedOnce(command.founders(), accounts, v);
        }
        secretaryIsAKnownAccount(command.secretaryAccountId(), accounts, v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }

    static void foundersAreKnownAccountsListedOnce(List<FounderSeat> founders, KnownAccounts accounts, List<Violation> v) {
        Set<AccountId> seen = new HashSet<>();
        for (int i = 0; i < founders.size(); i++) {
            AccountId account = founders.get(i) == null ? null : founders.get(i).accountId();
            if (!isWellFormed(account)) {
                continue; // said by the input rules; never looked up
            }
            String at = "founders[" + i + "].accountId";
            if (!accounts.exists(account)) {
                v.add(new Violation(at, "cooperative.founder-account-unknown", "no account '" + account + "'"));
            } else if (!seen.add(account)) {
                v.add(new Violation(at, "cooperative.founder-duplicate", "the account '" + account + "' is listed twice"));
            }
        }
    }

    static void secretaryIsAKnownAccount(AccountId secretary, KnownAccounts accounts, List<Violation> v) {
        if (isWellFormed(secretary) && !accounts.exists(secretary)) {
            v.add(new Violation("secretaryAccountId", "cooperative.secretary-unknown", "no account '" + secretary + "'"));
        }
    }

    private static boolean isWellFormed(AccountId account) {
        return account != null && Ids.isWellFormed(account.value());
    }
}
