package coop.plenum.api.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.query.RevealedBallotsView;

import java.util.List;
import java.util.Map;

/**
 * A closed secret vote's revealed ballots, in their published order (by tag): anonymous, each with the class and
 * power it counted with and its body; a voter finds theirs by the tag of their receipt secret
 * (docs/secret-ballots.md). Fetched whole, so that looking for one's own tells the server nothing.
 */
public record RevealedBallotsJson(String proposalId, int count, List<Ballot> ballots) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ballot(String tag, String classId, String power, String choice, List<String> approve,
                         Map<String, Integer> scores, String consent, String reason, List<List<String>> ranking) {
    }

    static RevealedBallotsJson of(RevealedBallotsView view) {
        return new RevealedBallotsJson(view.proposalId().value(), view.ballots().size(),
                view.ballots().stream().map(RevealedBallotsJson::of).toList());
    }

    private static Ballot of(RevealedBallot b) {
        return new Ballot(b.tag(), b.classId(), b.power().toPlainString(),
                b.choice() == null ? null : b.choice().name(), b.approve(), b.scores(),
                b.consent() == null ? null : b.consent().name(), b.reason(), b.ranking());
    }
}
