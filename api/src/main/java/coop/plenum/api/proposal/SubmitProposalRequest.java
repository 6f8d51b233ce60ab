package coop.plenum.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.proposal.ProposalKind;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST …/proposals}. {@code effect} is the new charter for a CHARTER_AMENDMENT and the member id (a string)
 * for an ADMISSION or EXPULSION; a GENERAL proposal has none.
 * {@code method} is YES_NO when absent; APPROVAL and SCORE need {@code options: [{id, label}]} (2 to 50).
 * {@code visibility} is PUBLIC when absent; AFTER_CLOSE hides ballots and running results until the vote closes.
 * {@code seats} (ELECTION only): seats per class, {@code {classId: 1 to 50}}; absent, the charter's seats in force at
 * submission, and an ELECTION with neither is refused naming {@code seats}.
 * BUDGET needs {@code budget: {amount, currency}} and projects as options {@code [{id, label, cost}]} (2 to 50); the
 * bounds are in the README's "HTTP API". {@code secrecy} SECRET (any method but ELECTION) seals the ballots until close
 * (docs/secret-ballots.md); absent: OPEN, except ADMISSION and EXPULSION, which are SECRET unless the charter says otherwise.
 */
public record SubmitProposalRequest(String title, String body, String topic, ProposalKind kind, JsonNode effect,
                                    Instant votingOpensAt, Instant votingClosesAt, VoteMethod method,
                                    List<ProposalOption> options, coop.plenum.governance.proposal.Visibility visibility,
                                    @io.swagger.v3.oas.annotations.media.Schema(description = "ELECTION only: seats per "
                                            + "class, {classId: 1 to 50}, for the charter's classes. Absent: the charter's "
                                            + "seats in force at submission; with neither, 400 naming seats.")
                                    java.util.Map<String, Integer> seats,
                                    coop.plenum.governance.budget.ProposalBudget budget,
                                    coop.plenum.governance.proposal.Secrecy secrecy) {
}
