package io.yunqiao.connectors.kingdee.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.sandbox.SandboxRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of one call, wherever they came from (query string, form, JSON body; the body wins), read the
 * lenient way the vendor does: numbers may come as JSON numbers or as strings; empty means absent.
 */
final class Params {

    /** What {@link #time} and {@link #day} answer for "no filter". */
    static final long NONE = Long.MIN_VALUE;

    private final Map<String, String> values = new HashMap<>();

    Params(SandboxRequest request, ObjectMapper json) {
        values.putAll(request.query());
        String body = request.body().trim();
        String contentType = request.contentType() == null ? "" : request.contentType();
        // a JSON body is read as JSON even when the client labels it as a form, as lenient gateways do
        if (body.startsWith("{") || contentType.startsWith("application/json") && !body.isEmpty()) {
            JsonNode parsed = request.json(json);
            if (parsed == null || !parsed.isObject()) {
                throw Refusal.badParameter("请求体不是合法的 JSON 对象", "the body is not a JSON object");
            }
            for (Map.Entry<String, JsonNode> field : parsed.properties()) {
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    values.put(field.getKey(), value.asText());
                } else if (!value.isNull()) {
                    values.put(field.getKey(), value.toString());
                }
            }
        } else {
            values.putAll(request.form());
        }
    }

    /** The trimmed text of a parameter, or null when absent or empty. */
    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A required text parameter. */
    String required(String name) {
        String value = text(name);
        if (value == null) {
            throw Refusal.badParameter("缺少参数 " + name, "missing parameter " + name);
        }
        return value;
    }

    /** A timestamp in epoch milliseconds, or {@link #NONE} when absent, empty or -1. */
    long time(String name) {
        String value = text(name);
        if (value == null) {
            return NONE;
        }
        long number = wholeNumber(name, value, "时间戳（毫秒）", "a timestamp in milliseconds");
        return number == -1 ? NONE : number;
    }

    /** A {@code yyyy-MM-dd} date as an epoch day, or {@link #NONE} when absent or empty. */
    long day(String name) {
        String value = text(name);
        if (value == null) {
            return NONE;
        }
        try {
            return LocalDate.parse(value).toEpochDay();
        } catch (DateTimeParseException e) {
            throw Refusal.badParameter(name + " 应为 yyyy-MM-dd 格式的日期，收到 '" + value + "'",
                    name + " must be a yyyy-MM-dd date, was '" + value + "'");
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code absent} when not given. */
    int number(String name, int absent, int min, int max) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        long number = wholeNumber(name, value, "整数", "a whole number");
        if (number < min || number > max) {
            throw Refusal.badParameter(name + " 应在 " + min + " 到 " + max + " 之间，收到 " + value,
                    name + " must be from " + min + " to " + max + ", was " + value);
        }
        return (int) number;
    }

    private static long wholeNumber(String name, String value, String what, String whatEnglish) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                // JSON numbers such as 1.0 or 1.7643E12 are accepted when they are whole
                double number = Double.parseDouble(value);
                if (number == Math.rint(number) && !Double.isInfinite(number)) {
                    return (long) number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw Refusal.badParameter(name + " 应为" + what + "，收到 '" + value + "'",
                    name + " must be " + whatEnglish + ", was '" + value + "'");
        }
    }
}
