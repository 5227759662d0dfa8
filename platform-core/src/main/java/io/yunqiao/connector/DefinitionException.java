package io.yunqiao.connector;

import io.yunqiao.problem.ProblemTexts;
import java.util.Locale;

/**
 * A connector definition that cannot be used: the message names the file, the place in it and the rule broken.
 * Newer refusals carry a message code ({@code problem.definition.*}) with parameters, rendered in the reader's
 * language by {@link #message(Locale)}; {@link #getMessage()} is the English text, for logs.
 */
public class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object[] params;

    public DefinitionException(String message) {
        super(message);
        this.code = null;
        this.params = new Object[0];
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
        this.params = new Object[0];
    }

    /**
     * A refusal whose text is the message {@code code} (a key of {@code i18n/problems*.properties}, e.g.
     * {@code problem.definition.auth.unknownField}) formatted with {@code params}.
     */
    public DefinitionException(String code, Object... params) {
        super(ProblemTexts.render(code, Locale.ENGLISH, params));
        this.code = code;
        this.params = params.clone();
    }

    /** The message code, or {@code null} for a refusal that carries a plain English sentence. */
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
