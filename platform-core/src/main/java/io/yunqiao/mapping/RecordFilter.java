package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.problem.ProblemTexts;
import java.util.Locale;

/**
 * A solution's record filter (筛选条件): a JSONata condition evaluated on each record as its mapping sees it. The
 * value counts as JSONata's {@code $boolean} counts it, as a JSONata predicate {@code [...]} does: {@code true}, a
 * non-empty text, a number other than 0, a non-empty object, or an array with such a member keep the record;
 * {@code false}, {@code ""}, 0, {@code null}, an empty array or object, or no value at all (a path that matches
 * nothing) leave it out. So {@code customerid_number} alone keeps the records that have a customer number.
 *
 * <p>Safe to use from many threads, as the compiled mapping it wraps.
 */
public final class RecordFilter {

    /** No filter: every record is kept. */
    public static final RecordFilter NONE = new RecordFilter(null);

    private final Mapping condition;

    private RecordFilter(Mapping condition) {
        this.condition = condition;
    }

    /**
     * Compiles a filter; {@code null} or blank is {@link #NONE}.
     *
     * @throws MappingSyntaxException when the condition does not parse
     */
    public static RecordFilter compile(MappingEngine engine, String expression) throws MappingSyntaxException {
        if (expression == null || expression.isBlank()) {
            return NONE;
        }
        return new RecordFilter(engine.compile(expression));
    }

    /** Whether this is no filter at all. */
    public boolean isNone() {
        return condition == null;
    }

    /** The condition as written, or {@code null} for {@link #NONE}. */
    public String expression() {
        return condition == null ? null : condition.expression();
    }

    /**
     * What the filter says of one record.
     *
     * @param keep  whether the record is written (meaningless when {@code error} is set)
     * @param error the evaluation error (记录错误) when the condition failed on the record, else {@code null}
     */
    public record Verdict(boolean keep, String error) {

        static final Verdict KEPT = new Verdict(true, null);
        static final Verdict LEFT_OUT = new Verdict(false, null);

        /** Whether the condition failed on the record: neither kept nor left out. */
        public boolean failed() {
            return error != null;
        }

        /** Whether the record is left out (跳过), the condition having worked. */
        public boolean leftOut() {
            return error == null && !keep;
        }
    }

    /** Evaluates the condition on {@code record}; {@link #NONE} keeps every record without evaluating anything. */
    public Verdict test(JsonNode record, MappingContext context) {
        if (condition == null) {
            return Verdict.KEPT;
        }
        MappingResult result = condition.evaluate(record, context);
        if (result.isFailure()) {
            return new Verdict(false, result.error());
        }
        return truthy(result.output()) ? Verdict.KEPT : Verdict.LEFT_OUT;
    }

    /**
     * What a mapping preview says of a sample record: {@code null} when it would be written, else that it would be
     * skipped (此记录不符合筛选条件，将跳过) or fail, in {@code locale}'s language.
     */
    public String previewNote(JsonNode record, MappingContext context, Locale locale) {
        Verdict verdict = test(record, context);
        if (verdict.failed()) {
            return ProblemTexts.render("problem.filter.previewFailed", locale, expression(), verdict.error());
        }
        return verdict.keep() ? null : ProblemTexts.render("problem.filter.previewLeftOut", locale, expression());
    }

    /** JSONata's {@code $boolean} of a value; {@code null} (no value) is false. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isArray()) {
            for (JsonNode member : value) {
                if (truthy(member)) {
                    return true;
                }
            }
            return false;
        }
        return value.isObject() ? !value.isEmpty() : true;
    }
}
