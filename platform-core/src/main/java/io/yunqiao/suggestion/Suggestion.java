package io.yunqiao.suggestion;

import io.yunqiao.connector.LocalizedText;
import io.yunqiao.problem.ProblemTexts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A proposed source for one target field.
 *
 * @param target     the target field's name
 * @param source     the source field's dotted path, as the mapping should name it
 * @param confidence how sure the suggester is, 0 to 1 (see docs/mapping.md: above 0.9 the names agree, around 0.7
 *                   they are only similar)
 * @param reasons    why, most important first: coded texts (keys {@code suggest.reason.*} of
 *                   {@code i18n/problems*.properties})
 */
public record Suggestion(String target, String source, double confidence, List<Reason> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }

    /**
     * One reason: a message code and its parameters, which are texts in both languages (labels of fields).
     *
     * @param code   a key of {@code i18n/problems*.properties}
     * @param params the parameters, each rendered in the reader's language
     */
    public record Reason(String code, List<LocalizedText> params) {

        public Reason {
            params = List.copyOf(params);
        }

        /** The reason in {@code locale}'s language. */
        public String message(Locale locale) {
            return ProblemTexts.render(code, locale, params.stream().map(p -> p.in(locale)).toArray());
        }
    }

    /** The reasons in {@code locale}'s language, joined. */
    public String reason(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return reasons.stream().map(r -> r.message(locale)).collect(Collectors.joining(english ? "; " : "；"));
    }
}
