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
 * @param in           where the parameter goes; {@code null} means where the operation's {@link BodyStyle} puts
 *                     business parameters
 */
public record ParamDefinition(
        String name,
        LocalizedText label,
        String type,
        boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        LocalizedText description,
        @JsonProperty("enum") List<String> values,
        ParamLocation in) {

    public ParamDefinition {
        type = type == null ? "string" : type;
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Where the parameter goes in a request shaped by {@code body}; {@code null} when it has no place. */
    public ParamLocation location(BodyStyle body) {
        return in != null ? in : body.defaultLocation();
    }
}
