package io.yunqiao.valuemap;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The value-map tables (数据字典, 值映射表) that mappings read with {@code $valueMap(table, key)}, e.g. a table
 * {@code 付款方式} from the source's codes to the target's: created, described, renamed, edited entry by entry,
 * imported from and exported to CSV files Excel reads, and deleted — each with the solutions that read the table in
 * view, so that nobody breaks a running solution unknowingly.
 *
 * <p>Every change is checked whole before anything is written: a refused change (or file) leaves the table as it
 * was.
 */
@Service
@EnableConfigurationProperties(ValueMapLimits.class)
public class ValueMapTables {

    private final JdbcTemplate jdbc;
    private final InputLimits limits;
    private final ValueMapLimits tableLimits;
    private final Clock clock;
    private final Supplier<List<SolutionView>> solutions;

    @Autowired
    ValueMapTables(JdbcTemplate jdbc, InputLimits limits, ValueMapLimits tableLimits, Clock clock,
            Solutions solutions) {
        this(jdbc, limits, tableLimits, clock, solutions::list);
    }

    ValueMapTables(JdbcTemplate jdbc, InputLimits limits, ValueMapLimits tableLimits, Clock clock,
            Supplier<List<SolutionView>> solutions) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.tableLimits = tableLimits;
        this.clock = clock;
        this.solutions = solutions;
    }

    /** The names of the existing tables, sorted. */
    @Transactional(readOnly = true)
    /**
     * The tables a solution's expressions call {@code $valueMap} with by a written-out name, in the order they
     * appear: what a template made from it must ship or reference.
     */
    public static List<String> tablesIn(SolutionSpec spec) {
        return new ArrayList<>(ValueMapUses.of(List.of(new SolutionView(0, "", false, null, 0, spec, null, null)))
                .keySet());
    }

    public List<String> names() {
        return jdbc.queryForList("select table_name from yq_value_map_table order by table_name", String.class);
    }

    /**
     * Every table with its entry count and the solutions reading it, sorted by name; then the tables solutions
     * read that do not exist ({@link ValueMapTable#exists()} false).
     */
    @Transactional(readOnly = true)
    public List<ValueMapTable> tables() {
        Map<String, List<ValueMapUse>> uses = ValueMapUses.of(solutions.get());
        List<ValueMapTable> tables = new ArrayList<>(jdbc.query("select t.table_name, t.description, t.updated_at,"
                + " (select count(*) from yq_value_map m where m.table_name = t.table_name)"
                + " from yq_value_map_table t order by t.table_name",
                (row, n) -> new ValueMapTable(row.getString(1), row.getString(2), row.getInt(4),
                        instant(row.getObject(3, OffsetDateTime.class)),
                        uses.getOrDefault(row.getString(1), List.of()), true)));
        List<String> existing = tables.stream().map(ValueMapTable::name).toList();
        uses.forEach((name, users) -> {
            if (!existing.contains(name)) {
                tables.add(new ValueMapTable(name, null, 0, null, users, false));
            }
        });
        return tables;
    }

    /** One existing table as the list shows it. */
    @Transactional(readOnly = true)
    public ValueMapTable table(String name) {
        return tables().stream().filter(t -> t.exists() && t.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
    }

    /** The solutions whose current version reads the table. */
    @Transactional(readOnly = true)
    public List<ValueMapUse> usersOf(String table) {
        return ValueMapUses.of(solutions.get()).getOrDefault(table, List.of());
    }

    /** A table's entries, sorted by key; empty for a table without entries. */
    @Transactional(readOnly = true)
    public Map<String, String> get(String table) {
        requireExists(table);
        Map<String, String> entries = new TreeMap<>();
        jdbc.query("select map_key, map_value from yq_value_map where table_name = ?",
                row -> {
                    entries.put(row.getString(1), row.getString(2));
                }, table);
        return entries;
    }

    /** A new table without entries. */
    @Transactional
    public ValueMapTable create(String name, String description) {
        checkNewName("name", name);
        limits.checkDescription("description", description);
        insertTable(name, blankToNull(description));
        return table(name);
    }

    /**
     * Renames a table and sets its description. Renaming a table that solutions read would make their records fail
     * (their mappings still call the old name): refused unless {@code force}.
     */
    @Transactional
    public ValueMapTable update(String name, String newName, String description, boolean force) {
        requireExists(name);
        limits.checkDescription("description", description);
        String target = newName == null || newName.equals(name) ? name : newName;
        if (!target.equals(name)) {
            checkNewName("name", target);
            List<ValueMapUse> users = usersOf(name);
            if (!users.isEmpty() && !force) {
                throw Problem.coded(Problem.Kind.CONFLICT, "name", "problem.valuemap.renameInUse", name,
                        solutionNames(users));
            }
            jdbc.update("update yq_value_map_table set table_name = ? where table_name = ?", target, name);
        }
        jdbc.update("update yq_value_map_table set description = ?, updated_at = ? where table_name = ?",
                blankToNull(description), now(), target);
        return table(target);
    }

    /**
     * Replaces a table's entries, creating the table if it does not exist (the REST API's {@code PUT}). An empty
     * table is made with {@link #create} instead.
     */
    @Transactional
    public Map<String, String> put(String table, Map<String, String> entries) {
        if (table == null || table.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "table", "problem.valuemap.nameMissing");
        }
        limits.checkName("table", table);
        if (entries == null || entries.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "entries", "problem.valuemap.noEntries");
        }
        checkCount(entries.size());
        entries.forEach(this::checkEntry);
        if (!exists(table)) {
            checkNewName("table", table);
            insertTable(table, null);
        }
        replaceEntries(table, entries);
        return new TreeMap<>(entries);
    }

    /** Adds, changes and removes entries in one go: {@code set} is added or changed, then {@code remove} removed. */
    @Transactional
    public Map<String, String> edit(String table, Map<String, String> set, Collection<String> remove) {
        requireExists(table);
        Map<String, String> entries = new TreeMap<>(get(table));
        Map<String, String> changes = set == null ? Map.of() : set;
        changes.forEach(this::checkEntry);
        entries.putAll(changes);
        if (remove != null) {
            remove.forEach(entries::remove);
        }
        checkCount(entries.size());
        replaceEntries(table, entries);
        return entries;
    }

    /**
     * Adds an entry ({@code oldKey} {@code null}) or changes one, its key included; refuses a key the table already
     * has for another entry.
     */
    @Transactional
    public Map<String, String> putEntry(String table, String oldKey, String key, String value) {
        Map<String, String> entries = get(table);
        checkEntry(key, value);
        if (!key.equals(oldKey) && entries.containsKey(key)) {
            throw Problem.coded(Problem.Kind.CONFLICT, "key", "problem.valuemap.keyExists", abbreviated(key), table);
        }
        if (oldKey != null && !entries.containsKey(oldKey)) {
            throw Problem.coded(Problem.Kind.NOT_FOUND, "key", "problem.valuemap.keyNotFound", abbreviated(oldKey),
                    table);
        }
        return edit(table, Map.of(key, value), oldKey == null || oldKey.equals(key) ? List.of() : List.of(oldKey));
    }

    /**
     * Imports a CSV file (two columns 源值,目标值; UTF-8 with or without BOM, GBK/GB18030 or UTF-16 with BOM; an
     * optional header row). A file with a wrong line is refused whole, naming every wrong line, and the table stays
     * as it was.
     */
    @Transactional
    public ValueMapImport importCsv(String table, byte[] file, ValueMapImport.Mode mode) {
        Map<String, String> before = get(table);
        if (file.length > tableLimits.valueMapFile().toBytes()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "file", "problem.valuemap.fileTooLarge", file.length,
                    tableLimits.valueMapFile().toBytes(), "yunqiao.limits.value-map-file");
        }
        ValueMapCsv.Read read = ValueMapCsv.read(file, limits);
        Map<String, String> after = new TreeMap<>(mode == ValueMapImport.Mode.MERGE ? before : Map.of());
        after.putAll(read.entries());
        checkCount(after.size());
        int added = (int) read.entries().keySet().stream().filter(k -> !before.containsKey(k)).count();
        int changed = (int) read.entries().entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && !before.get(e.getKey()).equals(e.getValue())).count();
        int removed = (int) before.keySet().stream().filter(k -> !after.containsKey(k)).count();
        replaceEntries(table, after);
        return new ValueMapImport(table, read.encoding(), read.header(), read.entries().size(), added, changed,
                removed, after.size());
    }

    /**
     * The table as a CSV file Excel opens: UTF-8 with a BOM, a header row 源值,目标值, a leading apostrophe before
     * cells a spreadsheet would run as formulas.
     */
    @Transactional(readOnly = true)
    public byte[] exportCsv(String table) {
        return ValueMapCsv.write(get(table));
    }

    /**
     * Deletes a table and its entries. A table that solutions read is refused naming them, unless {@code force}
     * (their records then fail until a table of that name exists again).
     */
    @Transactional
    public void delete(String table, boolean force) {
        requireExists(table);
        List<ValueMapUse> users = usersOf(table);
        if (!users.isEmpty() && !force) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.valuemap.inUse", table, solutionNames(users));
        }
        jdbc.update("delete from yq_value_map where table_name = ?", table);
        jdbc.update("delete from yq_value_map_table where table_name = ?", table);
    }

    /** A key as a refusal quotes it: at most 40 characters, so a refusal never echoes a huge input. */
    static String abbreviated(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }

    private void checkEntry(String key, String value) {
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
    }

    private void checkCount(int entries) {
        if (entries > limits.valueMapEntries()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "entries", "problem.limit.valueMapEntries", entries,
                    limits.valueMapEntries(), "yunqiao.limits.value-map-entries");
        }
    }

    /**
     * A name for a new table: not blank, no control characters, no characters that would need escaping in
     * {@code $valueMap("…")} or that a URL path would change ({@code / % ? #}), not taken, and room for one more
     * table.
     */
    private void checkNewName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.valuemap.nameMissing");
        }
        limits.checkName(field, name);
        if (!name.equals(name.strip()) || name.chars().anyMatch(c -> "\"'\\/%?#".indexOf(c) >= 0)) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.valuemap.nameChars", name);
        }
        if (exists(name)) {
            throw Problem.coded(Problem.Kind.CONFLICT, field, "problem.valuemap.nameTaken", name);
        }
        Integer tables = jdbc.queryForObject("select count(*) from yq_value_map_table", Integer.class);
        if (tables != null && tables >= tableLimits.valueMapTables()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, field, "problem.valuemap.tooManyTables",
                    tableLimits.valueMapTables(), "yunqiao.limits.value-map-tables");
        }
    }

    private void insertTable(String name, String description) {
        OffsetDateTime now = now();
        jdbc.update("insert into yq_value_map_table (table_name, description, created_at, updated_at)"
                + " values (?, ?, ?, ?)", name, description, now, now);
    }

    private void replaceEntries(String table, Map<String, String> entries) {
        jdbc.update("delete from yq_value_map where table_name = ?", table);
        jdbc.batchUpdate("insert into yq_value_map (table_name, map_key, map_value) values (?, ?, ?)",
                entries.entrySet().stream().map(e -> new Object[] {table, e.getKey(), e.getValue()}).toList());
        jdbc.update("update yq_value_map_table set updated_at = ? where table_name = ?", now(), table);
    }

    private boolean exists(String table) {
        Integer rows = jdbc.queryForObject("select count(*) from yq_value_map_table where table_name = ?",
                Integer.class, table);
        return rows != null && rows > 0;
    }

    private void requireExists(String table) {
        if (table == null || !exists(table)) {
            throw notFound(table);
        }
    }

    private static Problem notFound(String table) {
        return Problem.coded(Problem.Kind.NOT_FOUND, "table", "problem.valuemap.notFound",
                table == null ? "" : abbreviated(table));
    }

    private static String solutionNames(List<ValueMapUse> users) {
        return users.stream().map(u -> "“" + u.solution() + "”").distinct().collect(Collectors.joining("、"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
