package io.yunqiao.template;

import io.yunqiao.connector.LocalizedText;
import java.util.List;

/**
 * What a person fills in to publish a solution as a template (发布为模板) or to publish a new version of one.
 *
 * @param id              the template's id: lower-case letters, digits and hyphens; blank = made from the title
 *                        (only when publishing a new template)
 * @param title           the gallery's title; Chinese required, English optional
 * @param description     what it does, in a sentence or two
 * @param category        the gallery's grouping, e.g. 采购; may be empty
 * @param tags            source system, target system, business objects, free words
 * @param inputs          what a copy asks for besides the connections; a blank default takes the solution's value
 * @param copiedValueMaps the value-map tables the solution reads that travel with the template (their entries are
 *                        copied); the others it reads are referenced by name only. {@code null} = copy all
 * @param note            what this version changes (版本说明); required for a new version
 */
public record TemplatePublication(String id, LocalizedText title, LocalizedText description, String category,
        List<String> tags, List<TemplateInput> inputs, List<String> copiedValueMaps, String note) {

    public TemplatePublication {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .toList();
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        category = category == null ? "" : category.strip();
        note = note == null ? "" : note.strip();
    }
}
