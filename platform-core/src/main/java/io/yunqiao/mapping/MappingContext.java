package io.yunqiao.mapping;

import java.util.Objects;

/**
 * What the extra mapping functions read while a record is mapped.
 *
 * @param valueMaps     the value-mapping tables (启用映射) behind {@code $valueMap(table, key)}
 * @param stagedRecords records staged by other solutions, behind {@code $lookup(solution, field, value)}
 */
public record MappingContext(ValueMaps valueMaps, StagedRecords stagedRecords) {

    private static final MappingContext NONE = new MappingContext(ValueMaps.none(), StagedRecords.none());

    public MappingContext {
        Objects.requireNonNull(valueMaps, "valueMaps");
        Objects.requireNonNull(stagedRecords, "stagedRecords");
    }

    /**
     * No value-map tables and no staged records: {@code $valueMap} fails naming the table, {@code $lookup} finds
     * nothing.
     */
    public static MappingContext none() {
        return NONE;
    }
}
