package coop.plenum.web;

import coop.plenum.api.proposal.ElectionTallyJson.ClassCountJson;
import coop.plenum.api.proposal.ElectionTallyJson.RoundJson;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds table's "Transferred" row and keep-value rows (issue 15, "the full round-by-round count"), built from
 * the API's rounds. The figures are those of real counts: MeekStv's for three ballots for alice (two then bob, one
 * then cara) and one for cara, two seats; and Droop's 513 example (see MeekPublishedRoundsTest).
 */
class RoundTransfersTest {

    private static Map<String, String> map(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private static RoundJson round(int number, String action, Map<String, String> votes, Map<String, String> keep,
                                   Map<String, String> transfers, String exhausted, String exhaustedTransfer) {
        return new RoundJson(number, action, List.of(), "1.333333", "4/3", votes, keep, transfers, exhausted,
                exhaustedTransfer, "0.000000", 1);
    }

    private static ClassCountJson count(List<String> candidates, List<String> excluded, RoundJson... rounds) {
        return new ClassCountJson("workers", 2, candidates, "4.000000", "4.000000", 4, 0, true, List.of(), excluded,
                List.of(rounds));
    }

    private static final ClassCountJson ALICES_SURPLUS = count(List.of("a", "b", "c"), List.of(),
            round(1, "ELECTED", map("a", "3.000000", "b", "0.000000", "c", "1.000000"),
                    map("a", "1.000000", "b", "1.000000", "c", "1.000000"),
                    map("a", "3.000000", "b", "0.000000", "c", "1.000000"), "0.000000", "0.000000"),
            round(2, "ELECTED", map("a", "1.333333", "b", "1.111111", "c", "1.555556"),
                    map("a", "0.444444", "b", "1.000000", "c", "1.000000"),
                    map("a", "-1.666667", "b", "1.111111", "c", "0.555556"), "0.000000", "0.000000"));

    @Test
    void roundOneTransfersNothingAndAnElectedCandidatesSurplusIsWhatMovesNext() {
        RoundTransfers t = RoundTransfers.of(ALICES_SURPLUS, id -> id);

        assertThat(t.transferred()).containsExactly(null, "1.666667");
    }

    @Test
    void anExcludedCandidatesWholeVotesMoveEvenThePartThatIsExhausted() {
        // 513, round 3: Pollux's 3 votes go, all of them exhausted (his own ballot and what passed Castor ranked nobody else)
        ClassCountJson droop513 = count(List.of("castor", "pollux", "helen"), List.of("pollux"),
                round(1, "ELECTED", map("castor", "5.000000", "pollux", "1.000000", "helen", "3.000000"),
                        map("castor", "1.000000", "pollux", "1.000000", "helen", "1.000000"),
                        map("castor", "5.000000", "pollux", "1.000000", "helen", "3.000000"), "0.000000", "0.000000"),
                round(2, "EXCLUDED", map("castor", "3.000000", "pollux", "3.000000", "helen", "3.000000"),
                        map("castor", "0.600000", "pollux", "1.000000", "helen", "1.000000"),
                        map("castor", "-2.000000", "pollux", "2.000000", "helen", "0.000000"), "0.000000", "0.000000"),
                round(3, "ELECTED_REMAINING", map("castor", "3.000000", "pollux", "0.000000", "helen", "3.000000"),
                        map("castor", "0.600000", "pollux", "0.000000", "helen", "1.000000"),
                        map("castor", "0.000000", "pollux", "-3.000000", "helen", "0.000000"), "3.000000", "3.000000"));

        assertThat(RoundTransfers.of(droop513, id -> id).transferred()).containsExactly(null, "2.000000", "3.000000");
    }

    @Test
    void everyCandidateHasAKeepValueRowInTheOrderTheyStoodUnderTheirName() {
        Map<String, String> names = Map.of("a", "Alice", "b", "Bob", "c", "Cara");

        RoundTransfers t = RoundTransfers.of(ALICES_SURPLUS, names::get);

        assertThat(t.keepRows()).containsExactly(
                new RoundTransfers.KeepRow("Alice", List.of("1.000000", "0.444444")),
                new RoundTransfers.KeepRow("Bob", List.of("1.000000", "1.000000")),
                new RoundTransfers.KeepRow("Cara", List.of("1.000000", "1.000000")));
    }
}
