package io.yunqiao.run;

import io.yunqiao.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The value-mapping tables (启用映射) that mappings read with {@code $valueMap(table, key)}, e.g. a table
 * {@code 付款方式} from the source's codes to the target's.
 */
@Service
public class ValueMapTables {

    private final JdbcTemplate jdbc;

    ValueMapTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<String> names() {
        return jdbc.queryForList("select distinct table_name from yq_value_map order by table_name", String.class);
    }

    @Transactional(readOnly = true)
    public Map<String, String> get(String table) {
        Map<String, String> entries = new TreeMap<>();
        jdbc.query("select map_key, map_value from yq_value_map where table_name = ?",
                row -> {
                    entries.put(row.getString(1), row.getString(2));
                }, table);
        if (entries.isEmpty()) {
            throw Problem.notFound("value map", table);
        }
        return entries;
    }

    /** Replaces a table's entries (creating the table). */
    @Transactional
    public Map<String, String> put(String table, Map<String, String> entries) {
        if (table == null || table.isBlank() || table.length() > 100) {
            throw Problem.invalid("table", "a value map needs a name of 1 to 100 characters");
        }
        if (entries == null || entries.isEmpty()) {
            throw Problem.invalid("entries", "a value map needs at least one entry; delete the table instead");
        }
        entries.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 300 || value == null || value.length() > 1000) {
                throw Problem.invalid("entries", "entry '" + key + "' needs a key of 1 to 300 characters and a value"
                        + " of at most 1000");
            }
        });
        jdbc.update("delete from yq_value_map where table_name = ?", table);
        jdbc.batchUpdate("insert into yq_value_map (table_name, map_key, map_value) values (?, ?, ?)",
                entries.entrySet().stream().map(e -> new Object[] {table, e.getKey(), e.getValue()}).toList());
        return new TreeMap<>(entries);
    }

    @Transactional
    public void delete(String table) {
        if (jdbc.update("delete from yq_value_map where table_name = ?", table) == 0) {
            throw Problem.notFound("value map", table);
        }
    }
}
