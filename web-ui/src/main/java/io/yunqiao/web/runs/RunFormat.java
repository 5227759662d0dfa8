package io.yunqiao.web.runs;

import com.vaadin.flow.component.Component;
import io.yunqiao.connector.TimeFormat;
import io.yunqiao.run.Run;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the screens write the times of runs: Beijing time, and durations in the reader's language. */
public final class RunFormat {

    /** The zone every time is shown in, whatever the server's. */
    public static final ZoneId ZONE = TimeFormat.ZONE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private RunFormat() {
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in Beijing time; empty for no time. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** How long the run took, or has taken so far while it runs. */
    public static String duration(Component translator, Run run) {
        Instant end = run.getEndedAt() != null ? run.getEndedAt() : Instant.now();
        return duration(translator, Duration.between(run.getStartedAt(), end));
    }

    static String duration(Component translator, Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return translator.getTranslation("runs.duration.seconds", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return translator.getTranslation("runs.duration.minutes", seconds / 60, seconds % 60);
        }
        return translator.getTranslation("runs.duration.hours", seconds / 3600, seconds % 3600 / 60);
    }
}
