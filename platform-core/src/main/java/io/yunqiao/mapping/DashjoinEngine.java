package io.yunqiao.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Dashjoin jsonata-java, a line-by-line port of jsonata-js ({@code Map}/{@code List} in and out).
 *
 * <p>Thread safety: a compiled {@link Jsonata} keeps per-evaluation state in its environment frame unless each call
 * brings its own; every evaluation here uses a fresh {@link Jsonata#createFrame()} that also carries the mapping
 * functions bound to that evaluation's context, so evaluations run in parallel.
 */
final class DashjoinEngine implements MappingEngine {

    static final String ID = "dashjoin";

    /** JSONata's own {@code $lookup(object, key)}, which ours falls back to when not called with three arguments. */
    private static final JFunction BUILT_IN_LOOKUP = (JFunction) Jsonata.jsonata("$lookup").evaluate(null);

    private final EvaluationLimits limits;

    DashjoinEngine(EvaluationLimits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mapping compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new MappingSyntaxException(expression, 0, "表达式为空 (the expression is empty)", null);
        }
        try {
            return new Compiled(expression, Jsonata.jsonata(expression), limits);
        } catch (JException e) {
            throw new MappingSyntaxException(expression, position(expression, e.getLocation()), detail(e), e);
        } catch (RuntimeException e) {
            throw new MappingSyntaxException(expression, -1, String.valueOf(e.getMessage()), e);
        } catch (StackOverflowError e) {
            // the parsers descend recursively: a few hundred nested parentheses exhaust a thread's stack
            throw new MappingSyntaxException(expression, -1, TOO_DEEP, null);
        }
    }

    /**
     * Dashjoin, like jsonata-js, reports the offset just past the offending token; point at its last character, or
     * at the end when the expression stopped too early.
     */
    private static int position(String expression, int location) {
        if (location < 0) {
            return -1;
        }
        return location >= expression.length() ? expression.length() : Math.max(0, location - 1);
    }

    private static String detail(JException e) {
        return e.getError() == null || String.valueOf(e.getMessage()).contains(e.getError()) ? e.getMessage()
                : e.getMessage() + " (" + e.getError() + ")";
    }

    private static final class Compiled extends CompiledMapping {

        private final Jsonata jsonata;
        /** {@code [(expression)]}, compiled on first need; see {@link #evaluateOrThrow}. */
        private volatile Jsonata wrapped;
        /**
         * The mapping functions bound to the context of the last evaluation: a run evaluates every record in the
         * same context, and creating the functions (each parses its signature into a regex) per evaluation halved
         * the throughput on the sample mapping. The functions themselves hold no state.
         */
        private volatile Functions functions;

        Compiled(String expression, Jsonata jsonata, EvaluationLimits limits) {
            super(ID, expression, limits);
            this.jsonata = jsonata;
        }

        @Override
        JsonNode evaluateOrThrow(JsonNode input, JsonNode bindings, MappingContext context, EvaluationLimits limits) {
            Functions bound = functions;
            if (bound == null || bound.context() != context) {
                bound = Functions.of(context);
                functions = bound;
            }
            Object result = evaluate(jsonata, input, bindings, bound, limits);
            if (result != null) {
                return DashjoinValues.toJson(result);
            }
            // Dashjoin answers null for both JSON null and undefined; only an array constructor tells them apart
            List<?> inArray = (List<?>) evaluate(wrapped(), input, bindings, bound, limits);
            return inArray == null || inArray.isEmpty() ? null : JsonValues.NODES.nullNode();
        }

        private Jsonata wrapped() {
            Jsonata current = wrapped;
            if (current == null) {
                current = Jsonata.jsonata("[(" + expression() + "\n)]");
                wrapped = current;
            }
            return current;
        }

        private static Object evaluate(Jsonata jsonata, JsonNode input, JsonNode bindings, Functions functions,
                EvaluationLimits limits) {
            Frame frame = jsonata.createFrame();
            frame.setRuntimeBounds(limits.timeoutMillis(), limits.maxDepth());
            for (Function function : functions.functions()) {
                frame.bind(function.name, function);
            }
            if (bindings != null) {
                for (Map.Entry<String, JsonNode> binding : bindings.properties()) {
                    frame.bind(binding.getKey(), DashjoinValues.toJava(binding.getValue()));
                }
            }
            return jsonata.evaluate(DashjoinValues.toJava(input), frame);
        }

        @Override
        String engineDetail(Exception failure) {
            return failure instanceof JException jsonataError ? detail(jsonataError) : super.engineDetail(failure);
        }

        @Override
        TextPosition location(Exception failure) {
            return failure instanceof JException jsonataError && jsonataError.getLocation() >= 0
                    ? TextPosition.of(expression(), position(expression(), jsonataError.getLocation()))
                    : null;
        }
    }

    /** The mapping functions bound to one context. */
    private record Functions(MappingContext context, List<Function> functions) {

        static Functions of(MappingContext context) {
            return new Functions(context, Arrays.stream(MappingFunction.values())
                    .map(function -> new Function(function, context)).toList());
        }
    }

    /** One {@link MappingFunction} bound to a context. */
    private static final class Function extends JFunction {

        final String name;

        Function(MappingFunction function, MappingContext context) {
            super((input, args) -> call(function, context, input, args), function.signature());
            this.name = function.jsonataName();
        }

        /** {@link MappingFunction#call} checks the arguments, the same way in every engine. */
        @Override
        public Object validate(Object args, Object context) {
            return args;
        }

        private static Object call(MappingFunction function, MappingContext context, Object input, List<?> args) {
            if (!function.handles(args.size())) {
                Object validated = BUILT_IN_LOOKUP.validate(args, input);
                return BUILT_IN_LOOKUP.call(input, (List<?>) validated);
            }
            List<JsonNode> values = new ArrayList<>(args.size());
            for (Object arg : args) {
                values.add(DashjoinValues.toJson(arg));
            }
            try {
                return DashjoinValues.toJava(function.call(values, context));
            } catch (MappingEvaluationException e) {
                // a JException travels through Dashjoin unchanged and gets the position of the call
                throw new JException(e, "Y0001", -1, function.jsonataName(), null);
            }
        }
    }
}
