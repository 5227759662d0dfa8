package io.yunqiao.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.diff.LineDiff.Kind;
import io.yunqiao.diff.LineDiff.Line;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The line diff between two versions: shared lines stay, the rest are removed or added, with line numbers. */
class LineDiffTest {

    private static String render(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(switch (line.kind()) {
                case SAME -> "  ";
                case REMOVED -> "- ";
                case ADDED -> "+ ";
                case GAP -> "… " + line.hidden();
            }).append(line.text()).append('\n');
        }
        return out.toString();
    }

    @Test
    void identicalTextsHaveOnlyUnchangedLines() {
        // given the same three lines twice, when diffed, then every line is unchanged
        List<Line> diff = LineDiff.between("a\nb\nc", "a\nb\nc");

        assertThat(diff).extracting(Line::kind).containsOnly(Kind.SAME);
        assertThat(diff).hasSize(3);
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        // given a text where the middle line changed
        List<Line> diff = LineDiff.between("{\n  \"cron\" : \"0 * * * * ?\"\n}", "{\n  \"cron\" : \"0 */5 * * * ?\"\n}");

        // then the old line is removed and the new one added, between the unchanged ones
        assertThat(render(diff)).isEqualTo("""
                  {
                -   "cron" : "0 * * * * ?"
                +   "cron" : "0 */5 * * * ?"
                  }
                """);
    }

    @Test
    void linesCarryTheirNumbersInBothTexts() {
        // given a line inserted at the top
        List<Line> diff = LineDiff.between(List.of("x", "y"), List.of("new", "x", "y"));

        // then the added line has only a new number, and the shared lines are shifted by one
        assertThat(diff).containsExactly(new Line(Kind.ADDED, "new", 0, 1, 0), new Line(Kind.SAME, "x", 1, 2, 0),
                new Line(Kind.SAME, "y", 2, 3, 0));
    }

    @Test
    void findsTheLongestCommonSubsequenceNotJustAPrefix() {
        // given two texts that share a b d in order but differ around them
        List<Line> diff = LineDiff.between(List.of("a", "x", "b", "c", "d"), List.of("y", "a", "b", "d", "z"));

        // then a, b and d are kept and only the rest changes
        assertThat(diff).filteredOn(l -> l.kind() == Kind.SAME).extracting(Line::text).containsExactly("a", "b", "d");
        assertThat(diff).filteredOn(l -> l.kind() == Kind.REMOVED).extracting(Line::text).containsExactly("x", "c");
        assertThat(diff).filteredOn(l -> l.kind() == Kind.ADDED).extracting(Line::text).containsExactly("y", "z");
    }

    @Test
    void emptyTextsOnEitherSideAreAllAddedOrAllRemoved() {
        // given nothing before, when diffed against two lines, then both are added; and the other way round
        assertThat(LineDiff.between(List.of(), List.of("a", "b"))).extracting(Line::kind)
                .containsExactly(Kind.ADDED, Kind.ADDED);
        assertThat(LineDiff.between(List.of("a", "b"), List.of())).extracting(Line::kind)
                .containsExactly(Kind.REMOVED, Kind.REMOVED);
    }

    @Test
    void longUnchangedStretchesAreFoldedAroundTheChanges() {
        // given twenty lines where only line 10 changed
        List<String> before = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).toList();
        List<String> after = before.stream().map(l -> l.equals("line 10") ? "line ten" : l).toList();

        // when folded with two lines of context
        List<Line> folded = LineDiff.around(LineDiff.between(before, after), 2);

        // then seven lines before and eight after are hidden, two kept on each side of the change
        assertThat(render(folded)).isEqualTo("""
                … 7
                  line 8
                  line 9
                - line 10
                + line ten
                  line 11
                  line 12
                … 8
                """);
    }
}
