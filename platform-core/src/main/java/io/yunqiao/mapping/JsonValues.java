package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** JSON values as the mapping functions and engines need them: keys as text, numbers in one canonical form. */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Integral doubles up to 2^53 are exact longs: beyond that a double no longer holds every integer. */
    private static final double LARGEST_EXACT_INTEGER = 9007199254740992d;

    private JsonValues() {
    }

    /** Whether a value counts as absent: undefined or JSON null. */
    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /**
     * The text of a scalar as it is used as a key: strings as they are, numbers without a useless fraction
     * ({@code 3.0} → {@code "3"}), booleans as {@code true}/{@code false}.
     *
     * @return the text, or {@code null} for an absent value
     * @throws IllegalArgumentException for an object or array
     */
    static String keyText(JsonNode value) {
        if (isAbsent(value)) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            return number.scale() <= 0 ? number.toBigIntegerExact().toString() : number.toPlainString();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        throw new IllegalArgumentException("需要文本或数字，收到" + kind(value) + " (expected a string or number, got "
                + value.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
    }

    /** A short Chinese name of a JSON value's type, for messages. */
    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "空值(undefined)";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "数组(array)";
            case OBJECT -> "对象(object)";
            case STRING -> "文本(string)";
            case NUMBER -> "数字(number)";
            case BOOLEAN -> "布尔值(boolean)";
            case NULL -> "null";
            default -> value.getNodeType().name();
        };
    }

    /**
     * A number node for a Java number in canonical form: integral values as the smallest integer node
     * ({@code int}, else {@code long}) — as Jackson reads them from text —, other numbers as doubles.
     */
    static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof Long) {
            return integer(number.longValue());
        }
        return number(number.doubleValue());
    }

    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static JsonNode number(double value) {
        if (!Double.isFinite(value)) {
            throw new MappingEvaluationException("计算结果含有无法用 JSON 表示的数值 " + value + "（是否除以了 0？）"
                    + " (the result holds a number JSON cannot carry: " + value + "; a division by zero?)");
        }
        if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_INTEGER) {
            return integer((long) value);
        }
        return NODES.numberNode(value);
    }

    /**
     * The canonical form of an engine's output, so both engines answer equal JSON: integral numbers become the
     * smallest integer node ({@code 5.0} → {@code 5}); non-finite numbers are refused. Answers the node itself when
     * nothing changes.
     */
    static JsonNode normalise(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            return number(node.doubleValue());
        }
        if (node.isLong() || node.isShort()) {
            return node.canConvertToInt() ? integer(node.longValue()) : node;
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode normal = normalise(field.getValue());
                if (normal != field.getValue()) {
                    copy = copy == null ? ((ObjectNode) node).deepCopy() : copy;
                    copy.set(field.getKey(), normal);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode normal = normalise(node.get(i));
                if (normal != node.get(i)) {
                    copy = copy == null ? ((ArrayNode) node).deepCopy() : copy;
                    copy.set(i, normal);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }
}
