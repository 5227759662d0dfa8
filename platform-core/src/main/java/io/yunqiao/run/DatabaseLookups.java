package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.mapping.StagedRecords;
import io.yunqiao.mapping.ValueMaps;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What mappings look up in the database: value-mapping tables ({@code $valueMap}) and records staged by other
 * solutions ({@code $lookup}, like QEasy's {@code _findCollection}).
 */
@Component
class DatabaseLookups implements ValueMaps, StagedRecords {

    private static final int LOOKUP_CANDIDATES = 50;

    private final JdbcTemplate jdbc;

    DatabaseLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasTable(String table) {
        Integer rows = jdbc.queryForObject("select count(*) from yq_value_map where table_name = ?", Integer.class,
                table);
        return rows != null && rows > 0;
    }

    @Override
    public Optional<String> lookup(String table, String key) {
        List<String> found = jdbc.queryForList("select map_value from yq_value_map where table_name = ? and map_key = ?",
                String.class, table, key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<JsonNode> find(String solution, String field, String value) {
        // The text search only narrows the candidates; each is then compared on the field itself.
        List<String> candidates = jdbc.queryForList("select r.content from yq_source_record r join yq_solution s"
                + " on s.id = r.solution_id where s.name = ? and r.content like ? order by r.id desc",
                String.class, solution, "%" + value.replace("%", "\\%").replace("_", "\\_") + "%");
        return candidates.stream().limit(LOOKUP_CANDIDATES).map(RecordWriter::read)
                .filter(record -> value.equals(JsonPaths.text(record, field)))
                .findFirst();
    }
}
