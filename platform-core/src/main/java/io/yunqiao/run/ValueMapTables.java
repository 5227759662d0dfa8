package io.yunqiao.run;

import io.yunqiao.limit.InputLimits;
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
    private final InputLimits limits;

    ValueMapTables(JdbcTemplate jdbc, InputLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
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
        if (table == null || table.isBlank()) {
            throw Problem.invalid("table", "a value map needs a name");
        }
        limits.checkName("table", table);
        if (entries == null || entries.isEmpty()) {
            throw Problem.invalid("entries", "a value map needs at least one entry; delete the table instead");
        }
        if (entries.size() > limits.valueMapEntries()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "entries", "problem.limit.valueMapEntries", entries.size(),
                    limits.valueMapEntries(), "yunqiao.limits.value-map-entries");
        }
        entries.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > limits.valueMapKeyLength()) {
                throw Problem.coded(Problem.Kind.INVALID, "entries", "problem.limit.valueMapKey",
                        key == null ? "" : abbreviated(key), limits.valueMapKeyLength(),
                        "yunqiao.limits.value-map-key-length");
            }
            if (value == null || value.length() > limits.valueMapValueLength()) {
                throw Problem.coded(Problem.Kind.INVALID, "entries." + abbreviated(key), "problem.limit.valueMapValue",
                        abbreviated(key), limits.valueMapValueLength(), "yunqiao.limits.value-map-value-length");
            }
            if (key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                throw Problem.coded(Problem.Kind.INVALID, "entries", "problem.limit.valueMapNul", abbreviated(key));
            }
        });
        jdbc.update("delete from yq_value_map where table_name = ?", table);
        jdbc.batchUpdate("insert into yq_value_map (table_name, map_key, map_value) values (?, ?, ?)",
                entries.entrySet().stream().map(e -> new Object[] {table, e.getKey(), e.getValue()}).toList());
        return new TreeMap<>(entries);
    }

    /** A key as a refusal quotes it: at most 40 characters, so a refusal never echoes a huge input. */
    private static String abbreviated(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }

    @Transactional
    public void delete(String table) {
        if (jdbc.update("delete from yq_value_map where table_name = ?", table) == 0) {
            throw Problem.notFound("value map", table);
        }
    }
}
