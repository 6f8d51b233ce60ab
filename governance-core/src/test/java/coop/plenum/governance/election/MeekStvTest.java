package coop.plenum.governance.election;

import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meek STV (SPEC "Voting methods", ELECTION), one example per rule, every number checked by hand in comments. */
class MeekStvTest {

    static List<RankedVote> times(int count, String... ranking) {
        return new ArrayList<>(Collections.nCopies(count, RankedVote.of(ranking)));
    }

    @SafeVarargs
    static List<RankedVote> ballots(List<RankedVote>... groups) {
        List<RankedVote> all = new ArrayList<>();
        for (List<RankedVote> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    static Ratio r(long num, long den) {
        return Ratio.of(num, den);
    }

    /**
     * The "vegetable contest" of the stv-rs test data (testdata/ballots/vegetables.blt and its Meek transcript
     * testdata/meek/vegetables.approx.log, github.com/gendx/stv-rs), written down here as data: 9 candidates, Banana
     * and Fig withdrawn (so they are simply not candidates here, and the ballots naming them skip them), 4 seats,
     * 45 ballots: n ballots rank the n-th candidate then the next one. First preferences: Apple 1, Cherry 2+3 = 5,
     * Date 4, Eggplant 5, Grape 6+7 = 13, Hazelnut 8, Jalapeno 9. The transcript elects Grape (round 1), Hazelnut and
     * Jalapeno (round 2), excludes Apple then Date, elects Eggplant, and leaves Cherry out; it rounds keep values to
     * 6 decimals where Plenum uses 9, which changes the digits of the later quotas but none of the decisions.
     */
    @Test
    void theVegetableContestElectsWhatThePublishedMeekTranscriptElects() {
        List<String> candidates = List.of("Apple", "Cherry", "Date", "Eggplant", "Grape", "Hazelnut", "Jalapeno");
        List<RankedVote> ballots = ballots(times(1, "Apple"), times(2, "Cherry"), times(3, "Cherry", "Date"),
                times(4, "Date", "Eggplant"), times(5, "Eggplant"), times(6, "Grape"), times(7, "Grape", "Hazelnut"),
                times(8, "Hazelnut", "Jalapeno"), times(9, "Jalapeno", "Apple"));

        MeekCount count = MeekStv.count(candidates, 4, ballots);

        assertThat(count.elected()).containsExactly("Grape", "Hazelnut", "Jalapeno", "Eggplant");
        assertThat(count.excluded()).containsExactly("Apple", "Date");
        assertThat(count.notElected()).containsExactly("Cherry");
        MeekRound first = count.rounds().get(0);
        // quota 45 / 5 = 9; Grape's 13 exceeds it, Jalapeno's 9 only equals it and waits
        assertThat(first.action()).isEqualTo(MeekAction.ELECTED);
        assertThat(first.candidates()).containsExactly("Grape");
        assertThat(first.quota()).isEqualTo(r(9, 1));
        assertThat(first.votes().get("Jalapeno")).isEqualTo(r(9, 1));
        MeekRound second = count.rounds().get(1);
        // k(Grape) = ⌈9/13⌉ on the 10⁻⁹ grid = 0.692307693; the 6 Fig>Grape ballots (Grape only) exhaust
        // 6 × 0.307692307 = 1.846153842, so the quota falls to (45 − 1.846153842) / 5 = 8.6307692316, and Hazelnut
        // (8 + 7 × 0.307692307 = 10.153846149) and Jalapeno (9) both exceed it, Hazelnut first.
        assertThat(second.candidates()).containsExactly("Hazelnut", "Jalapeno");
        assertThat(second.keepValues().get("Grape")).isEqualTo(r(692_307_693, 1_000_000_000));
        assertThat(second.quota()).isEqualTo(new Ratio(new BigInteger("86307692316"), BigInteger.TEN.pow(10)));
        assertThat(second.votes().get("Hazelnut")).isEqualTo(new Ratio(new BigInteger("10153846149"), BigInteger.TEN.pow(9)));
        assertThat(second.exhausted()).isEqualTo(new Ratio(new BigInteger("1846153842"), BigInteger.TEN.pow(9)));
        assertThat(second.iterations()).isEqualTo(2);
        assertThat(count.rounds()).extracting(MeekRound::action).containsExactly(MeekAction.ELECTED,
                MeekAction.ELECTED, MeekAction.EXCLUDED, MeekAction.EXCLUDED, MeekAction.ELECTED);
    }

    /**
     * 2 seats; 60 A>B, 30 C, 10 B. Quota 100/3: A (60) is elected at once. Then k(A) = ⌈(100/3)/60⌉ = 0.555555556,
     * A passes 60 × 0.444444444 = 26.66666664 to B, who has 36.66666664 > 33.33…: B is elected, and C, with three
     * times B's first preferences, is not. A's surplus is transferred to B (the round's transfers say so).
     */
    @Test
    void anElectedCandidatesSurplusIsTransferredAtTheKeepValue() {
        MeekCount count = MeekStv.count(List.of("A", "B", "C"), 2,
                ballots(times(60, "A", "B"), times(30, "C"), times(10, "B")));

        assertThat(count.elected()).containsExactly("A", "B");
        assertThat(count.notElected()).containsExactly("C");
        MeekRound second = count.rounds().get(1);
        assertThat(second.candidates()).containsExactly("B");
        assertThat(second.keepValues().get("A")).isEqualTo(r(555_555_556, 1_000_000_000));
        assertThat(second.votes().get("B")).isEqualTo(new Ratio(new BigInteger("3666666664"), BigInteger.TEN.pow(8)));
        assertThat(second.transfers().get("B")).isEqualTo(new Ratio(new BigInteger("2666666664"), BigInteger.TEN.pow(8)));
        assertThat(second.transfers().get("A")).isEqualTo(Ratio.ZERO.minus(second.transfers().get("B")));
        assertThat(second.quota()).isEqualTo(r(100, 3));
    }

    /** 1 seat; 4 A, 3 B>A, 2 C>B. Quota 9/2: nobody exceeds it, C (2) is excluded, B then has 5 > 4.5. */
    @Test
    void theLowestHopefulIsExcludedAndItsBallotsMoveOn() {
        MeekCount count = MeekStv.count(List.of("A", "B", "C"), 1,
                ballots(times(4, "A"), times(3, "B", "A"), times(2, "C", "B")));

        assertThat(count.excluded()).containsExactly("C");
        assertThat(count.elected()).containsExactly("B");
        assertThat(count.rounds().get(0).action()).isEqualTo(MeekAction.EXCLUDED);
        assertThat(count.rounds().get(1).votes().get("B")).isEqualTo(r(5, 1));
        assertThat(count.rounds().get(1).transfers().get("B")).isEqualTo(r(2, 1));
        assertThat(count.rounds().get(1).transfers().get("C")).isEqualTo(r(-2, 1));
    }

    /**
     * 1 seat; 6 A, 4 B, 3 C>A, 1 D>C, 1 D; the list is A, C, B, D. Round 1 (quota 7.5): D (2) is excluded. Round 2:
     * one D ballot exhausts, quota 14/2 = 7, B and C both have 4: the tie is broken backwards, C had 3 to B's 4 in
     * round 1, so C goes (list order alone would have excluded B). Round 3: A has 9 > 6.5.
     */
    @Test
    void aTieForExclusionIsBrokenByTheLatestEarlierRoundInWhichTheyDiffered() {
        MeekCount count = MeekStv.count(List.of("A", "C", "B", "D"), 1,
                ballots(times(6, "A"), times(4, "B"), times(3, "C", "A"), times(1, "D", "C"), times(1, "D")));

        assertThat(count.excluded()).containsExactly("D", "C");
        assertThat(count.elected()).containsExactly("A");
        assertThat(count.rounds().get(1).quota()).isEqualTo(r(7, 1));
        assertThat(count.rounds().get(1).exhaustedTransfer()).isEqualTo(r(1, 1));
    }

    /** 1 seat; 3 A, 2 B, 2 C>B: B and C tie in every round so far; the one later in the pinned list is excluded. */
    @Test
    void aTieThatNeverDifferedExcludesTheCandidateLaterInTheList() {
        List<RankedVote> ballots = ballots(times(3, "A"), times(2, "B"), times(2, "C", "B"));

        // list A, B, C: C goes, B then has 4 > 3.5
        assertThat(MeekStv.count(List.of("A", "B", "C"), 1, ballots).elected()).containsExactly("B");
        // list A, C, B: B goes, its ballots exhaust, quota 5/2 and A's 3 exceed it
        assertThat(MeekStv.count(List.of("A", "C", "B"), 1, ballots).elected()).containsExactly("A");
    }

    /** 1 seat; A with power 2.5 against two members of power 1 for B: 2.5 > 4.5 / 2. */
    @Test
    void powerIsTheBallotsWeight() {
        List<RankedVote> ballots = List.of(new RankedVote(List.of("A"), new BigDecimal("2.5")),
                new RankedVote(List.of("B"), BigDecimal.ONE), new RankedVote(List.of("B"), BigDecimal.ONE));

        MeekCount count = MeekStv.count(List.of("A", "B"), 1, ballots);

        assertThat(count.elected()).containsExactly("A");
        assertThat(count.rounds().get(0).quota()).isEqualTo(r(9, 4));
    }

    /** Exhausted ballots leave the count: the quota is taken over the votes still held by candidates. */
    @Test
    void theQuotaIsTheNonExhaustedWeightOverSeatsPlusOne() {
        // 2 seats; 5 A, 4 B, 2 C, 1 D. Quota 12/3 = 4: A (5) is elected. k(A) = 4/5 exactly, A's ballots name nobody
        // after A, so 5 × 1/5 = 1 exhausts and the quota falls to 11/3, which B's 4 exceeds.
        MeekCount count = MeekStv.count(List.of("A", "B", "C", "D"), 2,
                ballots(times(5, "A"), times(4, "B"), times(2, "C"), times(1, "D")));

        assertThat(count.rounds().get(0).quota()).isEqualTo(r(12, 3));
        assertThat(count.rounds().get(1).quota()).isEqualTo(r(11, 3));
        assertThat(count.rounds().get(1).exhausted()).isEqualTo(r(1, 1));
        assertThat(count.elected()).containsExactly("A", "B");
    }

    @Test
    void noMoreHopefulCandidatesThanSeatsAreAllElected() {
        MeekCount count = MeekStv.count(List.of("A", "B", "C"), 3, ballots(times(2, "A"), times(1, "C")));

        assertThat(count.elected()).containsExactly("A", "C", "B");
        assertThat(count.rounds()).singleElement().extracting(MeekRound::action).isEqualTo(MeekAction.ELECTED_REMAINING);
    }

    @Test
    void noBallotsStillFillTheSeatsDeterministically() {
        MeekCount count = MeekStv.count(List.of("A", "B", "C"), 1, List.of());

        assertThat(count.excluded()).containsExactly("C", "B");
        assertThat(count.elected()).containsExactly("A");
    }

    @Test
    void aBallotRankingAnUnknownCandidateOrOneTwiceIsRefused() {
        assertThatThrownBy(() -> MeekStv.count(List.of("A"), 1, List.of(RankedVote.of("Z"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z");
        assertThatThrownBy(() -> MeekStv.count(List.of("A", "B"), 1, List.of(RankedVote.of("A", "A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    /** Each class elects its own seats from its own candidates with its own members' ballots. */
    @Test
    void aBoardElectionCountsEveryClassSeparately() {
        Map<String, MeekCount> board = BoardElection.count(List.of(
                new ClassContest("workers", 2, List.of("w1", "w2", "w3"),
                        ballots(times(5, "w1", "w3"), times(4, "w2"), times(2, "w3"))),
                new ClassContest("users", 1, List.of("u1", "u2"), ballots(times(1, "u1"), times(3, "u2")))));

        assertThat(board.keySet()).containsExactly("workers", "users");
        assertThat(board.get("workers").elected()).containsExactly("w1", "w2");
        assertThat(board.get("users").elected()).containsExactly("u2");
        assertThatThrownBy(() -> BoardElection.count(List.of(new ClassContest("a", 1, List.of("x"), List.of()),
                new ClassContest("b", 1, List.of("x"), List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one class");
    }
}
