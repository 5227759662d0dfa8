package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a mapped body against the fields an EXECUTE operation declares, before anything is sent: a field the
 * operation does not declare, a required field that is absent, null or empty text, and a value of the wrong type
 * are each a {@link FieldProblem} naming the field — nothing is dropped or converted silently.
 *
 * <p>Nested fields use dotted names ({@code material_entity.qty}); they are checked inside each element of an array
 * and inside an object, and problems name the element, e.g. {@code material_entity[2].qty}. An array or object
 * field without declared children accepts any content, and an operation that declares no fields at all accepts
 * any object.
 *
 * <p>Types: {@code string} takes any scalar (text, number, boolean) but no object or array; {@code integer} an
 * integral number or a string of digits; {@code number} a number or numeric text; {@code boolean} a boolean or the
 * text {@code true}/{@code false}; {@code array} an array; {@code object} an object. Other declared types are
 * checked as {@code string}.
 */
public final class TargetValidator {

    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    /** The type of a parent that is only declared through its children's dotted names. */
    private static final String CONTAINER = "container";

    private TargetValidator() {
    }

    /** What is wrong with a field. */
    public enum Kind {
        /** The body is not a JSON object at all. */
        NOT_AN_OBJECT,
        /** The body has a field the operation does not declare. */
        UNKNOWN_FIELD,
        /** A required field is absent, null or empty text. */
        MISSING_REQUIRED,
        /** A field holds a value its declared type does not accept. */
        WRONG_TYPE
    }

    /**
     * One problem of a mapped body.
     *
     * @param field   where: the dotted path with array indexes, e.g. {@code material_entity[2].qty}; empty for
     *                the body itself
     * @param kind    what kind of problem
     * @param message for users, Chinese then English, naming the field and its label
     */
    public record FieldProblem(String field, Kind kind, String message) {
    }

    /**
     * Validates a body.
     *
     * @param body      the mapping's output
     * @param operation the target operation, whose {@link OperationDefinition#fields()} describe the body
     * @return the problems in body order (each object's missing required fields after its own fields); empty when
     *         the body is valid
     */
    public static List<FieldProblem> validate(JsonNode body, OperationDefinition operation) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            String got = body == null ? "空值(undefined)" : JsonValues.kind(body);
            problems.add(new FieldProblem("", Kind.NOT_AN_OBJECT, "映射结果必须是 JSON 对象，实际是" + got
                    + " (the mapped body must be a JSON object, got " + english(body) + ")"));
            return problems;
        }
        if (!operation.fields().isEmpty()) {
            checkObject(body, FieldTree.of(operation.fields()), "", problems);
        }
        return problems;
    }

    private static void checkObject(JsonNode object, FieldTree declared, String path, List<FieldProblem> problems) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String fieldPath = path + property.getKey();
            FieldTree field = declared.children.get(property.getKey());
            if (field == null) {
                problems.add(new FieldProblem(fieldPath, Kind.UNKNOWN_FIELD, "目标接口没有字段 " + fieldPath
                        + "，请从映射中删除或改名 (unknown field " + fieldPath
                        + ": the target operation does not declare it)"));
            } else {
                checkValue(property.getValue(), field, fieldPath, problems);
            }
        }
        for (FieldTree field : declared.children.values()) {
            if (field.required() && isEmpty(object.get(field.segment))) {
                String fieldPath = path + field.segment;
                problems.add(new FieldProblem(fieldPath, Kind.MISSING_REQUIRED, "缺少必填字段 " + fieldPath
                        + field.label() + " (missing required field " + fieldPath + ")"));
            }
        }
    }

    private static void checkValue(JsonNode value, FieldTree field, String path, List<FieldProblem> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        String type = field.type();
        boolean accepted = switch (type) {
            case "integer" -> isInteger(value);
            case "number" -> value.isNumber() || value.isTextual() && isNumeric(value.textValue());
            case "boolean" -> value.isBoolean()
                    || value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"));
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case CONTAINER -> value.isObject() || value.isArray();
            default -> value.isValueNode();
        };
        if (!accepted) {
            problems.add(new FieldProblem(path, Kind.WRONG_TYPE, "字段 " + path + field.label() + " 应为"
                    + chinese(type) + "，实际是" + JsonValues.kind(value) + " " + preview(value) + " (field " + path
                    + " must be " + english(type) + ", got " + english(value) + " " + preview(value) + ")"));
            return;
        }
        if (field.children.isEmpty()) {
            return;
        }
        if (value.isObject()) {
            checkObject(value, field, path + ".", problems);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String elementPath = path + "[" + i + "]";
                if (element.isObject()) {
                    checkObject(element, field, elementPath + ".", problems);
                } else {
                    problems.add(new FieldProblem(elementPath, Kind.WRONG_TYPE, "字段 " + elementPath + field.label()
                            + " 的元素应为对象，实际是" + JsonValues.kind(element) + " (the elements of " + path
                            + " must be objects with the declared fields, got " + english(element) + ")"));
                }
            }
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty();
    }

    private static boolean isInteger(JsonNode value) {
        if (value.isIntegralNumber()) {
            return true;
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().scale() <= 0;
        }
        return value.isTextual() && DIGITS.matcher(value.textValue()).matches();
    }

    private static boolean isNumeric(String text) {
        try {
            new BigDecimal(text.trim());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String preview(JsonNode value) {
        String json = value.toString();
        return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }

    private static String chinese(String type) {
        return switch (type) {
            case "integer" -> "整数(integer)";
            case "number" -> "数字(number)";
            case "boolean" -> "布尔值(boolean)";
            case "array" -> "数组(array)";
            case "object" -> "对象(object)";
            case CONTAINER -> "对象或数组(object or array)";
            default -> "文本或数字(string)";
        };
    }

    private static String english(String type) {
        return switch (type) {
            case "integer" -> "an integer (or a string of digits)";
            case "number" -> "a number (or numeric text)";
            case "boolean" -> "a boolean (or \"true\"/\"false\")";
            case "array" -> "an array";
            case "object" -> "an object";
            case CONTAINER -> "an object or an array of objects";
            default -> "a string (or another scalar)";
        };
    }

    private static String english(JsonNode value) {
        return value == null ? "undefined" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The declared fields as a tree: dotted names nest, and a parent that only appears as the prefix of its
     * children's names is an implicit container.
     */
    private static final class FieldTree {

        final String segment;
        final FieldDefinition definition;
        final Map<String, FieldTree> children = new LinkedHashMap<>();

        private FieldTree(String segment, FieldDefinition definition) {
            this.segment = segment;
            this.definition = definition;
        }

        static FieldTree of(List<FieldDefinition> fields) {
            FieldTree root = new FieldTree("", null);
            for (FieldDefinition field : fields) {
                FieldTree node = root;
                String[] segments = field.name().split("\\.");
                for (int i = 0; i < segments.length; i++) {
                    FieldTree parent = node;
                    node = parent.children.computeIfAbsent(segments[i], segment -> new FieldTree(segment, null));
                    if (i == segments.length - 1 && node.definition == null) {
                        FieldTree defined = new FieldTree(segments[i], field);
                        defined.children.putAll(node.children);
                        parent.children.put(segments[i], defined);
                        node = defined;
                    }
                }
            }
            return root;
        }

        boolean required() {
            return definition != null && definition.required();
        }

        /** Implicit containers hold objects or arrays of objects. */
        String type() {
            if (definition != null) {
                return definition.type();
            }
            return CONTAINER;
        }

        /** {@code （客户名称）} after the field name, or nothing when the label adds nothing. */
        String label() {
            if (definition == null || definition.label() == null || definition.label().zh() == null
                    || definition.label().zh().isBlank() || definition.label().zh().equals(definition.name())) {
                return "";
            }
            return "（" + definition.label().zh() + "）";
        }
    }
}
