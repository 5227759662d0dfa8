package io.yunqiao.suggestion;

import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import java.util.List;

/**
 * A field of the target's request body that a suggestion fills.
 *
 * @param name     the field's name in the body (dotted for nested fields)
 * @param label    what users read (may be {@code null})
 * @param type     the declared type
 * @param required the target refuses a body without it
 * @param values   the allowed values, when the target lists them
 */
public record TargetField(String name, LocalizedText label, String type, boolean required, List<String> values) {

    public TargetField {
        type = type == null ? "string" : type;
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The body fields of an EXECUTE operation. */
    public static List<TargetField> of(OperationDefinition operation) {
        return operation.fields().stream().map(TargetField::of).toList();
    }

    static TargetField of(FieldDefinition field) {
        return new TargetField(field.name(), field.label(), field.type(), field.required(), field.values());
    }
}
