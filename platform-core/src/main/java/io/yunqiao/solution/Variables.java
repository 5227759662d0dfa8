package io.yunqiao.solution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yunqiao.connector.TimeFormat;
import io.yunqiao.problem.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the variables of source parameters (QEasy's conventions): {@code {{LAST_SYNC_TIME}}} (the window start) and
 * {@code {{CURRENT_TIME}}} (the window end) in epoch seconds, or with a format: {@code |ms}, {@code |s},
 * {@code |date} ({@code yyyy-MM-dd}), {@code |datetime} ({@code yyyy-MM-dd HH:mm:ss}), both in Asia/Shanghai;
 * {@code {{PAGINATION_PAGE_SIZE}}} and {@code {{PAGINATION_START_ROW}}} (0-based index of the page's first record).
 * A parameter that is exactly one variable of an epoch format becomes a number; anything else stays text.
 */
public final class Variables {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Z_]+)\\s*(?:\\|\\s*([a-z]+)\\s*)?}}");

    private Variables() {
    }

    /**
     * @param window window start and end; page index and size of the page being fetched
     */
    public static Map<String, Object> fill(Map<String, JsonNode> params, Instant windowStart, Instant windowEnd,
            int pageIndex, int pageSize) {
        Map<String, Object> filled = new LinkedHashMap<>();
        params.forEach((name, value) -> filled.put(name, value.isTextual()
                ? fill(name, value.asText(), windowStart, windowEnd, pageIndex, pageSize)
                : value));
        return filled;
    }

    /** Checks every variable of every parameter, so that a typo is refused when the solution is saved. */
    public static void check(Map<String, JsonNode> params) {
        Instant now = Instant.now();
        params.forEach((name, value) -> {
            if (value.isTextual()) {
                fill(name, value.asText(), now, now, 0, 1);
            }
        });
    }

    private static Object fill(String param, String text, Instant start, Instant end, int pageIndex, int pageSize) {
        Matcher whole = VARIABLE.matcher(text);
        if (whole.matches()) {
            return value(param, whole.group(1), whole.group(2), start, end, pageIndex, pageSize);
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = value(param, matcher.group(1), matcher.group(2), start, end, pageIndex, pageSize);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Object value(String param, String name, String format, Instant start, Instant end, int pageIndex,
            int pageSize) {
        return switch (name) {
            case "LAST_SYNC_TIME" -> time(param, start, format);
            case "CURRENT_TIME" -> time(param, end, format);
            case "PAGINATION_PAGE_SIZE" -> JsonNodeFactory.instance.numberNode(pageSize);
            case "PAGINATION_START_ROW" -> JsonNodeFactory.instance.numberNode((long) pageIndex * pageSize);
            default -> throw Problem.coded(Problem.Kind.INVALID, "source.params." + param,
                    "problem.solution.unknownVariable", "{{" + name + "}}", param,
                    "LAST_SYNC_TIME, CURRENT_TIME, PAGINATION_PAGE_SIZE, PAGINATION_START_ROW");
        };
    }

    private static Object time(String param, Instant instant, String format) {
        TimeFormat timeFormat = switch (format == null ? "s" : format) {
            case "s" -> TimeFormat.EPOCH_SECONDS;
            case "ms" -> TimeFormat.EPOCH_MILLIS;
            case "date" -> TimeFormat.DATE;
            case "datetime" -> TimeFormat.DATETIME;
            default -> throw Problem.coded(Problem.Kind.INVALID, "source.params." + param,
                    "problem.solution.unknownTimeFormat", "|" + format, param);
        };
        Object value = timeFormat.format(instant);
        return value instanceof Long number ? JsonNodeFactory.instance.numberNode(number) : value;
    }
}
