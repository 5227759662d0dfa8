package io.yunqiao.template;

import io.yunqiao.connector.LocalizedText;
import io.yunqiao.solution.SolutionSpec;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ready solution without connections (方案模板), copied with one click: shipped by a connector plugin (built in,
 * read-only) or published from a solution on this installation or imported from a template file (stored, versioned).
 *
 * @param id                  stable identifier: lower-case letters, digits and hyphens
 * @param version             this text's version, from 1; a built-in template's is its file's
 * @param title               what the gallery shows, e.g. "ERP purchase bills → CRM customers"
 * @param description         what it does, in a sentence or two
 * @param category            the gallery's grouping, e.g. 采购; empty when none is given
 * @param tags                what the gallery filters by besides the two systems: business objects (采购入库单, 客户…)
 *                            and free words
 * @param inputs              what a copy asks for besides the connections
 * @param solution            the spec; its connections are chosen when copying
 * @param valueMaps           the value-map tables (数据字典) copied along: table name to entries (source value to target
 *                            value), created by the copy where no table of that name exists yet
 * @param referencedValueMaps the value-map tables its expressions read but it does not ship: the installation must
 *                            have them before a copy can run
 * @param origin              where this version came from
 * @param source              where it was read from: a resource in a jar, or "database"
 * @param published           who published or imported this version, when, and the change note; {@code null} for
 *                            a built-in template
 */
public record SolutionTemplate(String id, int version, LocalizedText title, LocalizedText description,
        String category, List<String> tags, List<TemplateInput> inputs, SolutionSpec solution,
        Map<String, Map<String, String>> valueMaps, List<String> referencedValueMaps, TemplateOrigin origin,
        String source, Publication published) {

    /**
     * Who published a version of a template and why.
     *
     * @param by   the user's name
     * @param at   when
     * @param note what changed (版本说明); may be empty
     */
    public record Publication(String by, Instant at, String note) {
    }

    public SolutionTemplate {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (valueMaps != null) {
            valueMaps.forEach((name, entries) -> tables.put(name,
                    Collections.unmodifiableMap(new LinkedHashMap<>(entries))));
        }
        valueMaps = Collections.unmodifiableMap(tables);
        category = category == null ? "" : category;
        tags = tags == null ? List.of() : List.copyOf(tags);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        referencedValueMaps = referencedValueMaps == null ? List.of() : List.copyOf(referencedValueMaps);
        origin = origin == null ? TemplateOrigin.BUILT_IN : origin;
    }

    /** A built-in template (version 1, no category, tags or inputs) shipping {@code valueMaps}. */
    public SolutionTemplate(String id, LocalizedText title, LocalizedText description, SolutionSpec solution,
            String source, Map<String, Map<String, String>> valueMaps) {
        this(id, 1, title, description, "", List.of(), List.of(), solution, valueMaps, List.of(),
                TemplateOrigin.BUILT_IN, source, null);
    }

    /** A built-in template that ships no value-map tables. */
    public SolutionTemplate(String id, LocalizedText title, LocalizedText description, SolutionSpec solution,
            String source) {
        this(id, title, description, solution, source, Map.of());
    }

    /** Whether it is shipped by a connector (read-only: it cannot be republished or deleted here). */
    public boolean builtIn() {
        return origin == TemplateOrigin.BUILT_IN;
    }

    /** The same template as another version. */
    SolutionTemplate as(int newVersion, TemplateOrigin newOrigin, String newSource, Publication newPublished) {
        return new SolutionTemplate(id, newVersion, title, description, category, tags, inputs, solution, valueMaps,
                referencedValueMaps, newOrigin, newSource, newPublished);
    }

    /** The same template under another id. */
    SolutionTemplate withId(String newId) {
        return new SolutionTemplate(newId, version, title, description, category, tags, inputs, solution, valueMaps,
                referencedValueMaps, origin, source, published);
    }
}
