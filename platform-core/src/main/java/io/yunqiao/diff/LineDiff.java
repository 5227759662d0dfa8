package io.yunqiao.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence: the lines both share stay, the rest are removed from the
 * first or added by the second. Shows what changed between two versions of a solution or of a stored connector
 * definition.
 */
public final class LineDiff {

    /** Above this many cells the table would be too big; such inputs diff as "all removed, all added". */
    private static final long MAX_CELLS = 4_000_000L;

    /** What happened to a line. */
    public enum Kind {
        SAME,
        REMOVED,
        ADDED,
        /** Unchanged lines left out by {@link #around}: {@link Line#hidden()} says how many. */
        GAP
    }

    /**
     * One line of a diff.
     *
     * @param oldNumber 1-based line number in the first text, 0 for an added line
     * @param newNumber 1-based line number in the second text, 0 for a removed line
     * @param hidden    for a {@link Kind#GAP}, the number of unchanged lines left out
     */
    public record Line(Kind kind, String text, int oldNumber, int newNumber, int hidden) {

        static Line gap(int hidden) {
            return new Line(Kind.GAP, "", 0, 0, hidden);
        }
    }

    private LineDiff() {
    }

    /** Every line of both texts, in order; within a change the removed lines come before the added ones. */
    public static List<Line> between(List<String> before, List<String> after) {
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            lines.add(new Line(Kind.SAME, before.get(i), i + 1, i + 1, 0));
        }
        List<String> a = before.subList(prefix, before.size() - suffix);
        List<String> b = after.subList(prefix, after.size() - suffix);
        middle(a, b, prefix, lines);
        for (int i = suffix; i > 0; i--) {
            int oldIndex = before.size() - i;
            int newIndex = after.size() - i;
            lines.add(new Line(Kind.SAME, before.get(oldIndex), oldIndex + 1, newIndex + 1, 0));
        }
        return lines;
    }

    /** Texts split at line ends. */
    public static List<Line> between(String before, String after) {
        return between(before.lines().toList(), after.lines().toList());
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0, 0));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1, 0));
            }
            return;
        }
        // common[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1, 0));
                i++;
                j++;
            } else if (j == m || i < n && common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0, 0));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1, 0));
                j++;
            }
        }
    }

    /**
     * The changes with {@code context} unchanged lines around each; longer unchanged stretches become one
     * {@link Kind#GAP}. Without any change, one gap stands for the whole text.
     */
    public static List<Line> around(List<Line> lines, int context) {
        List<Line> out = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            if (lines.get(index).kind() != Kind.SAME) {
                out.add(lines.get(index++));
                continue;
            }
            int end = index;
            while (end < lines.size() && lines.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = index == 0 ? 0 : context;
            int keepAfter = end == lines.size() ? 0 : context;
            if (end - index <= keepBefore + keepAfter) {
                out.addAll(lines.subList(index, end));
            } else {
                out.addAll(lines.subList(index, index + keepBefore));
                out.add(Line.gap(end - index - keepBefore - keepAfter));
                out.addAll(lines.subList(end - keepAfter, end));
            }
            index = end;
        }
        return out;
    }
}
