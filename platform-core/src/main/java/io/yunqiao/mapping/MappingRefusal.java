package io.yunqiao.mapping;

import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.util.Locale;

/**
 * A refused mapping whose text is a {@link MappingHint} (the spot and the probable cause, in the reader's language)
 * followed by the engine's own message, which operators and the JSONata documentation know.
 */
final class MappingRefusal extends Problem {

    private static final long serialVersionUID = 1L;

    private final MappingHint hint;
    private final String engineMessage;

    MappingRefusal(String field, MappingHint hint, String engineMessage) {
        super(Kind.INVALID, field, hint.code(), hint.params());
        this.hint = hint;
        this.engineMessage = engineMessage;
    }

    @Override
    public String message(Locale locale) {
        String text = hint.message(locale);
        return engineMessage == null || engineMessage.isBlank() ? text
                : ProblemTexts.render("problem.hint.withDetail", locale, text, engineMessage);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
