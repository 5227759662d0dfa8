package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One record per line (明细拆分): turns a fetched record into one record per element of the array at the split path.
 * Each line is the source record with that array replaced by the one element, so the parent's fields
 * ({@code billno}) and the line's ({@code material_entity.qty}) keep their paths; its key is the parent key,
 * {@code #}, and the line key (the value at {@code lineKey} inside the element, or the element's 1-based position
 * when the split names no line key). Used by staging, dry runs and the mapping editor's sample.
 *
 * <p>Nothing is dropped silently: a record whose path is missing or not an array, and a line that cannot get a key of
 * its own (no line key, the same line key twice, a key too long to store), come back as refusals with a coded
 * message that names the record, the path and the line; an empty array is a record with no lines, also said so.
 */
public final class SourceLines {

    /** No split: every record is one line, as it is. */
    public static final SourceLines NONE = new SourceLines(null, null);

    /** Between the parent key and the line key. */
    public static final String SEPARATOR = "#";

    /** The longest key a staged record can have (the column's length). */
    static final int MAX_KEY_LENGTH = 300;

    private final String path;
    private final String lineKey;

    private SourceLines(String path, String lineKey) {
        this.path = path;
        this.lineKey = lineKey;
    }

    /** The lines of a solution's split; {@link #NONE} when it has none. */
    public static SourceLines of(SolutionSpec.Split split) {
        if (split == null || split.path() == null || split.path().isBlank()) {
            return NONE;
        }
        String key = split.lineKey() == null || split.lineKey().isBlank() ? null : split.lineKey().trim();
        return new SourceLines(split.path().trim(), key);
    }

    /** Whether records are split at all. */
    public boolean splits() {
        return path != null;
    }

    /** One line: its key, display code and content. */
    public record Line(String key, String code, JsonNode content) {
    }

    /**
     * A line (or a whole record) that cannot be staged, with the coded message that says why (stored form of a
     * {@link StoredMessage}) and the content it concerns, kept in the record log.
     *
     * @param empty whether the record simply has no lines (an empty array): nothing to write, counted as skipped;
     *              otherwise it is a failure
     */
    public record Refusal(String key, String message, JsonNode content, boolean empty) {
    }

    /** What splitting one record gave: its lines, and what could not become a line. */
    public record Split(List<Line> lines, List<Refusal> refusals) {
    }

    /**
     * Splits one record.
     *
     * @param key  the record's key (the source operation's key)
     * @param code the record's display code, or {@code null}
     */
    public Split split(JsonNode record, String key, String code) {
        if (!splits()) {
            return new Split(List.of(new Line(key, code, record)), List.of());
        }
        JsonNode array = JsonPaths.at(record, path);
        String named = code == null ? key : code;
        if (!array.isArray()) {
            String found = JsonPaths.isAbsent(array) ? "" : array.getNodeType().name().toLowerCase(Locale.ROOT);
            String message = found.isEmpty()
                    ? StoredMessage.of("record.split.missing", named, path).store()
                    : StoredMessage.of("record.split.notArray", named, path, found).store();
            return new Split(List.of(), List.of(new Refusal(key, message, record, false)));
        }
        if (array.isEmpty()) {
            return new Split(List.of(), List.of(new Refusal(key,
                    StoredMessage.of("record.split.empty", named, path).store(), record, true)));
        }
        List<Line> lines = new ArrayList<>(array.size());
        List<Refusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            JsonNode line = replaced(record, path.split("\\."), 0, element);
            String position = Integer.toString(i + 1);
            String id = lineKey == null ? position : JsonPaths.text(element, lineKey);
            if (id == null) {
                refusals.add(new Refusal(key, StoredMessage.of("record.split.noLineKey", named, path, position,
                        lineKey).store(), line, false));
                continue;
            }
            String lineRecordKey = key + SEPARATOR + id;
            if (lineRecordKey.length() > MAX_KEY_LENGTH) {
                refusals.add(new Refusal(key, StoredMessage.of("record.split.keyTooLong", named, path, position,
                        MAX_KEY_LENGTH).store(), line, false));
            } else if (!seen.add(id)) {
                refusals.add(new Refusal(key, StoredMessage.of("record.split.duplicateLineKey", named, path,
                        position, lineKey, id).store(), line, false));
            } else {
                String lineCode = code == null ? null : truncated(code + SEPARATOR + id);
                lines.add(new Line(lineRecordKey, lineCode, line));
            }
        }
        return new Split(List.copyOf(lines), List.copyOf(refusals));
    }

    /**
     * The lines of some records, for a sample: records that cannot be split are kept whole (the sample shows what
     * the source gave; staging refuses them with a message).
     */
    public List<JsonNode> lines(List<JsonNode> records) {
        if (!splits()) {
            return records;
        }
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode record : records) {
            Split split = split(record, "", null);
            if (split.lines().isEmpty()) {
                result.add(record);
            } else {
                split.lines().forEach(line -> result.add(line.content()));
            }
        }
        return result;
    }

    /**
     * The first line of one record, for a sample the mapping is checked against: the record with the array at the
     * split path replaced by its first element, whatever that element's line key; the record itself when it is not
     * split or has no lines (staging refuses those with a message).
     */
    public JsonNode firstLine(JsonNode record) {
        if (!splits()) {
            return record;
        }
        JsonNode array = JsonPaths.at(record, path);
        if (!array.isArray() || array.isEmpty()) {
            return record;
        }
        return replaced(record, path.split("\\."), 0, array.get(0));
    }

    /**
     * A copy of {@code node} with the value at {@code parts[from..]} replaced: only the objects on the path are
     * copied (shallowly), the rest is shared with the source record, which nobody changes.
     */
    private static JsonNode replaced(JsonNode node, String[] parts, int from, JsonNode value) {
        ObjectNode copy = ((ObjectNode) node).objectNode();
        node.properties().forEach(field -> copy.set(field.getKey(), field.getValue()));
        String name = parts[from];
        copy.set(name, from == parts.length - 1 ? value : replaced(node.get(name), parts, from + 1, value));
        return copy;
    }

    private static String truncated(String code) {
        return code.length() <= MAX_KEY_LENGTH ? code : code.substring(0, MAX_KEY_LENGTH);
    }

    @Override
    public String toString() {
        return splits() ? "lines of " + path + (lineKey == null ? "" : " by " + lineKey) : "no split";
    }
}
