package io.yunqiao.solution;

import io.yunqiao.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows one run fetches: from the checkpoint minus the overlap (or the configured first start) to now, cut
 * into consecutive windows no longer than the maximum.
 */
public final class WindowPlan {

    private WindowPlan() {
    }

    /** A window of modification times, start inclusive. */
    public record Span(Instant start, Instant end) {
    }

    /**
     * @param checkpoint where the previous complete fetch ended, or {@code null} before the first
     */
    public static List<Span> of(SolutionSpec.Window window, Instant checkpoint, Instant now) {
        Instant start = checkpoint != null ? checkpoint.minusSeconds(window.overlapSeconds())
                : firstStart(window.start(), now);
        if (!start.isBefore(now)) {
            return List.of(new Span(now, now));
        }
        Duration longest = Duration.ofHours(window.maxWindowHours());
        List<Span> spans = new ArrayList<>();
        Instant from = start;
        while (from.isBefore(now)) {
            Instant to = from.plus(longest).isBefore(now) ? from.plus(longest) : now;
            spans.add(new Span(from, to));
            from = to;
        }
        return spans;
    }

    /** The first run's start: an instant or offset date-time, or a duration back from now ({@code P30D}). */
    public static Instant firstStart(String start, Instant now) {
        if (start == null || start.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "window.start", "problem.solution.windowStartBlank");
        }
        try {
            if (start.startsWith("P")) {
                return now.minus(Duration.parse(start));
            }
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.coded(Problem.Kind.INVALID, "window.start", "problem.solution.windowStartInvalid", start);
        }
    }
}
