package io.yunqiao.valuemap;

import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A value-map file (CSV) that was not imported because some of its lines are wrong: every refused line with its
 * number and reason, so the person can fix them all at once. Nothing was saved.
 */
public final class ValueMapFileRefused extends Problem {

    private static final long serialVersionUID = 1L;
    /** Lines quoted in the message itself; {@link #lines()} has them all. */
    private static final int QUOTED = 10;

    /**
     * One refused line of the file.
     *
     * @param line   the line number in the file, counted from 1 as a text editor or Excel shows it
     * @param code   the reason, a key of {@code i18n/problems*.properties}
     * @param params the reason's parameters
     */
    public record Line(int line, String code, List<Object> params) {

        public Line {
            params = List.copyOf(params);
        }

        /** The reason in {@code locale}'s language, starting with the line number. */
        public String message(Locale locale) {
            return ProblemTexts.render(code, locale, params.toArray());
        }
    }

    private final transient List<Line> lines;

    ValueMapFileRefused(List<Line> lines) {
        super(Kind.INVALID, "file", "problem.valuemap.fileRefused",
                new Object[] {lines.size(), summary(lines, Locale.ENGLISH)});
        this.lines = List.copyOf(lines);
    }

    /** Every refused line, in file order. */
    public List<Line> lines() {
        return lines;
    }

    @Override
    public String message(Locale locale) {
        return ProblemTexts.render(code(), locale, lines.size(), summary(lines, locale));
    }

    private static String summary(List<Line> lines, Locale locale) {
        String quoted = lines.stream().limit(QUOTED).map(line -> line.message(locale))
                .collect(Collectors.joining(Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "; " : "；"));
        return lines.size() > QUOTED ? quoted + " …" : quoted;
    }
}
