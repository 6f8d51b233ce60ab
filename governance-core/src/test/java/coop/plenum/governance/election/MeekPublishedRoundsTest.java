package coop.plenum.governance.election;

import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.election.MeekStvTest.ballots;
import static coop.plenum.governance.election.MeekStvTest.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The round-by-round count, not only the elected, checked against a published Meek count: Droop's exact-rational
 * "Meek Parametric" rule (github.com/jklundell/droop, test/ref/dump/*-meek-o10-rational-d12.txt), whose dumps print
 * each round's quota, every candidate's votes and keep value, and the residue (what Plenum calls exhausted), to 12
 * digits. The reference numbers are written down here as data; the transfers are checked against the differences of
 * the reference's votes from one round to the next (and the exhausted transfer against its residue's), which is what
 * Plenum's {@code transfers} mean.
 *
 * <p>Where the two counts cannot agree to the last digit the tolerance says why: Plenum's keep values sit on the
 * 10⁻⁹ grid, rounded up, and it stops iterating at a total surplus of 10⁻⁹ of the weight, while the reference keeps
 * exact keep values and iterates to 10⁻¹⁰; so keep values differ by about 10⁻⁹ and votes of about a thousand ballots
 * by about 10⁻⁶. Far finer than anything the count decides on here, and far coarser than a wrong transfer.
 */
class MeekPublishedRoundsTest {

    /** One candidate's line in a reference round: votes and keep value, as the dump prints them. */
    record Line(String votes, String keep) {
    }

    /** A reference round: its quota, its residue (exhausted), and each candidate's line. */
    record ReferenceRound(String quota, String exhausted, Map<String, Line> lines) {
    }

    private static Map<String, Line> lines(String... nameVotesKeep) {
        Map<String, Line> out = new LinkedHashMap<>();
        for (int i = 0; i < nameVotesKeep.length; i += 3) {
            out.put(nameVotesKeep[i], new Line(nameVotesKeep[i + 1], nameVotesKeep[i + 2]));
        }
        return out;
    }

    /**
     * Checks every round of {@code count} against {@code reference}: quota, exhausted and exhausted transfer, and each
     * candidate's votes, keep value and transfer; votes and their differences within {@code votes}, keep values within
     * {@code keep}. {@code quotaRounds}: how many leading rounds to compare the quota of (see the 513 case).
     */
    private static void matchesRoundByRound(MeekCount count, List<ReferenceRound> reference, BigDecimal votes,
                                            BigDecimal keep, int quotaRounds) {
        assertThat(count.rounds()).hasSameSizeAs(reference);
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        BigDecimal exhaustedBefore = BigDecimal.ZERO;
        for (int i = 0; i < reference.size(); i++) {
            MeekRound ours = count.rounds().get(i);
            ReferenceRound theirs = reference.get(i);
            String round = "round " + (i + 1) + " ";
            if (i < quotaRounds) {
                assertThat(decimal(ours.quota())).as(round + "quota").isCloseTo(new BigDecimal(theirs.quota()), within(votes));
            }
            BigDecimal exhausted = new BigDecimal(theirs.exhausted());
            assertThat(decimal(ours.exhausted())).as(round + "exhausted").isCloseTo(exhausted, within(votes));
            assertThat(decimal(ours.exhaustedTransfer())).as(round + "exhausted transfer")
                    .isCloseTo(exhausted.subtract(exhaustedBefore), within(votes));
            exhaustedBefore = exhausted;
            for (Map.Entry<String, Line> line : theirs.lines().entrySet()) {
                String who = round + line.getKey() + " ";
                BigDecimal v = new BigDecimal(line.getValue().votes());
                assertThat(decimal(ours.votes().get(line.getKey()))).as(who + "votes").isCloseTo(v, within(votes));
                assertThat(decimal(ours.keepValues().get(line.getKey()))).as(who + "keep value")
                        .isCloseTo(new BigDecimal(line.getValue().keep()), within(keep));
                assertThat(decimal(ours.transfers().get(line.getKey()))).as(who + "transfer")
                        .isCloseTo(v.subtract(before.getOrDefault(line.getKey(), BigDecimal.ZERO)), within(votes));
                before.put(line.getKey(), v);
            }
        }
    }

    private static BigDecimal decimal(Ratio r) {
        return r.toBigDecimal(12);
    }

    /**
     * Droop's "513.blt" (2 seats; 5 Castor &gt; Pollux, 1 Pollux, 3 Helen), where every number is exact and Plenum
     * must match the reference digit for digit: round 1 elects Castor (5 over a quota of 3); round 2 brings Castor's
     * keep value to 3/5, so 2 votes move from Castor to Pollux and all three stand at 3, and Pollux goes; round 3
     * exhausts Pollux's 3 (1 ballot of his own, and the 2/5 of Castor's five that passed Castor) and elects Helen.
     * The reference leaves the quota at 3 in that last round, having no more to decide; Plenum recomputes it from the
     * votes left, 6/3 = 2, so the quota is compared in rounds 1 and 2 only.
     */
    @Test
    void droops513CountMatchesTheReferenceInEveryRoundsVotesKeepValuesAndTransfers() {
        MeekCount count = MeekStv.count(List.of("Castor", "Pollux", "Helen"), 2,
                ballots(times(5, "Castor", "Pollux"), times(1, "Pollux"), times(3, "Helen")));

        List<ReferenceRound> reference = List.of(
                new ReferenceRound("3.000000000000", "0.000000000000", lines(
                        "Castor", "5.000000000000", "1.000000000000",
                        "Pollux", "1.000000000000", "1.000000000000",
                        "Helen", "3.000000000000", "1.000000000000")),
                new ReferenceRound("3.000000000000", "0.000000000000", lines(
                        "Castor", "3.000000000000", "0.600000000000",
                        "Pollux", "3.000000000000", "1.000000000000",
                        "Helen", "3.000000000000", "1.000000000000")),
                new ReferenceRound("3.000000000000", "3.000000000000", lines(
                        "Castor", "3.000000000000", "0.600000000000",
                        "Pollux", "0.000000000000", "0.000000000000",
                        "Helen", "3.000000000000", "1.000000000000")));

        matchesRoundByRound(count, reference, BigDecimal.ZERO, BigDecimal.ZERO, 2);
        assertThat(count.rounds()).extracting(MeekRound::action)
                .containsExactly(MeekAction.ELECTED, MeekAction.EXCLUDED, MeekAction.ELECTED_REMAINING);
        assertThat(count.rounds().get(1).transfers().get("Castor")).isEqualTo(Ratio.of(-2, 1));
        assertThat(count.rounds().get(2).exhaustedTransfer()).isEqualTo(Ratio.of(3, 1));
    }

    /**
     * The Voting Matters issue 12 example (Droop's "SC-Vm-12.blt", 3 seats, 4,003 ballots; see MeekPublishedCountsTest
     * for the ballots and why the exact count elects X). Round 1 elects A and B with 1,001 each over 1,000.75; round 2
     * lowers their keep values to about 0.99975 and passes about a sixth of a vote each to X, Y and Z, and Z goes;
     * round 3 passes Z's 667 on (mostly exhausted: 800.5 of it) and lowers A's and B's keep values to about 0.7995,
     * and X passes the quota, now about 800.62, first.
     */
    @Test
    void theVotingMattersAccuracyExampleMatchesTheExactReferenceInEveryRound() {
        MeekCount count = MeekStv.count(List.of("A", "B", "X", "Y", "Z"), 3,
                ballots(times(333, "A", "X"), times(333, "A", "Y"), times(333, "A", "Z"),
                        times(333, "B", "X"), times(333, "B", "Y"), times(333, "B", "Z"), times(667, "X"),
                        times(667, "Y"), times(667, "Z"), times(1, "A", "B", "X"), times(1, "A", "B", "Y"),
                        times(2, "B", "A", "X")));

        List<ReferenceRound> reference = List.of(
                new ReferenceRound("1000.750000000000", "0.000000000000", lines(
                        "A", "1001.000000000000", "1.000000000000",
                        "B", "1001.000000000000", "1.000000000000",
                        "X", "667.000000000000", "1.000000000000",
                        "Y", "667.000000000000", "1.000000000000",
                        "Z", "667.000000000000", "1.000000000000")),
                new ReferenceRound("1000.750000000000", "0.000000000000", lines(
                        "A", "1000.750000001993", "0.999749749877",
                        "B", "1000.750000001993", "0.999749749877",
                        "X", "667.166666769714", "1.000000000000",
                        "Y", "667.166666644463", "1.000000000000",
                        "Z", "667.166666581838", "1.000000000000")),
                new ReferenceRound("800.620526946008", "800.517892215968", lines(
                        "A", "800.642779367875", "0.799522684360",
                        "B", "800.642779367875", "0.799522684360",
                        "X", "800.638465678227", "1.000000000000",
                        "Y", "800.558083370054", "1.000000000000",
                        "Z", "0.000000000000", "0.000000000000")));

        matchesRoundByRound(count, reference, new BigDecimal("0.00001"), new BigDecimal("0.000000005"), 3);
        assertThat(count.rounds()).extracting(MeekRound::candidates)
                .containsExactly(List.of("A", "B"), List.of("Z"), List.of("X"));
    }
}
