package coop.plenum.governance.election;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static coop.plenum.governance.election.MeekStvTest.ballots;
import static coop.plenum.governance.election.MeekStvTest.r;
import static coop.plenum.governance.election.MeekStvTest.times;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meek counts published with a reference implementation, written down here as data: the test elections of Droop
 * (github.com/jklundell/droop, test/blt and the reports in test/ref/report), whose "PR Foundation Meek Reference" rule
 * counts in 9-digit fixed point and whose "Meek Parametric" rule counts in exact rationals. Plenum's grid (keep values
 * rounded up to 10⁻⁹, everything else exact) sits between the two; where the published counts tie candidates that
 * differ only below the ninth digit, the comments say which reading Plenum follows.
 *
 * <p>The stv-rs transcripts other than the vegetable contest ({@code skewed}, {@code rand_5x4}, {@code rand_2x10} and
 * the other random ones) rank candidates equal ({@code apple=banana}), which a Plenum ballot cannot express (a
 * ranking has no ties), so they are not checked here; {@code ties/tie_break_explicit} has no published Meek count.
 */
class MeekPublishedCountsTest {

    /**
     * Droop's "42.blt" ("Pollux and Helen should tie"): 2 seats, 4 Castor > Pollux, 2 Helen. The reference elects
     * Castor (4 against a quota of 2), then Helen; Pollux is defeated. In Plenum Castor's keep value is exactly 1/2,
     * so Pollux and Helen tie at 2 (no one exceeds the quota of 2) and the tie is broken backwards: in round 1 Pollux
     * had 0 and Helen 2, so Pollux is excluded. (The 9-digit reference got there by its rounding, Pollux 1.999999996.)
     */
    @Test
    void droops42ElectsCastorAndHelenAsTheReferenceDoes() {
        MeekCount count = MeekStv.count(List.of("Castor", "Pollux", "Helen"), 2,
                ballots(times(4, "Castor", "Pollux"), times(2, "Helen")));

        assertThat(count.elected()).containsExactly("Castor", "Helen");
        assertThat(count.excluded()).containsExactly("Pollux");
        assertThat(count.rounds().get(0).quota()).isEqualTo(r(2, 1));
        MeekRound second = count.rounds().get(1);
        assertThat(second.action()).isEqualTo(MeekAction.EXCLUDED);
        assertThat(second.keepValues().get("Castor")).isEqualTo(r(1, 2));
        assertThat(second.votes().get("Pollux")).isEqualTo(r(2, 1));
        assertThat(second.votes().get("Helen")).isEqualTo(r(2, 1));
    }

    /**
     * Droop's "513.blt": 2 seats, 5 Castor > Pollux, 1 Pollux, 3 Helen; quota 3. Castor is elected, keep value 3/5,
     * Pollux 1 + 5 × 2/5 = 3 ties Helen's 3 and goes (1 to 3 in round 1); Helen is elected, as in the reference.
     */
    @Test
    void droops513ElectsCastorAndHelenAsTheReferenceDoes() {
        MeekCount count = MeekStv.count(List.of("Castor", "Pollux", "Helen"), 2,
                ballots(times(5, "Castor", "Pollux"), times(1, "Pollux"), times(3, "Helen")));

        assertThat(count.elected()).containsExactly("Castor", "Helen");
        assertThat(count.excluded()).containsExactly("Pollux");
        assertThat(count.rounds().get(1).keepValues().get("Castor")).isEqualTo(r(3, 5));
        assertThat(count.rounds().get(1).votes().get("Pollux")).isEqualTo(r(3, 1));
    }

    /**
     * The example of Voting Matters issue 12, "The computational accuracy using the Meek algorithm" (Droop's
     * "SC-Vm-12.blt"): 3 seats, 333 ballots each of A > X, A > Y, A > Z, B > X, B > Y, B > Z, 667 each of X, Y, Z,
     * and 1 A > B > X, 1 A > B > Y, 2 B > A > X (4,003 in all). A and B have 1,001 against a quota of 1,000.75 and
     * are elected at once. Their surpluses then reach X, Y and Z almost equally: X gets 666(1 − k) + 3(1 − k)², Y
     * 666(1 − k) + (1 − k)², Z 666(1 − k) over their 667, with 1 − k about 1/4000, so they differ only in the
     * seventh decimal. The exact count (Droop's rational arithmetic) excludes Z and then elects X; the 9-digit
     * reference cannot tell them apart and breaks a tie, electing Y. Plenum's keep values are on the 10⁻⁹ grid but its
     * votes are exact, so it sees X &gt; Y &gt; Z and follows the exact count: A, B, X.
     */
    @Test
    void theVotingMattersAccuracyExampleElectsWhatTheExactCountElects() {
        List<RankedVote> ballots = ballots(times(333, "A", "X"), times(333, "A", "Y"), times(333, "A", "Z"),
                times(333, "B", "X"), times(333, "B", "Y"), times(333, "B", "Z"), times(667, "X"), times(667, "Y"),
                times(667, "Z"), times(1, "A", "B", "X"), times(1, "A", "B", "Y"), times(2, "B", "A", "X"));

        MeekCount count = MeekStv.count(List.of("A", "B", "X", "Y", "Z"), 3, ballots);

        assertThat(count.elected()).containsExactly("A", "B", "X");
        assertThat(count.excluded()).containsExactly("Z");
        assertThat(count.notElected()).containsExactly("Y");
        MeekRound first = count.rounds().get(0);
        assertThat(first.quota()).isEqualTo(r(4003, 4));
        assertThat(first.candidates()).containsExactly("A", "B");
        MeekRound second = count.rounds().get(1);
        assertThat(second.action()).isEqualTo(MeekAction.EXCLUDED);
        assertThat(second.votes().get("X")).isGreaterThan(second.votes().get("Y"));
        assertThat(second.votes().get("Y")).isGreaterThan(second.votes().get("Z"));
    }

    static final List<String> GPUS_2005 = List.of("Budd Dickinson", "Kirit Mookerjee", "Tom Sevigny", "Pat LaMarche",
            "Michael Piacsek", "Write-In 2", "Rebecca Rotzler", "Kristen Olsen", "Jason Jones", "Write-In 1",
            "Steve Greenfield", "Jimmy Leas", "Steve Kramer");

    /** Droop's "SC.blt": one line per ballot, candidates numbered 1–13 in the order of {@link #GPUS_2005}. */
    static final String GPUS_2005_BALLOTS = """
            7 8 9 11 12
            7 8 9 11 12
            13 7 5 4 2 1
            5 13 2 7 4 1
            13 4 1 2
            4 2 13 1 3
            4 13 2 7
            7 8 12 1 13 9 2 4 11 5
            1 13 3 4 7 5 2
            4 1 13 7 3 5 2
            4 1 13 7 3 5 2
            1 4 13 2 7 5 3 9 8 12 11
            7 1 8 9 13 3 2 4 12 5 11
            7 8 9 11 12
            7 1 8 9 13 3 2 4 12 5 11
            7 8 9 11 12
            7 8 9 11 12
            7 8 9 11 12
            5 1 13 3 2 4 7
            7 8 9 3 12 2 13 5 1 4
            3 13 1 2
            3 13 1 2
            4 7 13 5
            4 5 13 3 2 1
            7 8 9 11 12
            7 9 8 12 11 2 13
            7 8 9 11 12
            7 8 9 11 12
            4 3 13 1
            4 3 13 1
            13 3 4 1 7 2 5
            3 13 4 1 7 2 5
            13 3 4 1 2 5 7
            13 1 4 2 5 3 7
            13 4 3 1 2 5
            3 13 1 4 2 7 5
            4 3 13 8
            4 3 13 1
            1 4 13 7
            1 4 13 7
            7 3 4 13 1 5
            9 11 8 7
            7 8 9 11 12
            13 3 5 2
            4 5 2 3 13
            13 5 2 4 1 3 7
            13 5 2 1 7 3 8
            7 8 9 12 11
            7 8 4 9 12
            13 4 7 2 8
            4 13 2 7 1 8
            7 8 11 9 12
            8 4 7 11 13 9
            7 4 2 13
            13 1 7 4
            4 1 2 13 9 5
            1 4 13 5 3 2
            7 5 4 8 11 2 13 1 3 9 12
            4 8 7 5 13 2 1 3 9
            3 4 7 2 12 13 8 1 5
            7 8 9 11 12
            7 8 11 9
            7 8 11 9
            7 8 9 11 12
            7 8 9 11 12
            7 8 9 11 12
            13 2 4 7 5 1
            7 8 9 11 12
            7 8 9 11
            7 8 9 11 12
            2 7 8 12 13 11 1 5 9
            4 7 8 2
            4 13 5 2 1 3
            13 4 7 3 1 5 8 2 9
            4 3 13 1 7
            13 4 1 3
            4 1 13 3 2 7 8
            2 4 13 5
            2 3 4 1 13 7
            3 1 4 13
            4 3 1 2 11
            3 1 4 13 2 7
            4 1 2 8 3
            4 1 5 13 2 3
            4 1 5 13 2 3
            7 8 9 11 12
            7 8 9 11 12
            13 7 3 2 5 4 1
            13 5 7 2 4 1
            7 8 9 11 12
            1 13 3 7 2 4 5
            13 1 2 7 4 5 3
            13 1 2 7 4 5 3
            3 1 4 2 13 7 9 5 8
            """;

    /**
     * A real election: the GPUS Steering Committee election of 24 July 2005 (Droop's "SC.blt"), 13 candidates,
     * 4 seats, 94 ballots. First preferences as the reference report prints them: Rotzler 33, LaMarche 22, Kramer 18,
     * Sevigny 8, Dickinson 6, Mookerjee 3, Piacsek 2, Olsen 1, Jones 1, the rest 0. The reference (PR Foundation Meek,
     * 9 digits) elects LaMarche and Rotzler in round 1, defeats the four candidates without votes, then Jones and
     * Piacsek, elects Kramer, defeats Mookerjee and Dickinson, elects Olsen and leaves Sevigny out.
     */
    @Test
    void theGpus2005SteeringCommitteeElectionElectsWhatTheReferenceElects() {
        List<RankedVote> ballots = new ArrayList<>();
        for (String line : GPUS_2005_BALLOTS.strip().split("\\n")) {
            ballots.add(new RankedVote(Arrays.stream(line.strip().split(" "))
                    .map(n -> GPUS_2005.get(Integer.parseInt(n) - 1)).toList(), BigDecimal.ONE));
        }
        assertThat(ballots).hasSize(94);

        MeekCount count = MeekStv.count(GPUS_2005, 4, ballots);

        assertThat(count.elected()).containsExactlyInAnyOrder("Pat LaMarche", "Rebecca Rotzler", "Steve Kramer",
                "Kristen Olsen");
        assertThat(count.notElected()).containsExactly("Tom Sevigny");
        assertThat(count.excluded()).endsWith("Jason Jones", "Michael Piacsek", "Kirit Mookerjee", "Budd Dickinson");
        MeekRound first = count.rounds().get(0);
        assertThat(first.quota()).isEqualTo(r(94, 5));
        assertThat(first.votes().get("Rebecca Rotzler")).isEqualTo(r(33, 1));
        assertThat(first.votes().get("Steve Kramer")).isEqualTo(r(18, 1));
        assertThat(first.candidates()).containsExactly("Rebecca Rotzler", "Pat LaMarche");
    }

    /**
     * Brian Wichmann's validation election M135 for the ERBS STV programs (1999), as Droop stores it: 25 candidates,
     * 7 seats, 677 ballots (and 2 blank ones, which Plenum counts as exhausted from the start and the reference drops:
     * either way the first quota is 677/8). The PR Foundation reference elects C1 in round 1, defeats C25, C22, C24,
     * C21, C19, C23, C17, C14, C20, C18, C13, C16, C8, C12, C7, C5 and C15, and elects C2, C6, C3, C4, C9 and C10,
     * leaving C11 out; Plenum does the same in the same order. Both references (9-digit fixed point, and 18 digits
     * guarded) find C13 and C16 tied at 33.33… when C13 goes and break the tie for C13; Plenum's exact votes have C13
     * strictly below C16 there (a tie would have been broken backwards and excluded C16, 32.31 to C13's 32.94 in the
     * round before), so it needs no tie-break.
     */
    @Test
    void wichmannsValidationElectionM135ElectsWhatTheReferenceElects() throws Exception {
        List<String> candidates = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            candidates.add("C" + i);
        }
        List<RankedVote> ballots = new ArrayList<>();
        try (var in = MeekPublishedCountsTest.class.getResourceAsStream("wichmann-m135.ballots")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                List<String> ranking = line.equals("-") ? List.of()
                        : Arrays.stream(line.split(" ")).map(n -> "C" + n).toList();
                ballots.add(new RankedVote(ranking, BigDecimal.ONE));
            }
        }
        assertThat(ballots).hasSize(679);

        MeekCount count = MeekStv.count(candidates, 7, ballots);

        assertThat(count.rounds().get(0).quota()).isEqualTo(r(677, 8));
        assertThat(count.rounds().get(0).candidates()).containsExactly("C1");
        assertThat(count.elected()).containsExactly("C1", "C2", "C6", "C3", "C4", "C9", "C10");
        assertThat(count.excluded()).containsExactly("C25", "C22", "C24", "C21", "C19", "C23", "C17", "C14", "C20",
                "C18", "C13", "C16", "C8", "C12", "C7", "C5", "C15");
        assertThat(count.notElected()).containsExactly("C11");
    }
}
