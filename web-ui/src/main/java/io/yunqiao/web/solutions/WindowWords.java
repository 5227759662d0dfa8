package io.yunqiao.web.solutions;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incremental window in words, for people who do not read ISO-8601: {@code P30D} is "30 天前",
 * {@code 2026-11-01T00:00:00+08:00} is "从 2026-11-01 00:00（+08:00）起", 744 hours is "最多 31 天一段". The fields keep
 * accepting what the engine reads; these words are shown beside them.
 */
final class WindowWords {

    private static final String PREFIX = "solutions.window.words.";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WindowWords() {
    }

    /** Where the first window starts, in words; empty when {@code start} is blank or not something the engine reads. */
    static Optional<String> start(String start, CronDescription.Texts texts) {
        if (start == null || start.isBlank()) {
            return Optional.empty();
        }
        String value = start.trim();
        try {
            if (value.startsWith("P")) {
                Duration back = Duration.parse(value);
                if (back.isNegative()) {
                    return Optional.empty();
                }
                return Optional.of(back.isZero() ? texts.get(PREFIX + "now")
                        : texts.get(PREFIX + "ago", span(back, texts)));
            }
            OffsetDateTime at = OffsetDateTime.parse(value);
            return Optional.of(texts.get(PREFIX + "from", CLOCK.format(at), at.getOffset().getId()));
        } catch (DateTimeParseException | ArithmeticException e) {
            // the validator refuses it with the reason; here there is just nothing to explain
            return Optional.empty();
        }
    }

    /** The longest window in words: whole days as days ("最多 31 天一段"), else hours. */
    static String maxSpan(long hours, CronDescription.Texts texts) {
        return texts.get(PREFIX + "maxSpan", span(Duration.ofHours(Math.max(hours, 0)), texts));
    }

    /** The overlap in words: "5 分钟", "1 小时 30 分钟", "45 秒". */
    static String overlap(long seconds, CronDescription.Texts texts) {
        return seconds <= 0 ? texts.get(PREFIX + "noOverlap") : span(Duration.ofSeconds(seconds), texts);
    }

    /** A duration as days, hours, minutes and seconds, leaving out the parts that are zero. */
    private static String span(Duration duration, CronDescription.Texts texts) {
        List<String> parts = new ArrayList<>();
        part(parts, duration.toDays(), "days", texts);
        part(parts, duration.toHoursPart(), "hours", texts);
        part(parts, duration.toMinutesPart(), "minutes", texts);
        part(parts, duration.toSecondsPart(), "seconds", texts);
        return parts.isEmpty() ? texts.get(PREFIX + "seconds", 0L) : String.join(" ", parts);
    }

    private static void part(List<String> parts, long amount, String unit, CronDescription.Texts texts) {
        if (amount > 0) {
            parts.add(texts.get(PREFIX + unit, amount));
        }
    }
}
