package io.yunqiao.problem;

import java.util.Locale;

/**
 * A request the platform refuses, with a message a user can act on: what is wrong, where, and how to fix it.
 * Nothing already saved is changed when one is thrown.
 *
 * <p>New refusals carry a message code with parameters ({@link #coded}); the text is looked up per language in
 * {@code i18n/problems.properties} (Chinese, the default) and {@code i18n/problems_en.properties} when it is shown,
 * so the REST API and the screens answer in the reader's language. {@link #getMessage()} is the English text, for
 * logs. Older refusals still carry a plain English sentence until they are given codes.
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

    public Problem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.code = null;
        this.params = new Object[0];
    }

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

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, field, message);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(Kind.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    public static Problem conflict(String message) {
        return new Problem(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault (a JSON path such as {@code target.mapping}), or {@code null}. */
    public String field() {
        return field;
    }

    /** The message code, or {@code null} for a refusal that still carries a plain sentence. */
    public String code() {
        return code;
    }

    /** The message's parameters, in the order the texts number them. */
    public Object[] params() {
        return params.clone();
    }

    /** The message in {@code locale}'s language (Chinese unless it is English). */
    public String message(Locale locale) {
        return code == null ? getMessage() : ProblemTexts.render(code, locale, params);
    }
}
