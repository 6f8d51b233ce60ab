package coop.plenum.governance.charter;

import java.util.List;
import java.util.Map;

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
                      LedgerRule ledger,
                      Boolean secretPeopleVotes,
                      Map<String, Integer> seats) {

    /** A charter without {@code secretPeopleVotes}: admissions and expulsions are decided by secret ballot. */
    public Charter(List<StakeholderClass> classes, List<String> topics, DecisionRule decision, VotingPowerRule votingPower,
                   DelegationRule delegation, AdmissionPolicy admission, LedgerRule ledger) {
        this(classes, topics, decision, votingPower, delegation, admission, ledger, null);
    }

    /** A charter without board {@code seats}: every ELECTION gives its own. */
    public Charter(List<StakeholderClass> classes, List<String> topics, DecisionRule decision, VotingPowerRule votingPower,
                   DelegationRule delegation, AdmissionPolicy admission, LedgerRule ledger, Boolean secretPeopleVotes) {
        this(classes, topics, decision, votingPower, delegation, admission, ledger, secretPeopleVotes, null);
    }

    /**
     * SPEC "Voting methods", ELECTION: the board seats per class the charter gives, which an ELECTION proposal without
     * its own {@code seats} takes at submission; none when absent (every charter recorded before it existed).
     */
    public Map<String, Integer> seatsOrNone() {
        return seats == null ? Map.of() : seats;
    }

    /**
     * SPEC "Voting methods", {@code secrecy}: votes about people (ADMISSION, EXPULSION) are SECRET unless the proposal
     * says otherwise or the charter sets {@code secretPeopleVotes: false}; absent (every charter recorded before it
     * existed) means secret. docs/charter.md.
     */
    public boolean peopleVotesAreSecret() {
        return !Boolean.FALSE.equals(secretPeopleVotes);
    }

    public boolean hasClass(String classId) {
        return classes != null && classId != null && classes.stream().anyMatch(c -> c != null && classId.equals(c.id()));
    }
}
