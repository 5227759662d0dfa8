package io.yunqiao.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a JSONata text, just enough to find the parts of an object constructor and the probable cause of a
 * syntax error without the engine's parser: strings ({@code '…'}, {@code "…"} with backslash escapes), backquoted
 * names, block comments (left out, they are gaps between tokens), brackets with their nesting, words
 * (names, numbers, {@code $variables}) and operator characters. One pass, no recursion: the work is linear in the
 * text, and nesting deeper than {@link #MAX_DEPTH} stops the scan with {@link Fault#TOO_DEEP}.
 */
final class JsonataTokens {

    /** How deeply brackets may nest before the scan gives up; the engines' parsers fail far earlier. */
    static final int MAX_DEPTH = 200;

    enum Kind { STRING, NAME, WORD, OPEN, CLOSE, PUNCT }

    /** What stopped a scan. */
    enum Fault { UNCLOSED_STRING, UNCLOSED_NAME, UNCLOSED_COMMENT, UNCLOSED_BRACKET, UNEXPECTED_CLOSE, TOO_DEEP }

    /**
     * One token.
     *
     * @param start  offset of its first character
     * @param end    offset just past it
     * @param depth  how many brackets enclose it (an opening bracket counts outside itself)
     */
    record Token(Kind kind, int start, int end, int depth) {

        String text(String source) {
            return source.substring(start, end);
        }

        boolean is(String source, String text) {
            return end - start == text.length() && source.startsWith(text, start);
        }
    }

    /**
     * The outcome of a scan.
     *
     * @param tokens     the tokens read (all of them when {@code fault} is {@code null})
     * @param fault      what stopped the scan, or {@code null}
     * @param faultAt    where: the opening quote, comment or bracket, or the unexpected closing bracket
     * @param expected   for {@link Fault#UNEXPECTED_CLOSE}, the closing bracket the innermost open one needs (or 0)
     */
    record Scan(String source, List<Token> tokens, Fault fault, int faultAt, char expected) {

        boolean ok() {
            return fault == null;
        }

        /**
         * Where a person should look: {@link #faultAt} except for an unclosed string, where a text running over a
         * line break is where the closing quote went missing (the quote the scan stopped at is usually the opening
         * quote of a later field's key).
         */
        int culprit() {
            if (fault != Fault.UNCLOSED_STRING) {
                return faultAt;
            }
            return tokens.stream().filter(t -> t.kind() == Kind.STRING && t.text(source).indexOf('\n') >= 0)
                    .mapToInt(Token::start).findFirst().orElse(faultAt);
        }
    }

    private static final String PUNCTUATION = ".,:;?+-*/%&|=<>!~^@#";

    private JsonataTokens() {
    }

    static Scan scan(String text) {
        List<Token> tokens = new ArrayList<>();
        char[] open = new char[MAX_DEPTH + 1];
        int[] openAt = new int[MAX_DEPTH + 1];
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return new Scan(text, tokens, Fault.UNCLOSED_COMMENT, i, (char) 0);
                }
                i = close + 2;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(text, i);
                if (end < 0) {
                    return new Scan(text, tokens, Fault.UNCLOSED_STRING, i, (char) 0);
                }
                tokens.add(new Token(Kind.STRING, i, end, depth));
                i = end;
            } else if (c == '`') {
                int close = text.indexOf('`', i + 1);
                if (close < 0) {
                    return new Scan(text, tokens, Fault.UNCLOSED_NAME, i, (char) 0);
                }
                tokens.add(new Token(Kind.NAME, i, close + 1, depth));
                i = close + 1;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == MAX_DEPTH) {
                    return new Scan(text, tokens, Fault.TOO_DEEP, i, (char) 0);
                }
                tokens.add(new Token(Kind.OPEN, i, i + 1, depth));
                open[depth] = c;
                openAt[depth] = i;
                depth++;
                i++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0 || closer(open[depth - 1]) != c) {
                    return new Scan(text, tokens, Fault.UNEXPECTED_CLOSE, i,
                            depth == 0 ? (char) 0 : closer(open[depth - 1]));
                }
                depth--;
                tokens.add(new Token(Kind.CLOSE, i, i + 1, depth));
                i++;
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                // the two-character operators that matter to a reader: := (binding), != <= >= ~> ..
                int end = i + 1;
                if (end < n && (c == ':' || c == '!' || c == '<' || c == '>') && text.charAt(end) == '=') {
                    end++;
                } else if (end < n && (c == '~' && text.charAt(end) == '>' || c == '.' && text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.PUNCT, i, end, depth));
                i = end;
            } else {
                int end = wordEnd(text, i);
                tokens.add(new Token(Kind.WORD, i, end, depth));
                i = end;
            }
        }
        if (depth > 0) {
            return new Scan(text, tokens, Fault.UNCLOSED_BRACKET, openAt[depth - 1], (char) 0);
        }
        return new Scan(text, tokens, null, -1, (char) 0);
    }

    static char closer(char opening) {
        return switch (opening) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }

    /** Offset just past the string that opens at {@code start}, or -1 when it never closes. */
    private static int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A name, a {@code $variable} or a number ({@code 12}, {@code 1.5e3}). */
    private static int wordEnd(String text, int start) {
        int i = start;
        int n = text.length();
        if (Character.isDigit(text.charAt(start))) {
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i + 1 < n && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
            if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                int exponent = i + 1;
                if (exponent < n && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                    exponent++;
                }
                if (exponent < n && Character.isDigit(text.charAt(exponent))) {
                    i = exponent;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
            }
            return i;
        }
        i++;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || PUNCTUATION.indexOf(c) >= 0 || "()[]{}\"'`".indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Whether a word is a JSONata operator or literal keyword rather than a field name. */
    static boolean keyword(String word) {
        return switch (word) {
            case "and", "or", "in", "true", "false", "null", "function" -> true;
            default -> false;
        };
    }

    /** Decodes a JSONata string literal token ({@code "a\"b"} → {@code a"b}); JSON's escapes. */
    static String unquote(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length() - 1) {
                out.append(c);
                continue;
            }
            char escaped = literal.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < literal.length()) {
                        try {
                            out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            out.append("\\u");
                        }
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }
}
