package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The outcome of mapping one record: exactly one of an output, no output (the expression yielded undefined), or
 * an error message (a record error, 记录错误).
 *
 * @param output the mapped JSON; {@code null} when there is no output or on error
 * @param error  what went wrong, for users; {@code null} unless the evaluation failed
 */
public record MappingResult(JsonNode output, String error) {

    public MappingResult {
        if (output != null && error != null) {
            throw new IllegalArgumentException("a mapping result has an output or an error, not both");
        }
    }

    /** A successful evaluation; {@code null} means the expression yielded undefined. */
    public static MappingResult produced(JsonNode output) {
        return new MappingResult(output, null);
    }

    /** A successful evaluation that yielded undefined (for example a path that matched nothing). */
    public static MappingResult nothing() {
        return new MappingResult(null, null);
    }

    /** A failed evaluation. */
    public static MappingResult failure(String message) {
        return new MappingResult(null, Objects.requireNonNull(message, "message"));
    }

    /** Whether the evaluation failed; {@link #error()} says why. */
    public boolean isFailure() {
        return error != null;
    }

    /** Whether the evaluation produced a value (JSON {@code null} counts as a value). */
    public boolean hasOutput() {
        return output != null;
    }
}
