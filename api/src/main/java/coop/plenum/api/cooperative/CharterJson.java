package coop.plenum.api.cooperative;

import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.charter.VotingPowerMode;
import coop.plenum.governance.charter.VotingPowerRule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The charter as JSON, in requests and responses. Parts left out of a request get the documented defaults;
 * {@code secretPeopleVotes} and {@code seats} stay absent unless given (docs/charter.md).
 */
public record CharterJson(List<ClassJson> classes,
                          List<String> topics,
                          DecisionJson decision,
                          VotingPowerJson votingPower,
                          DelegationJson delegation,
                          AdmissionPolicy admission,
                          LedgerJson ledger,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Boolean secretPeopleVotes,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          @io.swagger.v3.oas.annotations.media.Schema(description = "Board seats per stakeholder class, "
                                  + "{classId: 1 to 50}, only for the charter's own classes; an ELECTION proposal without "
                                  + "its own seats takes these at submission. Absent: none (every ELECTION gives its seats).",
                                  example = "{\"workers\": 2, \"users\": 1}")
                          Map<String, Integer> seats) {

    public CharterJson(List<ClassJson> classes, List<String> topics, DecisionJson decision, VotingPowerJson votingPower,
                       DelegationJson delegation, AdmissionPolicy admission, LedgerJson ledger) {
        this(classes, topics, decision, votingPower, delegation, admission, ledger, null, null);
    }

    public CharterJson(List<ClassJson> classes, List<String> topics, DecisionJson decision, VotingPowerJson votingPower,
                       DelegationJson delegation, AdmissionPolicy admission, LedgerJson ledger, Boolean secretPeopleVotes) {
        this(classes, topics, decision, votingPower, delegation, admission, ledger, secretPeopleVotes, null);
    }

    public record ClassJson(String id, String name, Integer weight, Integer quorum) {
    }

    public record DecisionJson(Threshold threshold, ClassRule classRule) {
    }

    public record VotingPowerJson(VotingPowerMode mode, BigDecimal pointsPerVote, BigDecimal maxBonus, Integer windowDays) {
    }

    public record DelegationJson(Boolean enabled, Integer maxChainLength) {
    }

    public record LedgerJson(Map<String, BigDecimal> rates, Integer requiredEvaluations) {
    }

    public Charter toCharter() {
        return new Charter(
                classes == null ? null : classes.stream()
                        .map(c -> c == null ? null : new StakeholderClass(c.id(), c.name(), c.weight(), c.quorum())).toList(),
                topics,
                decision == null ? null : new DecisionRule(decision.threshold(), decision.classRule()),
                votingPower == null ? null : new VotingPowerRule(votingPower.mode(), votingPower.pointsPerVote(),
                        votingPower.maxBonus(), votingPower.windowDays()),
                delegation == null ? null : new DelegationRule(delegation.enabled(), delegation.maxChainLength()),
                admission,
                ledger == null ? null : new LedgerRule(ledger.rates(), ledger.requiredEvaluations()), secretPeopleVotes, seats);
    }

    /** For other API features that accept a charter (charter amendments). */
    public static Charter toCharterOf(CharterJson json) {
        return json.toCharter();
    }

    public static CharterJson from(Charter charter) {
        return new CharterJson(
                charter.classes().stream().map(c -> new ClassJson(c.id(), c.name(), c.weight(), c.quorum())).toList(),
                charter.topics(),
                new DecisionJson(charter.decision().threshold(), charter.decision().classRule()),
                new VotingPowerJson(charter.votingPower().mode(), charter.votingPower().pointsPerVote(),
                        charter.votingPower().maxBonus(), charter.votingPower().windowDays()),
                new DelegationJson(charter.delegation().enabled(), charter.delegation().maxChainLength()),
                charter.admission(),
                new LedgerJson(charter.ledger().rates(), charter.ledger().requiredEvaluations()), charter.secretPeopleVotes(),
                charter.seats());
    }
}
