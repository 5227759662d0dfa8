package io.yunqiao.limit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.yunqiao.problem.Problem;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's reading errors into coded refusals that name the JSON field and what it should hold, never a Java
 * class: Jackson's own messages name the classes it reads into ({@code io.yunqiao...SaveRequest}).
 */
public final class JsonRefusals {

    private JsonRefusals() {
    }

    /** The refusal of a body that is empty (or the JSON {@code null}) where an object is needed. */
    public static Problem missingBody() {
        return Problem.coded(Problem.Kind.INVALID, null, "problem.limit.json.missing");
    }

    /** The refusal of JSON that could not be read: where, and what was expected there. */
    public static Problem of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return Problem.coded(Problem.Kind.INVALID, path(unknown), "problem.limit.json.unknownProperty",
                    path(unknown), known);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String field = path(mismatch);
            Class<?> type = mismatch.getTargetType();
            String where = field == null ? "$" : field;
            if (type.isEnum()) {
                String values = Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return Problem.coded(Problem.Kind.INVALID, field, "problem.limit.json.expectOneOf", where, values);
            }
            return Problem.coded(Problem.Kind.INVALID, field, "problem.limit.json.expect" + kind(type), where);
        }
        JsonLocation location = e.getLocation();
        return Problem.coded(Problem.Kind.INVALID, null, "problem.limit.json.syntax",
                location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr());
    }

    private static String kind(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "Array";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "Text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "Number";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "Object";
        }
        return "Value";
    }

    /** {@code solution.source.params} or {@code alerts.emails[2]}; {@code null} at the top level. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
