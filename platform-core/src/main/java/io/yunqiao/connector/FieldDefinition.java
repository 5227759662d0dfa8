package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One field of a response record (QUERY) or of a request body (EXECUTE).
 * Nested fields use dotted names: {@code material_entity.qty} is the {@code qty} of each element of the
 * {@code material_entity} array.
 *
 * @param name        the dotted path of the field in a record
 * @param label       what users read in the field tree
 * @param type        {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object}
 * @param required    for EXECUTE bodies: the vendor refuses a body without it
 * @param description longer help
 * @param values      the allowed values, when the vendor lists them
 */
public record FieldDefinition(
        String name,
        LocalizedText label,
        String type,
        boolean required,
        LocalizedText description,
        @JsonProperty("enum") List<String> values) {

    public FieldDefinition {
        type = type == null ? "string" : type;
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The name of the enclosing field, or {@code null} for a top-level field. */
    public String parent() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
