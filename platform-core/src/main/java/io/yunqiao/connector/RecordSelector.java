package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.problem.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the records of a QUERY operation in a successful answer: the list (or single object) at the operation's
 * {@code records} path, each row turned into an object by its {@code rows} transform when it declares one.
 *
 * <p>A records path that matches nothing is an empty page when paging (the vendor leaves the list out when there
 * are no more records); {@link Selection#matched()} lets a designer trying an operation see that the path found
 * nothing in an answer that should have had records.
 */
public final class RecordSelector {

    private RecordSelector() {
    }

    /**
     * What the records path found in one answer.
     *
     * @param records the records, in the vendor's order; empty when nothing matched or the answer is malformed
     * @param matched whether the records path found a value (a list, possibly empty, or an object) in the answer
     * @param problem why the answer is malformed for this operation (a stored coded message), or {@code null}
     */
    public record Selection(List<JsonNode> records, boolean matched, String problem) {

        public Selection {
            records = List.copyOf(records);
        }

        /** Whether the answer does not have the shape the operation declares. */
        public boolean malformed() {
            return problem != null;
        }
    }

    /** The records of {@code operation} in {@code answer} (a parsed, successful answer; {@code null} is empty). */
    public static Selection select(OperationDefinition operation, JsonNode answer) {
        JsonNode found = JsonPaths.at(answer, operation.records());
        if (JsonPaths.isAbsent(found)) {
            return new Selection(List.of(), false, null);
        }
        List<JsonNode> records = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(records::add);
        } else if (found.isObject()) {
            records.add(found);
        } else {
            return new Selection(List.of(), true,
                    StoredMessage.of("connector.records.notList", operation.records()).store());
        }
        if (operation.rows() == null || records.isEmpty()) {
            return new Selection(records, true, null);
        }
        return rowsToObjects(operation, answer, records);
    }

    private static Selection rowsToObjects(OperationDefinition operation, JsonNode answer, List<JsonNode> rows) {
        String path = operation.rows().columns();
        JsonNode columnList = JsonPaths.at(answer, path);
        if (!columnList.isArray()) {
            return new Selection(List.of(), true, StoredMessage.of("connector.records.noColumns", path).store());
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode column : columnList) {
            String name = column.isObject() ? JsonPaths.text(column, "name")
                    : column.isValueNode() && !column.isNull() ? column.asText() : null;
            if (name == null || name.isEmpty()) {
                return new Selection(List.of(), true,
                        StoredMessage.of("connector.records.columnNoName", columns.size() + 1, path).store());
            }
            columns.add(name);
        }
        List<JsonNode> records = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.size() != columns.size()) {
                return new Selection(List.of(), true, row.isArray()
                        ? StoredMessage.of("connector.records.rowValues", i + 1, operation.records(), row.size(),
                                columns.size()).store()
                        : StoredMessage.of("connector.records.rowNoList", i + 1, operation.records(), columns.size())
                                .store());
            }
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < columns.size(); c++) {
                record.set(columns.get(c), row.get(c));
            }
            records.add(record);
        }
        return new Selection(records, true, null);
    }
}
