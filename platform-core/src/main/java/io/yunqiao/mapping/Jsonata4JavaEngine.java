package io.yunqiao.mapping;

import com.api.jsonata4java.Binding;
import com.api.jsonata4java.Expression;
import com.api.jsonata4java.expressions.EvaluateRuntimeException;
import com.api.jsonata4java.expressions.Expressions;
import com.api.jsonata4java.expressions.ExpressionsVisitor;
import com.api.jsonata4java.expressions.FrameEnvironment;
import com.api.jsonata4java.expressions.ParseException;
import com.api.jsonata4java.expressions.functions.FunctionBase;
import com.api.jsonata4java.expressions.generated.MappingExpressionParser.ExprContext;
import com.api.jsonata4java.expressions.generated.MappingExpressionParser.Fct_chainContext;
import com.api.jsonata4java.expressions.generated.MappingExpressionParser.Function_callContext;
import com.api.jsonata4java.expressions.utils.Constants;
import com.api.jsonata4java.expressions.utils.FunctionUtils;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * IBM JSONata4Java (Jackson {@code JsonNode} in and out).
 *
 * <p>Thread safety: the parse tree is shared and only read; each evaluation gets its own visitor and frame (what
 * {@code Expression.evaluate} does, without the bindings that {@code evaluate(data, bindings)} stores in the shared
 * expression). Evaluations still run one at a time, JVM-wide: the library turns numbers into text with a static
 * {@code DecimalFormat} ({@code ExpressionsVisitor.castString}, e.g. for {@code "No." & 12345678.5}), and
 * {@code DecimalFormat} is not thread-safe. Measured on 2 cores, the lock costs no throughput; this engine is not
 * the default anyway.
 */
final class Jsonata4JavaEngine implements MappingEngine {

    static final String ID = "jsonata4java";

    /** Guards the library's static mutable state; see the class comment. */
    private static final Object LIBRARY_LOCK = new Object();

    /** The first error of the library's parse message: {@code line 2:10 at [@5,12:12=',',<3>,2:10]: mismatched ...}. */
    private static final Pattern PARSE_ERROR = Pattern.compile("^line (\\d+):(\\d+) at (?:null|\\[.*?\\]): (.*)$",
            Pattern.MULTILINE);

    private final EvaluationLimits limits;

    Jsonata4JavaEngine(EvaluationLimits limits) {
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
            return new Compiled(expression, Expressions.parse(expression).getTree(), limits);
        } catch (ParseException e) {
            throw syntaxError(expression, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new MappingSyntaxException(expression, -1, String.valueOf(e.getMessage()), e);
        } catch (StackOverflowError e) {
            // the parsers descend recursively: a few hundred nested parentheses exhaust a thread's stack
            throw new MappingSyntaxException(expression, -1, TOO_DEEP, null);
        }
    }

    private static MappingSyntaxException syntaxError(String expression, ParseException e) {
        String message = String.valueOf(e.getMessage());
        Matcher first = PARSE_ERROR.matcher(message);
        if (!first.find()) {
            return new MappingSyntaxException(expression, -1, message.strip(), e);
        }
        int line = Integer.parseInt(first.group(1));
        int codePointInLine = Integer.parseInt(first.group(2));
        return new MappingSyntaxException(expression, offset(expression, line, codePointInLine), first.group(3), e);
    }

    /** ANTLR counts lines from 1 and columns in code points from 0. */
    private static int offset(String expression, int line, int codePointInLine) {
        int lineStart = 0;
        for (int current = 1; current < line; current++) {
            int newline = expression.indexOf('\n', lineStart);
            if (newline < 0) {
                return expression.length();
            }
            lineStart = newline + 1;
        }
        int available = expression.codePointCount(lineStart, expression.length());
        return expression.offsetByCodePoints(lineStart, Math.min(codePointInLine, available));
    }

    private static final class Compiled extends CompiledMapping {

        private final ParseTree tree;

        Compiled(String expression, ParseTree tree, EvaluationLimits limits) {
            super(ID, expression, limits);
            this.tree = tree;
        }

        @Override
        JsonNode evaluateOrThrow(JsonNode input, JsonNode bindings, MappingContext context, EvaluationLimits limits)
                throws ParseException {
            JsonNode output;
            synchronized (LIBRARY_LOCK) {
                ExpressionsVisitor visitor = new ExpressionsVisitor(input, new FrameEnvironment(null));
                visitor.timeboxExpression(limits.timeoutMillis(), limits.maxDepth());
                for (MappingFunction function : MappingFunction.values()) {
                    visitor.setJsonataFunction("$" + function.jsonataName(), new Function(function, context));
                }
                if (bindings != null) {
                    for (Binding binding : Expression.createBindings(bindings)) {
                        if (binding.getFunction() != null) {
                            visitor.setDeclaredFunction(binding.getVarName(), binding.getFunction());
                        } else {
                            visitor.setVariable(binding.getVarName(), visitor.visit(binding.getExpression()));
                        }
                    }
                }
                output = visitor.visit(tree);
            }
            return JsonValues.normalise(output);
        }

        /** The library's own exceptions explain themselves; anything else is a library fault, so name it. */
        @Override
        String engineDetail(Exception failure) {
            String detail = super.engineDetail(failure);
            return failure instanceof EvaluateRuntimeException || failure instanceof ParseException ? detail
                    : detail + " [" + failure.getClass().getSimpleName() + "]";
        }
    }

    /** One {@link MappingFunction} bound to the context of one evaluation. */
    private static final class Function extends FunctionBase {

        private final MappingFunction function;
        private final MappingContext context;

        Function(MappingFunction function, MappingContext context) {
            this.function = function;
            this.context = context;
        }

        @Override
        public JsonNode invoke(ExpressionsVisitor visitor, Function_callContext call) {
            boolean chained = call.getParent() instanceof Fct_chainContext chain && chain.expr(1) == call;
            List<ExprContext> arguments = call.exprValues() == null || call.exprValues().exprList() == null
                    ? List.of()
                    : call.exprValues().exprList().expr();
            if (!function.handles(arguments.size() + (chained ? 1 : 0))) {
                return Constants.FUNCTIONS.get("$" + function.jsonataName()).invoke(visitor, call);
            }
            List<JsonNode> values = new ArrayList<>(arguments.size() + 1);
            if (chained) {
                values.add(FunctionUtils.getContextVariable(visitor));
            }
            for (ExprContext argument : arguments) {
                values.add(visitor.visit(argument));
            }
            return function.call(values, context);
        }

        @Override
        public int getMaxArgs() {
            return function.maxArgs();
        }

        @Override
        public int getMinArgs() {
            return function.minArgs();
        }

        @Override
        public String getSignature() {
            return function.signature();
        }
    }
}
