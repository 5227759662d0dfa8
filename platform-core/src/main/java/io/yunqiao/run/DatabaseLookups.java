package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.mapping.StagedRecords;
import io.yunqiao.mapping.ValueMaps;
import io.yunqiao.problem.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Indexes kept at most (solution and field pairs looked up), the least recently used dropped first. */
    private static final int INDEXES_AT_MOST = 16;

    private final JdbcTemplate jdbc;
    private final StagedContents contents;
    private final int maxValues;
    private final Map<String, StagedValueIndex> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StagedValueIndex> eldest) {
            return size() > INDEXES_AT_MOST;
        }
    };

    DatabaseLookups(JdbcTemplate jdbc, StagedContents contents,
            @Value("${yunqiao.engine.lookup-index-values:1000000}") int maxValues) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.maxValues = Math.max(0, maxValues);
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
     * The newest record of the solution whose {@code field} equals {@code value}, exactly (docs/mapping.md, "$lookup"):
     * content is stored compressed, so the database cannot search it; records whose primary key or code equals the
     * value are tried first (indexed), then the {@link StagedValueIndex} of the solution and field, built on the first
     * look-up and brought up to date on each.
     */
    @Override
    public Optional<JsonNode> find(String solution, String field, String value) {
        List<Long> solutionIds = jdbc.queryForList("select id from yq_solution where name = ?", Long.class, solution);
        if (solutionIds.isEmpty()) {
            throw Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.engine.lookupNoSolution", solution);
        }
        long solutionId = solutionIds.get(0);
        // two queries, each on its index: "key = ? or code = ?" made databases read every record of the solution
        List<JsonNode> candidates = new ArrayList<>(jdbc.query("select " + COLUMNS + " from " + TABLES + " where"
                + " r.solution_id = ? and r.code = ? order by r.id desc", this::content, solutionId, value));
        candidates.addAll(0, jdbc.query("select " + COLUMNS + " from " + TABLES + " where r.solution_id = ? and"
                + " r.source_key = ?", this::content, solutionId, value));
        Optional<JsonNode> byIndex = first(candidates, field, value);
        if (byIndex.isPresent()) {
            return byIndex;
        }
        return index(solutionId, field).find(value);
    }

    /** The value index of a solution's field, kept between look-ups. */
    StagedValueIndex index(long solutionId, String field) {
        synchronized (indexes) {
            return indexes.computeIfAbsent(solutionId + "/" + field,
                    key -> new StagedValueIndex(jdbc, contents, solutionId, field, maxValues));
        }
    }

    private static final String COLUMNS = "c.content_z, c.dictionary_id, r.content";

    /** A record and its content; records staged before V8 have none there, their text is in their row. */
    private static final String TABLES = "yq_source_record r left join yq_source_content c on c.record_id = r.id";

    private JsonNode content(ResultSet row, int rowNumber) throws SQLException {
        long dictionary = row.getLong(2);
        Long dictionaryId = row.wasNull() ? null : dictionary;
        return contents.readKept(row.getBytes(1), dictionaryId, row.getString(3));
    }

    private static Optional<JsonNode> first(List<JsonNode> candidates, String field, String value) {
        return candidates.stream().filter(record -> value.equals(JsonPaths.text(record, field))).findFirst();
    }
}
