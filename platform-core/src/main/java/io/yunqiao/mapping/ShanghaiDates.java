package io.yunqiao.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates as Chinese business systems write them: {@code yyyy-MM-dd} and {@code yyyy-MM-dd HH:mm:ss} in Beijing time
 * (Asia/Shanghai, UTC+8 all year), and epoch seconds or milliseconds.
 */
final class ShanghaiDates {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Without an explicit unit, numbers below this are epoch seconds and the rest epoch milliseconds: 10^11 seconds is
     * the year 5138, 10^11 milliseconds is 1973-03-03 — no business record is ambiguous.
     */
    static final BigDecimal SECONDS_BELOW = BigDecimal.TEN.pow(11);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private ShanghaiDates() {
    }

    /** Epoch milliseconds of {@code yyyy-MM-dd} (midnight) or {@code yyyy-MM-dd HH:mm:ss}, Beijing time. */
    static long parseMillis(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return LocalDate.parse(trimmed, DATE).atStartOfDay(ZONE).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(trimmed, DATE_TIME).atZone(ZONE).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' 不是 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的日期"
                    + " (not a date in the form yyyy-MM-dd or yyyy-MM-dd HH:mm:ss)", e);
        }
    }

    /**
     * Epoch milliseconds of an epoch number.
     *
     * @param epoch the number
     * @param unit  {@code "s"}, {@code "ms"}, or {@code null} to decide by size ({@link #SECONDS_BELOW})
     */
    static long toMillis(BigDecimal epoch, String unit) {
        boolean seconds;
        if (unit == null) {
            seconds = epoch.abs().compareTo(SECONDS_BELOW) < 0;
        } else if (unit.equals("s")) {
            seconds = true;
        } else if (unit.equals("ms")) {
            seconds = false;
        } else {
            throw new IllegalArgumentException("单位只能是 \"s\" 或 \"ms\"，收到 \"" + unit + "\""
                    + " (the unit must be \"s\" or \"ms\")");
        }
        BigDecimal millis = seconds ? epoch.multiply(THOUSAND) : epoch;
        return millis.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    static String formatDate(long epochMillis) {
        return DATE.format(Instant.ofEpochMilli(epochMillis).atZone(ZONE));
    }

    static String formatDateTime(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZONE));
    }
}
