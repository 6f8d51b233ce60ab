package coop.plenum.web;

import coop.plenum.web.TextDiff.Kind;
import coop.plenum.web.TextDiff.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: a revision's page shows what changed word by word; the diff must give back both texts exactly. */
class TextDiffTest {

    private static String side(List<Segment> segments, Kind without) {
        return segments.stream().filter(s -> s.kind() != without).map(Segment::text).collect(Collectors.joining());
    }

    @Test
    void aChangedWordIsOneRemovalAndOneAddition() {
        List<Segment> d = TextDiff.between("Panels on the depot roof", "Panels on the school roof");
        assertThat(d).containsExactly(new Segment(Kind.SAME, "Panels on the "), new Segment(Kind.REMOVED, "depot"),
                new Segment(Kind.ADDED, "school"), new Segment(Kind.SAME, " roof"));
    }

    @Test
    void lineBreaksCompareAlikeWhetherTypedAsCrlfOrLf() {
        assertThat(TextDiff.unchanged(TextDiff.between("one\r\ntwo", "one\ntwo"))).isTrue();
        assertThat(TextDiff.between("one\r\ntwo", "one\nthree")).containsExactly(new Segment(Kind.SAME, "one\n"),
                new Segment(Kind.REMOVED, "two"), new Segment(Kind.ADDED, "three"));
    }

    @Test
    void identicalTextsAreUnchanged() {
        assertThat(TextDiff.unchanged(TextDiff.between("a b\nc", "a b\nc"))).isTrue();
        assertThat(TextDiff.unchanged(TextDiff.between("a b", "a c"))).isFalse();
        assertThat(TextDiff.between("", "")).isEmpty();
    }

    @Test
    void anEmptyOlderTextIsAllAdded() {
        assertThat(TextDiff.between("", "new text")).containsExactly(new Segment(Kind.ADDED, "new text"));
        assertThat(TextDiff.between(null, "x")).containsExactly(new Segment(Kind.ADDED, "x"));
        assertThat(TextDiff.between("old", "")).containsExactly(new Segment(Kind.REMOVED, "old"));
    }

    @Test
    void markupIsKeptAsPlainTextForTheTemplateToEscape() {
        List<Segment> d = TextDiff.between("safe", "<script>alert(1)</script>");
        assertThat(side(d, Kind.REMOVED)).isEqualTo("<script>alert(1)</script>");
    }

    /** Random small texts: both sides come back exactly, and the kept words are a longest common subsequence. */
    @Test
    void bothRevisionsComeBackExactlyAndTheKeptWordsAreALongestCommonSubsequence() {
        Random random = new Random(14);
        String[] vocabulary = {"a", "b", "c", "d", " ", "\n", "  "};
        for (int run = 0; run < 2_000; run++) {
            List<String> a = words(random, vocabulary);
            List<String> b = words(random, vocabulary);
            String older = String.join("", a);
            String newer = String.join("", b);
            List<Segment> d = TextDiff.between(older, newer);
            assertThat(side(d, Kind.ADDED)).as("older of %s → %s", older, newer).isEqualTo(older);
            assertThat(side(d, Kind.REMOVED)).as("newer of %s → %s", older, newer).isEqualTo(newer);
            long kept = TextDiff.tokenwise(older, newer).stream().filter(Segment::same).count();
            assertThat(kept).as("kept of %s → %s", older, newer).isEqualTo((long) lcs(tokensOf(older), tokensOf(newer)));
        }
    }

    @Test
    void aHugeRewriteIsStillAnsweredAndExact() {
        StringBuilder older = new StringBuilder();
        StringBuilder newer = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            older.append("w").append(i).append(i % 10 == 9 ? "\n" : " ");
            newer.append("v").append(i).append(i % 10 == 9 ? "\n" : " ");
        }
        List<Segment> d = TextDiff.between(older.toString(), newer.toString());
        assertThat(side(d, Kind.ADDED)).isEqualTo(older.toString());
        assertThat(side(d, Kind.REMOVED)).isEqualTo(newer.toString());
    }

    private static List<String> words(Random random, String[] vocabulary) {
        List<String> words = new ArrayList<>();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            words.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return words;
    }

    private static List<String> tokensOf(String text) {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s+|\\S+").matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Brute force: the longest common subsequence length by plain recursion over the (tiny) token lists. */
    private static int lcs(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.get(0).equals(b.get(0))) {
            return 1 + lcs(a.subList(1, a.size()), b.subList(1, b.size()));
        }
        return Math.max(lcs(a.subList(1, a.size()), b), lcs(a, b.subList(1, b.size())));
    }
}
