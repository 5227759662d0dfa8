package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.mapping.StagedRecords;
import io.yunqiao.mapping.ValueMaps;
import io.yunqiao.problem.Problem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What mappings look up in the database: value-mapping tables ({@code $valueMap}) and records staged by other
 * solutions ({@code $lookup}, like QEasy's {@code _findCollection}).
 */
@Component
class DatabaseLookups implements ValueMaps, StagedRecords {

    /** Rows read per round trip while scanning: most look-ups that scan find their record among the newest. */
    private static final int SCAN_FETCH = 50;

    private final JdbcTemplate jdbc;
    private final StagedContents contents;
    private final int scanAtMost;

    DatabaseLookups(JdbcTemplate jdbc, StagedContents contents,
            @Value("${yunqiao.engine.lookup-scan:2000}") int scanAtMost) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.scanAtMost = scanAtMost;
    }

    @Override
    public boolean hasTable(String table) {
        // a table exists from its creation on the value-map screen, before its first entry (V15)
        Integer rows = jdbc.queryForObject("select count(*) from yq_value_map_table where table_name = ?",
                Integer.class, table);
        return rows != null && rows > 0;
    }

    @Override
    public Optional<String> lookup(String table, String key) {
        List<String> found = jdbc.queryForList("select map_value from yq_value_map where table_name = ? and map_key = ?",
                String.class, table, key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The newest record of the solution whose {@code field} equals {@code value}. Content is stored compressed, so
     * the database cannot search it: records whose primary key or code equals the value are tried first (indexed),
     * then the solution's newest {@code yunqiao.engine.lookup-scan} records are read and compared
     * (docs/mapping.md).
     */
    @Override
    public Optional<JsonNode> find(String solution, String field, String value) {
        List<Long> solutionIds = jdbc.queryForList("select id from yq_solution where name = ?", Long.class, solution);
        if (solutionIds.isEmpty()) {
            throw Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.engine.lookupNoSolution", solution);
        }
        long solutionId = solutionIds.get(0);
        Optional<JsonNode> byIndex = first(jdbc.query("select " + COLUMNS + " from " + TABLES + " where"
                + " r.solution_id = ? and (r.source_key = ? or r.code = ?) order by r.id desc", this::content, solutionId,
                value, value), field, value);
        if (byIndex.isPresent() || scanAtMost <= 0) {
            return byIndex;
        }
        // the newest first, a few rows per round trip, until the first match
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select " + COLUMNS + " from " + TABLES
                    + " where r.solution_id = ? order by r.id desc");
            statement.setLong(1, solutionId);
            statement.setMaxRows(scanAtMost);
            statement.setFetchSize(SCAN_FETCH);
            return statement;
        }, (ResultSet rows) -> {
            while (rows.next()) {
                JsonNode record = content(rows, rows.getRow());
                if (value.equals(JsonPaths.text(record, field))) {
                    return Optional.of(record);
                }
            }
            return Optional.<JsonNode>empty();
        });
    }

    private static final String COLUMNS = "c.content_z, c.dictionary_id, r.content";

    /** A record and its content; records staged before V8 have none there, their text is in their row. */
    private static final String TABLES = "yq_source_record r left join yq_source_content c on c.record_id = r.id";

    private JsonNode content(ResultSet row, int rowNumber) throws SQLException {
        long dictionary = row.getLong(2);
        Long dictionaryId = row.wasNull() ? null : dictionary;
        return contents.read(row.getBytes(1), dictionaryId, row.getString(3));
    }

    private static Optional<JsonNode> first(List<JsonNode> candidates, String field, String value) {
        return candidates.stream().filter(record -> value.equals(JsonPaths.text(record, field))).findFirst();
    }
}
