package coop.plenum.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level difference between two revisions of a text, for people reading what an author changed: the longest
 * common subsequence of words (runs of whitespace are words too, so line breaks survive), the rest marked as removed
 * or added. The segments hold plain text; the template escapes it like any other text.
 *
 * <p>A body may be 20,000 characters: the common beginning and end are cut off first (an edit is usually local), and
 * when what remains would need more than {@value #MAX_CELLS} table cells the middle is compared line by line
 * instead, and beyond that shown as one removal and one addition, so a page never spends more than a few megabytes.
 */
public final class TextDiff {

    /** What a segment is: in both revisions, only in the older, only in the newer. */
    public enum Kind { SAME, REMOVED, ADDED }

    /** A run of text of one kind. */
    public record Segment(Kind kind, String text) {
        public boolean same() {
            return kind == Kind.SAME;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    static final int MAX_CELLS = 1_000_000;
    private static final Pattern WORDS = Pattern.compile("\\s+|\\S+");
    private static final Pattern LINES = Pattern.compile("[^\\n]*\\n|[^\\n]+");

    private TextDiff() {
    }

    /** The segments that turn {@code older} into {@code newer}, in reading order, neighbours of one kind merged. */
    public static List<Segment> between(String older, String newer) {
        return merged(tokenwise(older, newer));
    }

    /** The segments one token each (for tests that count kept tokens). */
    static List<Segment> tokenwise(String older, String newer) {
        // a revision typed in a browser arrives with CRLF, one sent through the API often with LF: the same line break
        older = lineFeeds(older);
        newer = lineFeeds(newer);
        List<String> a = tokens(older, WORDS);
        List<String> b = tokens(newer, WORDS);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a = tokens(older, LINES);
            b = tokens(newer, LINES);
        }
        List<Segment> out = new ArrayList<>();
        diff(a, b, out);
        return out;
    }

    /** Whether two revisions read the same (no segment added or removed). */
    public static boolean unchanged(List<Segment> segments) {
        return segments.stream().allMatch(Segment::same);
    }

    private static String lineFeeds(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> tokens(String text, Pattern pattern) {
        List<String> tokens = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void diff(List<String> a, List<String> b, List<Segment> out) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        a.subList(0, prefix).forEach(t -> out.add(new Segment(Kind.SAME, t)));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) (midA.size() + 1) * (midB.size() + 1) > MAX_CELLS) {
            // too large to compare token by token: the whole middle was replaced
            midA.forEach(t -> out.add(new Segment(Kind.REMOVED, t)));
            midB.forEach(t -> out.add(new Segment(Kind.ADDED, t)));
        } else {
            longestCommonSubsequence(midA, midB, out);
        }
        a.subList(a.size() - suffix, a.size()).forEach(t -> out.add(new Segment(Kind.SAME, t)));
    }

    /**
     * The classic table: {@code len[i][j]} is the length of the longest common subsequence of {@code a[i..]} and
     * {@code b[j..]}; walking it from the start yields the edit in reading order (removals before additions).
     */
    private static void longestCommonSubsequence(List<String> a, List<String> b, List<Segment> out) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Segment(Kind.SAME, a.get(i++)));
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                out.add(new Segment(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Segment(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Segment(Kind.REMOVED, a.get(i++)));
        }
        while (j < m) {
            out.add(new Segment(Kind.ADDED, b.get(j++)));
        }
    }

    private static List<Segment> merged(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment s : segments) {
            Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.kind() == s.kind()) {
                merged.set(merged.size() - 1, new Segment(s.kind(), last.text() + s.text()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }
}
