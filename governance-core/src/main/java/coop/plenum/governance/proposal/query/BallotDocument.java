package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One ballot event of a proposal, keyed {@code proposalId|sequence} so a redelivered event writes the same
 * document again. {@code choice} null: the ballot was retracted.
 */
@Document("proposal_ballots")
record BallotDocument(@Id String id, String proposalId, long sequence, String memberId, Choice choice, Instant at) {

    static String key(String proposalId, long sequence) {
        return proposalId + "|" + sequence;
    }
}
