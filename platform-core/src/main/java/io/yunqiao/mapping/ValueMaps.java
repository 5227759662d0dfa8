package io.yunqiao.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value-mapping tables (值映射表, 启用映射) a mapping reads with {@code $valueMap(table, key)}, e.g. the table
 * {@code 客户类别} mapping a source code {@code "RETAIL"} to a target id {@code "3"}.
 *
 * <p>Implementations must be safe to call from many threads.
 */
public interface ValueMaps {

    /**
     * Whether a table of that name exists; {@code $valueMap} on an unknown table is a record error naming it. The
     * default answers yes and leaves it to {@link #lookup} to throw for an unknown table (its message becomes the
     * record error) — then a call whose key is undefined cannot notice the unknown table.
     */
    default boolean hasTable(String table) {
        return true;
    }

    /**
     * The target value for {@code key} in {@code table}; empty when the table has no such key. May throw an unchecked
     * exception for an unknown table.
     */
    Optional<String> lookup(String table, String key);

    /** No tables at all. */
    static ValueMaps none() {
        return of(Map.of());
    }

    /** Fixed tables, e.g. for a preview or a test: table name → (source value → target value). */
    static ValueMaps of(Map<String, Map<String, String>> tables) {
        Map<String, Map<String, String>> copy = tables.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        return new ValueMaps() {
            @Override
            public boolean hasTable(String table) {
                return copy.containsKey(table);
            }

            @Override
            public Optional<String> lookup(String table, String key) {
                return Optional.ofNullable(copy.getOrDefault(table, Map.of()).get(key));
            }
        };
    }
}
