package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSONata expression (字段映射), produced by {@link MappingEngine#compile(String)}.
 *
 * <p>Safe to evaluate concurrently from many threads. Evaluation never throws for a problem caused by the data or
 * by the expression at run time (a type error, {@code $error()}, an unknown value-map table, a runaway recursion):
 * such a problem is a record error inside the {@link MappingResult}.
 */
public interface Mapping {

    /** The id of the engine that compiled this mapping. */
    String engineId();

    /** The JSONata text this mapping was compiled from. */
    String expression();

    /**
     * Maps one record.
     *
     * @param record  the source record (a JSON object, usually); {@code null} evaluates against "undefined"
     * @param context the value-map tables and staged records the extra functions read; {@link MappingContext#none()}
     *                when there are none
     * @return the output, "no output" when the expression yields undefined, or the evaluation error. The output may
     *         share nodes with {@code record}: treat both as read-only.
     */
    MappingResult evaluate(JsonNode record, MappingContext context);
}
