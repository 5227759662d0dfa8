package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows one run fetches: where they start, how they are cut, and a start that cannot be read. */
class WindowPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    @Test
    void theFirstRunStartsTheConfiguredDurationBackFromNow() {
        List<WindowPlan.Span> spans = WindowPlan.of(new SolutionSpec.Window("P2D", 300, 744), null, NOW);

        assertThat(spans).containsExactly(new WindowPlan.Span(NOW.minus(Duration.ofDays(2)), NOW));
    }

    @Test
    void theFirstRunMayStartAtAGivenDateTimeWithItsOffset() {
        List<WindowPlan.Span> spans = WindowPlan.of(new SolutionSpec.Window("2026-12-03T08:00:00+08:00", 300, 744),
                null, NOW);

        assertThat(spans).containsExactly(new WindowPlan.Span(Instant.parse("2026-12-03T00:00:00Z"), NOW));
    }

    @Test
    void aLaterRunStartsAtTheCheckpointMinusTheOverlap() {
        Instant checkpoint = NOW.minus(Duration.ofHours(1));

        List<WindowPlan.Span> spans = WindowPlan.of(new SolutionSpec.Window("P30D", 300, 744), checkpoint, NOW);

        assertThat(spans).containsExactly(new WindowPlan.Span(checkpoint.minusSeconds(300), NOW));
    }

    @Test
    void aLongStretchIsCutIntoConsecutiveWindowsNoLongerThanTheMaximum() {
        // given ten hours to fetch and windows of at most four hours
        List<WindowPlan.Span> spans = WindowPlan.of(new SolutionSpec.Window("PT10H", 0, 4), null, NOW);

        // then three windows, each starting where the last ended, the last one shorter and ending now
        Instant start = NOW.minus(Duration.ofHours(10));
        assertThat(spans).containsExactly(
                new WindowPlan.Span(start, start.plus(Duration.ofHours(4))),
                new WindowPlan.Span(start.plus(Duration.ofHours(4)), start.plus(Duration.ofHours(8))),
                new WindowPlan.Span(start.plus(Duration.ofHours(8)), NOW));
    }

    @Test
    void aCheckpointAtOrAfterNowGivesOneEmptyWindowAtNow() {
        List<WindowPlan.Span> spans = WindowPlan.of(new SolutionSpec.Window("P30D", 0, 744),
                NOW.plus(Duration.ofMinutes(5)), NOW);

        assertThat(spans).containsExactly(new WindowPlan.Span(NOW, NOW));
    }

    @Test
    void aStartThatIsNeitherADurationNorADateTimeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> WindowPlan.firstStart("yesterday", NOW)).isInstanceOfSatisfying(Problem.class,
                problem -> {
                    assertThat(problem.field()).isEqualTo("window.start");
                    assertThat(problem.getMessage()).contains("yesterday", "P30D");
                });
    }

    @Test
    void aMissingStartIsRefusedWithAnExample() {
        assertThatThrownBy(() -> WindowPlan.firstStart(" ", NOW)).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.getMessage()).contains("P30D"));
    }
}
