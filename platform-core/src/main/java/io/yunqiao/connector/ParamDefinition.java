package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One request parameter of an operation.
 *
 * @param name         the name on the wire
 * @param label        short label for forms
 * @param type         {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}
 * @param required     whether a call without it is refused before it is sent
 * @param defaultValue sent when the caller gives no value; absent means the parameter is left out
 * @param description  the vendor's description
 * @param values       the allowed values, when the vendor lists them
 */
public record ParamDefinition(
        String name,
        LocalizedText label,
        String type,
        boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        LocalizedText description,
        @JsonProperty("enum") List<String> values) {

    public ParamDefinition {
        type = type == null ? "string" : type;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
