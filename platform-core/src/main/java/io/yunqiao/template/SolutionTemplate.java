package io.yunqiao.solution;

import io.yunqiao.connector.LocalizedText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ready solution without connections (方案模板), shipped by a connector plugin and copied with one click.
 *
 * @param id          stable identifier
 * @param title       what the gallery shows, e.g. "ERP purchase bills → CRM customers"
 * @param description what it does, in a sentence or two
 * @param solution    the spec; its connections are chosen when copying
 * @param source      where it was read from
 * @param valueMaps   the value-map tables (数据字典) its mapping reads with {@code $valueMap}, table name to entries
 *                    (source value to target value), created by the copy where no table of that name exists yet;
 *                    empty when the template ships none
 */
public record SolutionTemplate(String id, LocalizedText title, LocalizedText description, SolutionSpec solution,
        String source, Map<String, Map<String, String>> valueMaps) {

    public SolutionTemplate {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (valueMaps != null) {
            valueMaps.forEach((name, entries) -> tables.put(name,
                    Collections.unmodifiableMap(new LinkedHashMap<>(entries))));
        }
        valueMaps = Collections.unmodifiableMap(tables);
    }

    /** A template that ships no value-map tables. */
    public SolutionTemplate(String id, LocalizedText title, LocalizedText description, SolutionSpec solution,
            String source) {
        this(id, title, description, solution, source, Map.of());
    }
}
