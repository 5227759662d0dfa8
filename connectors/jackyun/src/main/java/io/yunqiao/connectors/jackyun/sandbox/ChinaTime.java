package io.yunqiao.connectors.jackyun.sandbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The gateway's way of writing time: {@code yyyy-MM-dd HH:mm:ss} in China Standard Time, to the second. */
final class ChinaTime {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private ChinaTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZONE));
    }

    /** The instant a gateway time denotes, or {@code null} when the text is not in {@value #PATTERN}. */
    static Instant parseOrNull(String text) {
        try {
            return LocalDateTime.parse(text, FORMAT).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
