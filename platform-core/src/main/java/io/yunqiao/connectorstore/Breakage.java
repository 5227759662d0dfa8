package io.yunqiao.connectorstore;

import io.yunqiao.problem.Problem;
import java.util.Locale;

/**
 * What a change of connector definitions breaks in one solution: the first refusal its validation gives against the
 * changed definitions, which it did not give before.
 *
 * @param solutionId   the solution
 * @param solutionName its name
 * @param problem      why it would no longer be accepted
 */
public record Breakage(long solutionId, String solutionName, Problem problem) {

    /** The part of the solution at fault, e.g. {@code source.operation}. */
    public String field() {
        return problem.field();
    }

    /** Why, in {@code locale}'s language. */
    public String message(Locale locale) {
        return problem.message(locale);
    }
}
