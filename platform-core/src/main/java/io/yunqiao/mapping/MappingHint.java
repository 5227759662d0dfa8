package io.yunqiao.mapping;

import io.yunqiao.problem.ProblemTexts;
import java.util.Arrays;
import java.util.Locale;

/**
 * What is probably wrong with a mapping, for people: a coded message ({@code problem.hint.*} in
 * {@code i18n/problems*.properties}) with its parameters and the spot in the expression, e.g. 第 4 行第 3 列：字段
 * “contacts”前面少了一个逗号. See {@link MappingHints}.
 *
 * @param code   the message key, e.g. {@code problem.hint.missingComma}
 * @param line   1-based line of the spot, or -1 when unknown
 * @param column 1-based column, or -1 when unknown
 * @param params the message's parameters
 */
public record MappingHint(String code, int line, int column, Object... params) {

    public MappingHint {
        params = params.clone();
    }

    @Override
    public Object[] params() {
        return params.clone();
    }

    /** Whether the hint points at a spot in the expression. */
    public boolean hasPosition() {
        return line > 0 && column > 0;
    }

    /** The cause alone, without the spot, in a language (Chinese unless English is asked for). */
    public String cause(Locale locale) {
        return ProblemTexts.render(code, locale, params);
    }

    /** The whole hint: 第 4 行第 3 列：cause, or the cause alone when the spot is unknown. */
    public String message(Locale locale) {
        return hasPosition() ? ProblemTexts.render("problem.hint.at", locale, line, column, cause(locale))
                : cause(locale);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MappingHint hint && hint.code.equals(code) && hint.line == line
                && hint.column == column && Arrays.equals(hint.params, params);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * code.hashCode() + line) + column) + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return message(Locale.ENGLISH);
    }
}
