package coop.plenum.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.proposal.ProposalKind;

import java.time.Instant;

/**
 * {@code POST …/proposals}. {@code effect} is the new charter for a CHARTER_AMENDMENT and the member id (a string)
 * for an ADMISSION or EXPULSION; a GENERAL proposal has none.
 */
public record SubmitProposalRequest(String title, String body, String topic, ProposalKind kind, JsonNode effect,
                                    Instant votingOpensAt, Instant votingClosesAt) {
}
