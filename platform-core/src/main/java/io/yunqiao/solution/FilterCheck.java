package io.yunqiao.solution;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingHint;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.RecordFilter;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a record filter (筛选条件) that cannot work, naming the field {@code filter}: one longer than a mapping may
 * be, one that does not parse (the spot and the probable cause, as for a mapping: {@link MappingHints}), or one that
 * calls a function that does not exist (it would fail every record). Like every refusal of a save, nothing saved
 * changes and the editor keeps what was typed.
 */
public final class FilterCheck {

    static final String FIELD = "filter";

    private FilterCheck() {
    }

    static void check(SolutionSpec spec, MappingEngine engine, InputLimits limits) {
        compile(engine, limits, spec.filter());
    }

    /**
     * The filter compiled as a save checks it: what the editor and the preview use, so that they say what the save
     * would say.
     *
     * @return {@link RecordFilter#NONE} for {@code null} or blank
     * @throws Problem {@code problem.filter.*} (or the mapping size limit) on the field {@code filter}
     */
    public static RecordFilter compile(MappingEngine engine, InputLimits limits, String filter) {
        if (filter == null || filter.isBlank()) {
            return RecordFilter.NONE;
        }
        limits.checkMapping(FIELD, filter);
        RecordFilter compiled;
        try {
            compiled = RecordFilter.compile(engine, filter);
        } catch (MappingSyntaxException e) {
            throw new Refusal("problem.filter.syntax", MappingHints.syntax(filter, e), e.getMessage());
        }
        // compiles, but would never hold (a Chinese parenthesis in a name) or fail every record (a misspelt function)
        Optional<MappingHint> mistake = MappingHints.compiledMistake(filter);
        if (mistake.isPresent()) {
            throw new Refusal(mistake.get().code().startsWith("problem.hint.unknownFunction")
                    ? "problem.filter.unknownFunction" : "problem.filter.syntax", mistake.get(), null);
        }
        return compiled;
    }

    /** A refused filter: the filter's own text around the mapping hint, both in the reader's language. */
    static final class Refusal extends Problem {

        private static final long serialVersionUID = 1L;

        private final transient MappingHint hint;
        private final String engineMessage;

        Refusal(String code, MappingHint hint, String engineMessage) {
            super(Kind.INVALID, FIELD, code, new Object[] {hint.message(Locale.ENGLISH)});
            this.hint = hint;
            this.engineMessage = engineMessage;
        }

        @Override
        public String message(Locale locale) {
            String text = ProblemTexts.render(code(), locale, hint.message(locale));
            return engineMessage == null || engineMessage.isBlank() ? text
                    : ProblemTexts.render("problem.hint.withDetail", locale, text, engineMessage);
        }
    }
}
