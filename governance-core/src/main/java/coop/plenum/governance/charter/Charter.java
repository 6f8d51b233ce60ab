package coop.plenum.governance.charter;

import java.util.List;

/**
 * A cooperative's constitution. Commands may leave parts out ({@code null}); {@link CharterRules#complete}
 * fills documented defaults, so every event carries a complete charter and a reader never guesses.
 */
public record Charter(List<StakeholderClass> classes,
                      List<String> topics,
                      DecisionRule decision,
                      VotingPowerRule votingPower,
                      DelegationRule delegation,
                      AdmissionPolicy admission,
                      LedgerRule ledger) {

    public boolean hasClass(String classId) {
        return classes != null && classId != null && classes.stream().anyMatch(c -> c != null && classId.equals(c.id()));
    }
}
