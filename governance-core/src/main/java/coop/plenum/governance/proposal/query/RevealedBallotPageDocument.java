package coop.plenum.governance.proposal.query;

import coop.plenum.governance.proposal.RevealedBallot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One {@code SecretBallotsRevealed} page of a closed secret vote, named {@code proposalId|page}: written whole once
 * (a redelivery writes the same), read by key. Anonymous by construction: no member id is in it.
 */
@Document("revealedBallots")
record RevealedBallotPageDocument(@Id String id, String proposalId, int page, int pages, List<RevealedBallot> ballots) {

    static String key(String proposalId, int page) {
        return proposalId + "|" + page;
    }
}
