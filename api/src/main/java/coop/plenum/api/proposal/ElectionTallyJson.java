package coop.plenum.api.proposal;

import coop.plenum.governance.election.ElectionClassResult;
import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.election.MeekCount;
import coop.plenum.governance.election.MeekRound;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.voting.Ratio;

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

    public record RoundJson(int number, String action, List<String> candidates, String quota, String quotaExact,
                            Map<String, String> votes, Map<String, String> keepValues, Map<String, String> transfers,
                            String exhausted, String exhaustedTransfer, String surplus, int iterations) {
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
