package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How an API writes a point in time. Calendar formats are in China Standard Time, as the vendors use. */
public enum TimeFormat {
    @JsonProperty("epoch-s")
    EPOCH_SECONDS,
    @JsonProperty("epoch-ms")
    EPOCH_MILLIS,
    @JsonProperty("date")
    DATE,
    @JsonProperty("datetime")
    DATETIME;

    /** The zone of every calendar format. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    private static final DateTimeFormatter DATETIME_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    /** The value to send: a {@code Long} for epoch formats, a {@code String} for calendar formats. */
    public Object format(Instant instant) {
        return switch (this) {
            case EPOCH_SECONDS -> instant.getEpochSecond();
            case EPOCH_MILLIS -> instant.toEpochMilli();
            case DATE -> DATE_FORMAT.format(instant);
            case DATETIME -> DATETIME_FORMAT.format(instant);
        };
    }
}
