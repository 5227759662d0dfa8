package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What both engines share: turning every failure of an evaluation into a record error. Engines implement
 * {@link #evaluateOrThrow}, which the conformance test also calls to see the raw outcome.
 */
abstract class CompiledMapping implements Mapping {

    private final String engineId;
    private final String expression;
    private final EvaluationLimits limits;

    CompiledMapping(String engineId, String expression, EvaluationLimits limits) {
        this.engineId = engineId;
        this.expression = expression;
        this.limits = limits;
    }

    @Override
    public final String engineId() {
        return engineId;
    }

    @Override
    public final String expression() {
        return expression;
    }

    @Override
    public final MappingResult evaluate(JsonNode record, MappingContext context) {
        Objects.requireNonNull(context, "context: use MappingContext.none() when there is none");
        try {
            return MappingResult.produced(evaluateOrThrow(record, null, context, limits));
        } catch (StackOverflowError e) {
            return MappingResult.failure("JSONata 计算错误: 递归太深，请检查表达式中的递归函数"
                    + " (evaluation error: recursion too deep; check the recursive functions of the expression)");
        } catch (Exception e) {
            return MappingResult.failure(describe(e));
        }
    }

    /**
     * Evaluates and lets every failure out.
     *
     * @param input    the input, {@code null} for undefined
     * @param bindings variables to bind ({@code {"name": value}}, without {@code $}), or {@code null}
     * @param context  what the mapping functions read
     * @param limits   time and depth budget
     * @return the output in canonical form ({@link JsonValues#normalise}), {@code null} for undefined
     */
    abstract JsonNode evaluateOrThrow(JsonNode input, JsonNode bindings, MappingContext context,
            EvaluationLimits limits) throws Exception;

    /**
     * The record error for a failed evaluation, {@code JSONata 计算错误 at line 1, column 12: …}: our own message
     * verbatim when one of our functions refused, else the engine's.
     */
    final String describe(Exception failure) {
        TextPosition where = location(failure);
        return "JSONata 计算错误" + (where == null ? "" : " at " + where) + ": " + detail(failure);
    }

    private String detail(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MappingEvaluationException ours) {
                return ours.getMessage();
            }
        }
        return engineDetail(failure);
    }

    /** The engine's explanation of a failure it raised. */
    String engineDetail(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }

    /** Where in the expression the failure happened, when the engine says; {@code null} otherwise. */
    TextPosition location(Exception failure) {
        return null;
    }

    @Override
    public String toString() {
        return engineId + " mapping " + expression;
    }
}
