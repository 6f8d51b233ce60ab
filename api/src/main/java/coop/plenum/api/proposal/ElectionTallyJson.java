package coop.plenum.api.proposal;

import coop.plenum.governance.election.ElectionClassResult;
import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.election.MeekCount;
import coop.plenum.governance.election.MeekRound;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.voting.Ratio;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ELECTION's count in a tally ({@code election}): per contested class its seats, the candidates (member ids),
 * participation and quorum, the elected (empty when the election had no quorum), the excluded and, round by round,
 * the Meek count: the quota, each candidate's votes, keep value and transfer since the previous round, the exhausted
 * weight, the surplus, the iterations and what the round decided. Values are decimal strings rounded to six digits
 * for people; {@code quotaExact} is the exact fraction. {@code count} is absent for a class in which nobody voted.
 */
public record ElectionTallyJson(List<ClassCountJson> classes) {

    public record ClassCountJson(String classId, int seats, List<String> candidates, String electoratePower,
                                 String participating, int ballots, int quorum, boolean quorumMet, List<String> elected,
                                 List<String> excluded, List<RoundJson> rounds) {
    }

    /** One round of a class's Meek count; the field descriptions are the API's documentation of the count. */
    public record RoundJson(
            @Schema(description = "the round's number, from 1") int number,
            @Schema(description = "what ended the round: ELECTED (one or more candidates strictly exceeded the quota), "
                    + "EXCLUDED (the keep values had settled and nobody reached it: the candidate with the fewest votes "
                    + "goes) or ELECTED_REMAINING (no more candidates than seats left: all elected)",
                    allowableValues = {"ELECTED", "EXCLUDED", "ELECTED_REMAINING"}) String action,
            @Schema(description = "the member ids the round's action concerns, elected ones in the order they were elected")
            List<String> candidates,
            @Schema(description = "the quota, (participating weight - exhausted) / (seats + 1), as a decimal rounded to "
                    + "six digits; a candidate is elected on strictly exceeding it", example = "1.333333") String quota,
            @Schema(description = "the quota as an exact fraction", example = "4/3") String quotaExact,
            @Schema(description = "each candidate's votes when the round's action was taken, {memberId: decimal}; a "
                    + "candidate excluded earlier has 0") Map<String, String> votes,
            @Schema(description = "each candidate's keep value, {memberId: decimal}: the share of what reaches them that "
                    + "they keep, passing the rest on; 1 while hopeful, lower once elected (on the grid of 10^-9), 0 once "
                    + "excluded") Map<String, String> keepValues,
            @Schema(description = "each candidate's gain (positive) or loss (negative) of votes since the previous round "
                    + "(in round 1: their first preferences), {memberId: decimal}; with exhaustedTransfer they sum to zero "
                    + "from round 2 on") Map<String, String> transfers,
            @Schema(description = "the weight passed on beyond the last candidate still counted on its ballot (a ballot "
                    + "ranking nobody still counted is exhausted whole): it counts for nobody", example = "0.000000") String exhausted,
            @Schema(description = "the change in exhausted weight since the previous round") String exhaustedTransfer,
            @Schema(description = "the total of the elected's votes above the quota when the round's action was taken")
            String surplus,
            @Schema(description = "how many distributions of the ballots (with keep values updated between them) the "
                    + "round took") int iterations) {
    }

    static TallyJson tally(TallyView view) {
        ElectionResult r = view.election();
        boolean decided = view.outcome() != null;
        List<TallyJson.ClassJson> classes = r.classes().stream().map(c -> new TallyJson.ClassJson(c.classId(),
                c.weight() == null ? 0 : c.weight(), c.quorum() == null ? 0 : c.quorum(), TallyJson.power(c.electoratePower()),
                null, null, null, participation(c), null, c.quorumMet(), TallyJson.power(c.participatingPower()), null, null,
                null, null, null)).toList();
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), null, classes, "ELECTION", null, decided ? r.elected() : null, null, null, null, null, null,
                new ElectionTallyJson(r.classes().stream().map(ElectionTallyJson::of).toList()), null);
    }

    private static String participation(ElectionClassResult c) {
        return c.electoratePower().signum() == 0 ? null
                : TallyJson.ratio(Ratio.of(c.participatingPower(), c.electoratePower()));
    }

    private static ClassCountJson of(ElectionClassResult c) {
        MeekCount count = c.count();
        return new ClassCountJson(c.classId(), c.seats(), c.candidates(), TallyJson.power(c.electoratePower()),
                TallyJson.power(c.participatingPower()), c.ballots(), c.quorum() == null ? 0 : c.quorum(), c.quorumMet(),
                c.elected(), count == null ? List.of() : count.excluded(),
                count == null ? List.of() : count.rounds().stream().map(ElectionTallyJson::of).toList());
    }

    private static RoundJson of(MeekRound r) {
        return new RoundJson(r.number(), r.action().name(), r.candidates(), TallyJson.ratio(r.quota()), r.quota().toString(),
                byCandidate(r.votes()), byCandidate(r.keepValues()),
                byCandidate(r.transfers()), TallyJson.ratio(r.exhausted()),
                TallyJson.ratio(r.exhaustedTransfer()), TallyJson.ratio(r.surplus()), r.iterations());
    }

    /** Sorted by candidate id: the round's maps (Map.copyOf) have no stable order of their own. */
    private static Map<String, String> byCandidate(Map<String, Ratio> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> out.put(k, TallyJson.ratio(values.get(k))));
        return out;
    }
}
