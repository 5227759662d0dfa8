package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;

/**
 * Grouping (合并): the group key of a record (the solution's {@code group.by}, a JSONata expression on the record,
 * computed when the record is staged) and the one record a group is mapped from: the group's first record with an
 * array field {@code group.into} holding every record of the group, in staging order. Used by staging, the writer
 * and dry runs; the mapping editor may use {@link #merged} for its preview.
 */
public final class SourceGroups {

    /** The longest group key that can be stored (the column's length). */
    public static final int MAX_KEY_LENGTH = 300;

    private final Mapping by;
    private final String into;
    private final int maxLines;

    private SourceGroups(Mapping by, String into, int maxLines) {
        this.by = by;
        this.into = into;
        this.maxLines = maxLines;
    }

    /**
     * The grouping of a solution, or {@code null} when it groups nothing.
     *
     * @param platformMaxLines the lines of one target record when the solution says 0, and the most it may say
     */
    public static SourceGroups of(SolutionSpec.Group group, MappingEngine engine, int platformMaxLines) {
        if (group == null || group.by() == null || group.by().isBlank()) {
            return null;
        }
        int limit = Math.max(1, platformMaxLines);
        int lines = group.maxLines() <= 0 ? limit : Math.min(group.maxLines(), limit);
        return new SourceGroups(engine.compile(group.by()), group.into().trim(), lines);
    }

    /** The expression that gives a record's group key, as written. */
    public String expression() {
        return by.expression();
    }

    /** The most records one target record is made of; a larger group is sent as several. */
    public int maxLines() {
        return maxLines;
    }

    /**
     * A record's group key: the text of the single value {@code group.by} gives, or {@code null} when it gives
     * nothing, an empty text, several values, an object, or fails. A key longer than {@link #MAX_KEY_LENGTH} is
     * {@code null} too (it cannot be stored); callers refuse the record naming the expression.
     */
    public String keyOf(JsonNode record, MappingContext context) {
        MappingResult result = by.evaluate(record, context);
        if (result.isFailure() || !result.hasOutput() || !result.output().isValueNode()
                || result.output().isNull()) {
            return null;
        }
        String key = result.output().asText();
        return key.isEmpty() || key.length() > MAX_KEY_LENGTH ? null : key;
    }

    /** The record a group (in staging order, at least one) is mapped from. */
    public JsonNode merged(List<JsonNode> records) {
        return merged(records, into);
    }

    /** The group's first record (a copy) with {@code into} set to every record of the group. */
    public static JsonNode merged(List<JsonNode> records, String into) {
        JsonNode first = records.get(0);
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (first.isObject()) {
            first.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        }
        ArrayNode lines = merged.putArray(into);
        records.forEach(lines::add);
        return merged;
    }
}
