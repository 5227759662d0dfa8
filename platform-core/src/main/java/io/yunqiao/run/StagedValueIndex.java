package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The values one field has in the records one solution staged, each to the newest record (highest id) holding it:
 * what makes {@code $lookup(solution, field, value)} exact when the field is neither the key nor the code. Built
 * once by reading every staged record of the solution, then, before each look-up, brought up to date with the
 * records staged, or staged again with new content, since the last look ({@code fetched_at}, V14's index). A hit is
 * read back and compared, so a record whose content changed or that was removed is never answered; when that
 * happens, or when the field has more distinct values than the bound, the records are read newest first until the
 * first match (exact, slower). Thread-safe; one look-up at a time per index.
 */
final class StagedValueIndex {

    /**
     * Records staged this long before the last look may still have been uncommitted then (a page's transaction,
     * the clocks of other nodes): they are listed again, and read only if unseen.
     */
    static final Duration SETTLE = Duration.ofSeconds(60);

    /** Rows read per round trip while building or scanning. */
    private static final int FETCH = 500;

    private static final String CONTENT = "c.content_z, c.dictionary_id, r.content";
    private static final String TABLES = "yq_source_record r left join yq_source_content c on c.record_id = r.id";

    private final JdbcTemplate jdbc;
    private final StagedContents contents;
    private final long solutionId;
    private final String field;
    private final int maxValues;
    private final Map<String, Long> ids = new HashMap<>();
    /** The fetch time of each record read during the last {@link #SETTLE}, so a listed record is read once. */
    private final Map<Long, Instant> recent = new HashMap<>();
    private Instant lookedAt;
    private boolean overflow;

    StagedValueIndex(JdbcTemplate jdbc, StagedContents contents, long solutionId, String field, int maxValues) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.solutionId = solutionId;
        this.field = field;
        this.maxValues = maxValues;
    }

    /** How many distinct values the index holds (0 when it gave up for the bound). */
    synchronized int size() {
        return ids.size();
    }

    /** The newest staged record whose field has {@code value}, as stored now. */
    synchronized Optional<JsonNode> find(String value) {
        catchUp();
        if (overflow) {
            return scan(value);
        }
        Long id = ids.get(value);
        if (id == null) {
            return Optional.empty();
        }
        Optional<JsonNode> record = read(id).filter(content -> value.equals(JsonPaths.text(content, field)));
        if (record.isPresent()) {
            return record;
        }
        // the record changed or is gone: an older record may hold the value
        ids.remove(value);
        return scan(value);
    }

    /** A record listed by its fetch time. */
    private record Listed(long id, Instant fetched) {
    }

    /** Reads every record on the first look; afterwards, those staged since the previous look. */
    private void catchUp() {
        Instant now = Instant.now();
        Instant keepFrom = now.minus(SETTLE.multipliedBy(2));
        if (lookedAt == null) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("select r.id, r.fetched_at, " + CONTENT
                        + " from " + TABLES + " where r.solution_id = ? order by r.id");
                statement.setLong(1, solutionId);
                statement.setFetchSize(FETCH);
                return statement;
            }, (ResultSet row) -> {
                add(row, keepFrom);
            });
        } else {
            List<Listed> listed = jdbc.query("select id, fetched_at from yq_source_record where solution_id = ? and"
                    + " fetched_at >= ?", (row, n) -> new Listed(row.getLong(1), row.getTimestamp(2).toInstant()),
                    solutionId, Timestamp.from(lookedAt.minus(SETTLE)));
            for (Listed row : listed) {
                if (!row.fetched().equals(recent.get(row.id()))) {
                    jdbc.query("select r.id, r.fetched_at, " + CONTENT + " from " + TABLES + " where r.id = ?",
                            (ResultSet rows) -> {
                                add(rows, keepFrom);
                            }, row.id());
                }
            }
        }
        recent.values().removeIf(fetched -> fetched.isBefore(keepFrom));
        lookedAt = now;
    }

    private void add(ResultSet row, Instant keepFrom) throws SQLException {
        long id = row.getLong(1);
        Instant fetched = row.getTimestamp(2).toInstant();
        if (!fetched.isBefore(keepFrom)) {
            recent.put(id, fetched);
        }
        if (overflow) {
            return;
        }
        String value = JsonPaths.text(content(row, 3), field);
        if (value != null) {
            ids.merge(value, id, Math::max);
            if (ids.size() > maxValues) {
                // too many values to keep: every look-up reads the records instead (exact, slower)
                overflow = true;
                ids.clear();
            }
        }
    }

    /** The records newest first until the first whose field has {@code value}. */
    private Optional<JsonNode> scan(String value) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select r.id, " + CONTENT + " from " + TABLES
                    + " where r.solution_id = ? order by r.id desc");
            statement.setLong(1, solutionId);
            statement.setFetchSize(FETCH);
            return statement;
        }, (ResultSet rows) -> {
            while (rows.next()) {
                JsonNode record = content(rows, 2);
                if (value.equals(JsonPaths.text(record, field))) {
                    if (!overflow) {
                        ids.put(value, rows.getLong(1));
                    }
                    return Optional.of(record);
                }
            }
            return Optional.<JsonNode>empty();
        });
    }

    private Optional<JsonNode> read(long id) {
        List<JsonNode> found = jdbc.query("select r.id, " + CONTENT + " from " + TABLES + " where r.id = ? and"
                + " r.solution_id = ?", (row, n) -> content(row, 2), id, solutionId);
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The content in the three columns from {@code first}. */
    private JsonNode content(ResultSet row, int first) throws SQLException {
        long dictionary = row.getLong(first + 1);
        Long dictionaryId = row.wasNull() ? null : dictionary;
        return contents.readKept(row.getBytes(first), dictionaryId, row.getString(first + 2));
    }
}
