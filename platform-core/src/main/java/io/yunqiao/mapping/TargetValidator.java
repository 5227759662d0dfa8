package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.problem.StoredMessage;
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

    /** The most problems one message lists; the rest are counted. */
    static final int LISTED = 10;

    /**
     * One problem of a mapped body.
     *
     * @param field where: the dotted path with array indexes, e.g. {@code material_entity[2].qty}; empty for the
     *              body itself
     * @param kind  what kind of problem
     * @param text  for users, naming the field and its label: a coded message, read with {@link #message(Locale)}
     *              or kept with {@link #stored()}
     */
    public record FieldProblem(String field, Kind kind, StoredMessage text) {

        /** The problem in {@code locale}'s language (Chinese unless English). */
        public String message(Locale locale) {
            return text.render(locale);
        }

        /** The problem as a record's log keeps it, read later in the reader's language. */
        public String stored() {
            return text.store();
        }
    }

    /**
     * Several problems as one stored coded message (a record's log message), read in the reader's language: the
     * first {@value #LISTED} joined, and how many more there are. Nested by halves, so that a long list stays a
     * shallow message.
     *
     * @param problems at least one problem
     */
    public static String stored(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to store");
        }
        List<String> listed = problems.stream().limit(LISTED).map(FieldProblem::stored).toList();
        String joined = joined(listed);
        return problems.size() <= LISTED ? joined
                : StoredMessage.of("mapping.problems.more", joined, problems.size() - LISTED).store();
    }

    private static String joined(List<String> messages) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        int half = messages.size() / 2;
        return StoredMessage.of("mapping.problems.join", joined(messages.subList(0, half)),
                joined(messages.subList(half, messages.size()))).store();
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
            problems.add(new FieldProblem("", Kind.NOT_AN_OBJECT,
                    StoredMessage.of("mapping.problem.notObject", kind(body))));
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
                problems.add(new FieldProblem(fieldPath, Kind.UNKNOWN_FIELD,
                        StoredMessage.of("mapping.problem.unknownField", fieldPath)));
            } else {
                checkValue(property.getValue(), field, fieldPath, problems);
            }
        }
        for (FieldTree field : declared.children.values()) {
            if (field.required() && isEmpty(object.get(field.segment))) {
                String fieldPath = path + field.segment;
                problems.add(new FieldProblem(fieldPath, Kind.MISSING_REQUIRED, StoredMessage.of(
                        "mapping.problem.missingRequired", fieldPath, field.label(), field.englishLabel())));
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
            problems.add(new FieldProblem(path, Kind.WRONG_TYPE, StoredMessage.of("mapping.problem.wrongType", path,
                    field.label(), field.englishLabel(), type(type), kind(value), preview(value))));
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
                    problems.add(new FieldProblem(elementPath, Kind.WRONG_TYPE, StoredMessage.of(
                            "mapping.problem.notObjects", elementPath, field.label(), field.englishLabel(),
                            kind(element))));
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

    /** What a declared type accepts, as a coded message. */
    private static String type(String type) {
        String known = switch (type) {
            case "integer", "number", "boolean", "array", "object" -> type;
            case CONTAINER -> "container";
            default -> "string";
        };
        return StoredMessage.of("mapping.type." + known).store();
    }

    /** What a value is, as a coded message. */
    private static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return StoredMessage.of("mapping.kind.undefined").store();
        }
        String kind = switch (value.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> "undefined";
        };
        return StoredMessage.of("mapping.kind." + kind).store();
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

        /** {@code  (Customer name)} after the field name, or nothing when the label adds nothing. */
        String englishLabel() {
            if (definition == null || definition.label() == null || definition.label().en() == null
                    || definition.label().en().isBlank() || definition.label().en().equals(definition.name())) {
                return "";
            }
            return " (" + definition.label().en() + ")";
        }
    }
}
