package io.yunqiao.valuemap;

import java.time.Instant;
import java.util.List;

/**
 * A value-map table (数据字典) as its list shows it.
 *
 * @param name        the name mappings call it by, {@code $valueMap("name", key)}
 * @param description what it is for; {@code null} when none
 * @param entries     how many entries it has
 * @param updatedAt   when it or its entries last changed; {@code null} for a missing table
 * @param usedBy      the solutions whose current version reads it
 * @param exists      {@code false} for a table that solutions read but that does not exist (their records fail
 *                    until it is created)
 */
public record ValueMapTable(String name, String description, int entries, Instant updatedAt, List<ValueMapUse> usedBy,
        boolean exists) {

    public ValueMapTable {
        usedBy = List.copyOf(usedBy);
    }
}
