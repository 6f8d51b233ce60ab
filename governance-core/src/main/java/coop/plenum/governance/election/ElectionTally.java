package coop.plenum.governance.election;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Voter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC "Voting methods", ELECTION, from a frozen electorate to an outcome: the one count the Proposal aggregate closes
 * with and the read side shows (pure, exact). Per class with seats: the ballots of the class's own members, each
 * weighted by the member's power, restricted to the class's candidates, counted by {@link MeekStv}. Not delegable: a
 * member's ballot counts for them alone, and a member who cast none is not counted (whatever they delegated).
 * <p>
 * The outcome (SPEC is silent; docs/tally.md "ELECTION: outcome"): a class with electorate power takes part in the
 * quorum rule like every method (participating power / electorate power ≥ quorum / 100); if any such class misses its
 * quorum the election is {@code NO_QUORUM} and nobody is elected; otherwise {@code ACCEPTED} if anyone was elected,
 * else {@code REJECTED} (no candidates, or no ballots). A class in which nobody took part elects nobody (its seats
 * stay vacant, like seats without enough candidates).
 */
public final class ElectionTally {

    private ElectionTally() {
    }

    /**
     * @param classes    the charter's classes pinned at opening (their order is the result's order; their quorums)
     * @param seats      seats per class; classes without seats are not contested
     * @param candidates the candidates standing per class, in the pinned order (it breaks ties that never differed)
     * @param electorate the frozen electorate with class and power
     * @param rankings   each member's current ballot: the candidates they rank, best first
     */
    public static ElectionResult count(List<StakeholderClass> classes, Map<String, Integer> seats,
                                       Map<String, List<String>> candidates, List<Voter> electorate,
                                       Map<MemberId, List<String>> rankings) {
        List<ElectionClassResult> results = new ArrayList<>();
        boolean quorumMissed = false;
        for (StakeholderClass c : classes) {
            Integer classSeats = seats.get(c.id());
            if (classSeats == null || classSeats < 1) {
                continue;
            }
            List<String> standing = candidates.getOrDefault(c.id(), List.of());
            Set<String> standingSet = Set.copyOf(standing);
            BigDecimal electoratePower = BigDecimal.ZERO;
            BigDecimal participating = BigDecimal.ZERO;
            List<RankedVote> ballots = new ArrayList<>();
            for (Voter v : electorate) {
                if (!c.id().equals(v.classId())) {
                    continue;
                }
                electoratePower = electoratePower.add(v.power());
                List<String> ranking = rankings.get(v.memberId());
                if (ranking == null) {
                    continue;
                }
                participating = participating.add(v.power());
                // the aggregate refuses other names; a ballot is still read defensively (each candidate once, own class)
                List<String> own = new ArrayList<>(new LinkedHashSet<>(ranking));
                own.removeIf(id -> !standingSet.contains(id));
                ballots.add(new RankedVote(own, v.power()));
            }
            boolean quorumMet = quorumMet(c.quorum(), electoratePower, participating);
            quorumMissed |= !quorumMet && electoratePower.signum() > 0;
            MeekCount count = participating.signum() > 0 ? MeekStv.count(standing, classSeats, ballots) : null;
            results.add(new ElectionClassResult(c.id(), c.weight(), classSeats, standing, electoratePower, participating,
                    ballots.size(), c.quorum(), quorumMet, count, count == null ? List.of() : count.elected()));
        }
        if (quorumMissed) {
            List<ElectionClassResult> none = results.stream().map(r -> new ElectionClassResult(r.classId(), r.weight(), r.seats(),
                    r.candidates(), r.electoratePower(), r.participatingPower(), r.ballots(), r.quorum(), r.quorumMet(),
                    r.count(), List.of())).toList();
            return new ElectionResult(Outcome.NO_QUORUM, none, List.of());
        }
        List<String> elected = results.stream().flatMap(r -> r.elected().stream()).toList();
        return new ElectionResult(elected.isEmpty() ? Outcome.REJECTED : Outcome.ACCEPTED, results, elected);
    }

    /** participating / electorate ≥ quorum / 100, exactly; a class without electorate power has nothing to miss. */
    static boolean quorumMet(Integer quorum, BigDecimal electoratePower, BigDecimal participating) {
        if (electoratePower.signum() == 0) {
            return true;
        }
        int q = quorum == null ? 0 : quorum;
        return participating.multiply(BigDecimal.valueOf(100)).compareTo(electoratePower.multiply(BigDecimal.valueOf(q))) >= 0;
    }
}
