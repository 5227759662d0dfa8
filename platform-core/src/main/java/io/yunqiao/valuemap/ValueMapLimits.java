package io.yunqiao.valuemap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of value-map tables beyond those of each entry ({@code yunqiao.limits.value-map-entries},
 * {@code -key-length}, {@code -value-length} in {@link io.yunqiao.limit.InputLimits}).
 *
 * @param valueMapTables most value-map tables
 * @param valueMapFile   largest value-map file (CSV) imported
 */
@ConfigurationProperties("yunqiao.limits")
public record ValueMapLimits(@DefaultValue("1000") int valueMapTables, @DefaultValue("1MB") DataSize valueMapFile) {

    /** The defaults, as {@code application.yml} documents them. */
    public static final ValueMapLimits DEFAULTS = new ValueMapLimits(1000, DataSize.ofMegabytes(1));

    public ValueMapLimits {
        if (valueMapTables < 1 || valueMapFile.toBytes() < 1) {
            throw new IllegalArgumentException("yunqiao.limits.value-map-tables and value-map-file must be positive");
        }
    }
}
