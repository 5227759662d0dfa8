package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The functions every mapping can call on top of JSONata's own, with one implementation shared by all engines so
 * they behave the same. Arguments and results are JSON; {@code null} stands for JSONata's "undefined". A refused
 * argument is a {@link MappingEvaluationException} whose message names the function.
 */
enum MappingFunction {

    /** {@code $valueMap(table, key)}: the target value for a source value in a value-mapping table (启用映射). */
    VALUE_MAP("valueMap", 2, 2, "$valueMap(table, key)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            String table = text(args.get(0), 1, "table");
            ValueMaps tables = context.valueMaps();
            if (!tables.hasTable(table)) {
                throw new IllegalArgumentException("值映射表 '" + table + "' 不存在，请先创建它或改正表名"
                        + " (there is no value-map table named '" + table + "')");
            }
            String key = JsonValues.keyText(args.get(1));
            return key == null ? null : tables.lookup(table, key).map(TextNode::valueOf).orElse(null);
        }
    },

    /**
     * {@code $lookup(solution, field, value)}: a record staged by another solution whose field equals the value.
     * With one or two arguments JSONata's own {@code $lookup(object, key)} runs instead.
     */
    LOOKUP("lookup", 3, 3, "$lookup(solution, field, value)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            String solution = text(args.get(0), 1, "solution");
            String field = text(args.get(1), 2, "field");
            String value = JsonValues.keyText(args.get(2));
            return value == null ? null : context.stagedRecords().find(solution, field, value).orElse(null);
        }
    },

    /** {@code $parseMillis(text)}: epoch milliseconds of {@code yyyy-MM-dd[ HH:mm:ss]} in Beijing time. */
    PARSE_MILLIS("parseMillis", 1, 1, "$parseMillis(text)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            String text = dateText(args.get(0));
            return text == null ? null : JsonValues.NODES.numberNode(ShanghaiDates.parseMillis(text));
        }
    },

    /** {@code $parseSeconds(text)}: epoch seconds of {@code yyyy-MM-dd[ HH:mm:ss]} in Beijing time. */
    PARSE_SECONDS("parseSeconds", 1, 1, "$parseSeconds(text)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            String text = dateText(args.get(0));
            return text == null ? null
                    : JsonValues.NODES.numberNode(Math.floorDiv(ShanghaiDates.parseMillis(text), 1000L));
        }
    },

    /** {@code $formatDate(epoch, unit?)}: {@code yyyy-MM-dd} in Beijing time of epoch seconds or milliseconds. */
    FORMAT_DATE("formatDate", 1, 2, "$formatDate(epoch, unit?)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            Long millis = epochMillis(args);
            return millis == null ? null : TextNode.valueOf(ShanghaiDates.formatDate(millis));
        }
    },

    /** {@code $formatDateTime(epoch, unit?)}: {@code yyyy-MM-dd HH:mm:ss} in Beijing time. */
    FORMAT_DATE_TIME("formatDateTime", 1, 2, "$formatDateTime(epoch, unit?)") {
        @Override
        JsonNode apply(List<JsonNode> args, MappingContext context) {
            Long millis = epochMillis(args);
            return millis == null ? null : TextNode.valueOf(ShanghaiDates.formatDateTime(millis));
        }
    };

    private final String jsonataName;
    private final int minArgs;
    private final int maxArgs;
    private final String usage;

    MappingFunction(String jsonataName, int minArgs, int maxArgs, String usage) {
        this.jsonataName = jsonataName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.usage = usage;
    }

    /** The name in expressions, without the {@code $}. */
    String jsonataName() {
        return jsonataName;
    }

    int minArgs() {
        return minArgs;
    }

    int maxArgs() {
        return maxArgs;
    }

    /**
     * A JSONata signature that only states the arity ({@code <xx?:x>}: one required argument, one optional). Engines
     * read it to decide how many arguments a higher-order function such as {@code $map} passes, so
     * {@code $map(dates, $formatDate)} passes just the value; the arguments themselves are checked by {@link #call}.
     */
    String signature() {
        return "<" + "x".repeat(minArgs) + "x?".repeat(maxArgs - minArgs) + ":x>";
    }

    /**
     * Whether JSONata has a built-in function of the same name that must keep working: it runs whenever the call
     * does not have exactly our number of arguments.
     */
    boolean sharesNameWithBuiltIn() {
        return this == LOOKUP;
    }

    /** Whether a call with that many arguments (the chained {@code ~>} value included) is ours. */
    boolean handles(int argumentCount) {
        return !sharesNameWithBuiltIn() || argumentCount == maxArgs;
    }

    /**
     * Calls the function.
     *
     * @param args    the evaluated arguments, {@code null} for undefined
     * @param context the value maps and staged records of this evaluation
     * @return the result, {@code null} for undefined
     * @throws MappingEvaluationException naming the function when it refuses the arguments
     */
    JsonNode call(List<JsonNode> args, MappingContext context) {
        if (args.size() < minArgs || args.size() > maxArgs) {
            String expected = minArgs == maxArgs ? String.valueOf(minArgs) : minArgs + "–" + maxArgs;
            throw new MappingEvaluationException(usage + ": 需要 " + expected + " 个参数，收到 " + args.size() + " 个"
                    + " (takes " + expected + " arguments, got " + args.size() + ")");
        }
        try {
            return apply(args, context);
        } catch (MappingEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MappingEvaluationException(usage + ": " + e.getMessage(), e);
        }
    }

    abstract JsonNode apply(List<JsonNode> args, MappingContext context);

    private static String text(JsonNode value, int position, String name) {
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException("第 " + position + " 个参数 " + name + " 必须是非空文本，收到"
                    + JsonValues.kind(value) + " (argument " + position + ", " + name
                    + ", must be a non-empty string)");
        }
        return value.textValue();
    }

    /** The date text of an argument; {@code null} when absent or blank, which maps to undefined. */
    private static String dateText(JsonNode value) {
        if (JsonValues.isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("需要日期文本，收到" + JsonValues.kind(value)
                    + " (expected a date string such as 2024-03-05 or 2024-03-05 08:30:00)");
        }
        return value.textValue().isBlank() ? null : value.textValue();
    }

    /** Epoch milliseconds of {@code (epoch, unit?)}; {@code null} when the epoch is absent or blank. */
    private static Long epochMillis(List<JsonNode> args) {
        JsonNode value = args.get(0);
        BigDecimal epoch;
        if (JsonValues.isAbsent(value)) {
            return null;
        } else if (value.isNumber()) {
            epoch = value.decimalValue();
        } else if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                epoch = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value.textValue() + "' 不是数字时间戳"
                        + " (not an epoch number in seconds or milliseconds)", e);
            }
        } else {
            throw new IllegalArgumentException("需要数字时间戳，收到" + JsonValues.kind(value)
                    + " (expected an epoch number in seconds or milliseconds)");
        }
        JsonNode unit = args.size() > 1 ? args.get(1) : null;
        if (!JsonValues.isAbsent(unit) && !unit.isTextual()) {
            throw new IllegalArgumentException("第 2 个参数 unit 只能是 \"s\" 或 \"ms\" (the unit must be \"s\" or \"ms\")");
        }
        return ShanghaiDates.toMillis(epoch, JsonValues.isAbsent(unit) ? null : unit.textValue());
    }
}
