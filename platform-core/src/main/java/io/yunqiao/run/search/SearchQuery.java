package io.yunqiao.run.search;

import io.yunqiao.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What someone typed to find records by business key (bill number, source key or target key), checked before any
 * database is asked: an empty, overlong or wildcard-only text is refused with a coded message, so that no search
 * reads a whole table.
 *
 * <p>A text is matched as typed: the database's {@code LIKE} wildcards {@code %} and {@code _} are ordinary
 * characters (keys such as {@code ORDER_12} hold them), only a trailing {@code *} or {@code %} asks for a prefix
 * search, which is also what {@link Match#PREFIX} does without one.
 *
 * @param text  the value to look for, trimmed, without the trailing wildcard
 * @param match exact value, or start of the value
 */
public record SearchQuery(String text, Match match) {

    /** Longest text searched: the longest bill number or source key a column holds (300 characters). */
    public static final int MAX_LENGTH = 300;

    /** Characters people type as wildcards; a text made only of these (and spaces) would match everything. */
    private static final String WILDCARDS = "*%_?";

    /** How a value is compared with the text. */
    public enum Match {
        /** The whole value equals the text. */
        EXACT,
        /** The value starts with the text (an exact match too). */
        PREFIX
    }

    public SearchQuery {
        if (text == null || text.isEmpty() || match == null) {
            throw new IllegalArgumentException("a search needs a text and a match; use SearchQuery.parse");
        }
    }

    /**
     * The query {@code typed} asks for, or a {@link Problem} (field {@code q}) saying what is wrong with it.
     *
     * @param match {@code null} for a prefix search (a trailing {@code *} asks for one whatever this says)
     */
    public static SearchQuery parse(String typed, Match match) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "q", "problem.search.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw Problem.coded(Problem.Kind.INVALID, "q", "problem.search.tooLong", MAX_LENGTH, text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw Problem.coded(Problem.Kind.INVALID, "q", "problem.search.control", i + 1,
                        String.format("U+%04X", (int) text.charAt(i)));
            }
        }
        if (text.chars().allMatch(c -> WILDCARDS.indexOf(c) >= 0 || Character.isWhitespace(c))) {
            throw Problem.coded(Problem.Kind.INVALID, "q", "problem.search.wildcardOnly", text);
        }
        Match wanted = match == null ? Match.PREFIX : match;
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == '%')) {
            end--;
        }
        if (end < text.length()) {
            wanted = Match.PREFIX;
            text = text.substring(0, end).strip();
        }
        return new SearchQuery(text, wanted);
    }

    /**
     * The texts looked up: as typed, and in capitals when that differs (bill numbers are written in capitals,
     * people often type them in small letters).
     */
    public List<String> variants() {
        List<String> variants = new ArrayList<>(List.of(text));
        String capitals = text.toUpperCase(Locale.ROOT);
        if (!capitals.equals(text)) {
            variants.add(capitals);
        }
        return variants;
    }

    /**
     * The {@code LIKE} pattern of a prefix search for {@code value}, with {@code \} as escape character: the value's
     * own {@code \}, {@code %} and {@code _} are escaped, so they match only themselves.
     */
    public static String prefixPattern(String value) {
        StringBuilder pattern = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
