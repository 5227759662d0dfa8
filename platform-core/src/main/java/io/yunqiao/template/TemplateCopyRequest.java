package io.yunqiao.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a copy of a template (一键复制) is given.
 *
 * @param name             the new solution's name; the template's title when blank
 * @param sourceConnection the connection for the source side, or {@code null} to choose later
 * @param targetConnection the connection for the target side, or {@code null} to choose later
 * @param inputs           values for the template's inputs by key ({@code source.params.status},
 *                         {@code window.start}); a missing one takes its default
 */
public record TemplateCopyRequest(String name, Long sourceConnection, Long targetConnection,
        Map<String, JsonNode> inputs) {

    public TemplateCopyRequest {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
