package io.yunqiao.problem;

import java.util.Locale;

/**
 * A request the platform refuses, with a message a user can act on: what is wrong, where, and how to fix it.
 * Nothing already saved is changed when one is thrown.
 *
 * <p>Every refusal carries a message code with parameters ({@link #coded}); the text is looked up per language in
 * {@code i18n/problems.properties} (Chinese, the default) and {@code i18n/problems_en.properties} when it is shown,
 * so the REST API and the screens answer in the reader's language. {@link #getMessage()} is the English text, for
 * logs. There is deliberately no way to build one from a plain sentence: a sentence would reach Chinese readers in
 * one language only.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal; the REST API maps it to an HTTP status. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** What the input refers to does not exist (404). */
        NOT_FOUND,
        /** The request clashes with the current state (409). */
        CONFLICT,
        /** The input is larger than a configured limit (413). */
        TOO_LARGE,
        /** Too many attempts in a short time (429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String field;
    private final String code;
    private final transient Object[] params;

    protected Problem(Kind kind, String field, String code, Object[] params) {
        super(ProblemTexts.render(code, Locale.ENGLISH, params));
        this.kind = kind;
        this.field = field;
        this.code = code;
        this.params = params.clone();
    }

    /**
     * A refusal whose text is the message {@code code} (a key of {@code i18n/problems*.properties}, e.g.
     * {@code problem.limit.nameTooLong}) formatted with {@code params} in the reader's language.
     */
    public static Problem coded(Kind kind, String field, String code, Object... params) {
        return new Problem(kind, field, code, params);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault (a JSON path such as {@code target.mapping}), or {@code null}. */
    public String field() {
        return field;
    }

    /** The message code: a key of {@code i18n/problems*.properties}. */
    public String code() {
        return code;
    }

    /** The message's parameters, in the order the texts number them. */
    public Object[] params() {
        return params.clone();
    }

    /** The message in {@code locale}'s language (Chinese unless it is English). */
    public String message(Locale locale) {
        return ProblemTexts.render(code, locale, params);
    }
}
