package io.yunqiao.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the JSONata engines say about a mapping into hints a business user can act on ({@link MappingHint},
 * texts {@code problem.hint.*}): the spot (line and column) and the probable cause — a missing comma between two
 * fields, an unclosed quote, comment or bracket, a Chinese full-width comma or colon, an unknown function with the
 * closest known one, a field the source does not have with the closest one it has.
 *
 * <p>The causes are found by reading the expression's tokens ({@link JsonataTokens}), not the engine's wording, so
 * both engines get the same hints; the engine's own message is the fallback. Linear work, no engine call.
 */
public final class MappingHints {

    /** JSONata's own functions (JSONata 2.0), for "unknown function" and its suggestion. */
    private static final Set<String> BUILT_IN = Set.of("sum", "count", "max", "min", "average", "string", "substring",
            "substringBefore", "substringAfter", "lowercase", "uppercase", "length", "trim", "pad", "contains",
            "split", "join", "match", "replace", "now", "millis", "fromMillis", "toMillis", "formatNumber",
            "formatBase", "formatInteger", "parseInteger", "number", "abs", "floor", "ceil", "round", "power", "sqrt",
            "random", "boolean", "not", "exists", "type", "append", "sort", "reverse", "shuffle", "distinct", "zip",
            "keys", "lookup", "spread", "merge", "each", "error", "assert", "sift", "map", "filter", "single",
            "reduce", "eval", "base64encode", "base64decode", "encodeUrlComponent", "encodeUrl",
            "decodeUrlComponent", "decodeUrl");

    /** The Chinese (full-width) punctuation an IME types instead of JSONata's, and what it should be. */
    private static final Map<Character, String> FULL_WIDTH = Map.of('，', ",", '：', ":", '“', "\"", '”', "\"",
            '（', "(", '）', ")", '；', ";", '‘', "'", '’', "'", '【', "[");

    private static final Pattern EVALUATION = Pattern.compile("at line (\\d+), column (\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_\\u00c0-\\uffff][\\w\\u00c0-\\uffff]*");

    private MappingHints() {
    }

    /** The names of every function a mapping can call, with {@code $}, sorted. */
    public static Set<String> functions() {
        Set<String> names = new TreeSet<>();
        BUILT_IN.forEach(n -> names.add("$" + n));
        for (MappingFunction function : MappingFunction.values()) {
            names.add("$" + function.jsonataName());
        }
        return names;
    }

    /**
     * The probable cause of a syntax error.
     *
     * @param expression the text that did not compile
     * @param error      what the engine said; its position and message are the fallback when no cause is found
     */
    public static MappingHint syntax(String expression, MappingSyntaxException error) {
        if (expression == null || expression.isBlank()) {
            return new MappingHint("problem.hint.empty", -1, -1);
        }
        JsonataTokens.Scan scan = JsonataTokens.scan(expression);
        Optional<MappingHint> fullWidth = fullWidth(expression, scan.tokens());
        if (!scan.ok()) {
            if (scan.fault() == JsonataTokens.Fault.TOO_DEEP) {
                return new MappingHint("problem.hint.tooDeep", -1, -1, JsonataTokens.MAX_DEPTH);
            }
            if (fullWidth.isPresent()) {
                return fullWidth.get();
            }
            int faultAt = scan.culprit();
            TextPosition at = TextPosition.of(expression, faultAt);
            char c = expression.charAt(faultAt);
            return switch (scan.fault()) {
                case UNCLOSED_STRING -> new MappingHint("problem.hint.unclosedString", at.line(), at.column(),
                        String.valueOf(c));
                case UNCLOSED_NAME -> new MappingHint("problem.hint.unclosedName", at.line(), at.column());
                case UNCLOSED_COMMENT -> new MappingHint("problem.hint.unclosedComment", at.line(), at.column());
                case UNCLOSED_BRACKET -> new MappingHint("problem.hint.unclosedBracket", at.line(), at.column(),
                        String.valueOf(c), String.valueOf(JsonataTokens.closer(c)));
                case UNEXPECTED_CLOSE -> scan.expected() == 0
                        ? new MappingHint("problem.hint.unexpectedClose", at.line(), at.column(), String.valueOf(c))
                        : new MappingHint("problem.hint.wrongClose", at.line(), at.column(), String.valueOf(c),
                                String.valueOf(scan.expected()));
                default -> generic(expression, error);
            };
        }
        if (fullWidth.isPresent()) {
            return fullWidth.get();
        }
        return missingComma(expression, scan.tokens()).orElseGet(() -> generic(expression, error));
    }

    /**
     * The refusal of a mapping that does not compile, for a save or an API answer: the hint (spot and cause) in the
     * reader's language, then the engine's message.
     *
     * @param field the input field at fault, e.g. {@code target.mapping}
     */
    public static io.yunqiao.problem.Problem refusal(String field, String expression, MappingSyntaxException error) {
        return new MappingRefusal(field, syntax(expression, error), error == null ? null : error.getMessage());
    }

    /**
     * The refusal of an expression that compiles but cannot do what was meant, for a save: see {@link
     * #compiledMistake(String)}. Empty when there is none.
     */
    public static Optional<io.yunqiao.problem.Problem> compiledRefusal(String field, String expression) {
        return compiledMistake(expression).map(hint -> new MappingRefusal(field, hint, null));
    }

    /**
     * A mistake in an expression that compiles: full-width punctuation the engine took as part of a name
     * ({@code $exists（x）} is one unknown variable, so a condition never holds and a value is never read), else the
     * first call of a function that does not exist (a misspelt {@code $uppercas}, which fails every record reaching
     * it). Both are typing mistakes a save should refuse at their spot.
     */
    public static Optional<MappingHint> compiledMistake(String expression) {
        String text = expression == null ? "" : expression;
        JsonataTokens.Scan scan = JsonataTokens.scan(text);
        if (!scan.ok()) {
            return Optional.empty();
        }
        return fullWidth(text, scan.tokens()).or(() -> unknownFunctions(text, scan.tokens()).stream().findFirst());
    }

    /**
     * The probable cause of an evaluation error (a record error, {@link MappingResult#error()}): an unknown
     * function when the expression calls one, else the engine's message at its spot.
     */
    public static MappingHint evaluation(String expression, String error) {
        String text = expression == null ? "" : expression;
        Optional<MappingHint> unknown = unknownFunctions(text, JsonataTokens.scan(text).tokens()).stream()
                .findFirst();
        if (unknown.isPresent()) {
            return unknown.get();
        }
        String message = error == null ? "" : error;
        Matcher at = EVALUATION.matcher(message);
        if (at.find()) {
            return new MappingHint("problem.hint.evaluation", Integer.parseInt(at.group(1)),
                    Integer.parseInt(at.group(2)), at.group(3));
        }
        int colon = message.indexOf(": ");
        return new MappingHint("problem.hint.evaluation", -1, -1,
                message.startsWith("JSONata") && colon > 0 ? message.substring(colon + 2) : message);
    }

    /**
     * Warnings about an expression that compiles: calls of functions that do not exist, and (when the source's
     * field names are known) fields the source does not have, each with the closest existing name. Fields are
     * checked where they are read from the record itself: the values of a top-level object constructor, outside
     * filters and function bodies.
     *
     * @param sourceFields the source's dotted field names ({@code material_entity.qty}); empty to skip the check
     */
    public static List<MappingHint> lint(String expression, Collection<String> sourceFields) {
        String text = expression == null ? "" : expression;
        if (text.length() > MappingTable.MAX_LENGTH) {
            return List.of();
        }
        JsonataTokens.Scan scan = JsonataTokens.scan(text);
        if (!scan.ok()) {
            return List.of();
        }
        List<MappingHint> hints = new ArrayList<>(unknownFunctions(text, scan.tokens()));
        if (sourceFields != null && !sourceFields.isEmpty()) {
            hints.addAll(unknownFields(text, scan.tokens(), sourceFields));
        }
        hints.sort(Comparator.comparingInt(MappingHint::line).thenComparingInt(MappingHint::column));
        return hints;
    }

    /**
     * The candidate closest to a name by edit distance (case ignored), if one is close enough to be a typo: at most
     * one edit for short names, up to three for long ones.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - wanted.length()) > allowed) {
                continue;
            }
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static MappingHint generic(String expression, MappingSyntaxException error) {
        if (error != null && MappingEngine.TOO_DEEP.equals(error.detail())) {
            return new MappingHint("problem.hint.tooDeep", -1, -1, JsonataTokens.MAX_DEPTH);
        }
        String detail = error == null ? "" : String.valueOf(error.detail());
        return error == null || error.line() < 0 ? new MappingHint("problem.hint.syntax", -1, -1, detail)
                : new MappingHint("problem.hint.syntax", error.line(), error.column(), detail);
    }

    /** A full-width comma, colon, quote or parenthesis outside strings: the IME was still in Chinese mode. */
    private static Optional<MappingHint> fullWidth(String text, List<JsonataTokens.Token> tokens) {
        for (JsonataTokens.Token token : tokens) {
            if (token.kind() != JsonataTokens.Kind.WORD) {
                continue;
            }
            for (int i = token.start(); i < token.end(); i++) {
                String ascii = FULL_WIDTH.get(text.charAt(i));
                if (ascii != null) {
                    TextPosition at = TextPosition.of(text, i);
                    return Optional.of(new MappingHint("problem.hint.fullWidth", at.line(), at.column(),
                            String.valueOf(text.charAt(i)), ascii));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Inside an object constructor, a key ({@code "contacts":}) right after the end of a value with no comma
     * between: the comma between two fields is missing.
     */
    private static Optional<MappingHint> missingComma(String text, List<JsonataTokens.Token> tokens) {
        Deque<Character> open = new ArrayDeque<>();
        String previousKey = null;
        for (int i = 0; i < tokens.size(); i++) {
            JsonataTokens.Token token = tokens.get(i);
            if (token.kind() == JsonataTokens.Kind.OPEN) {
                open.push(text.charAt(token.start()));
                continue;
            }
            if (token.kind() == JsonataTokens.Kind.CLOSE) {
                if (!open.isEmpty()) {
                    open.pop();
                }
                continue;
            }
            boolean inObject = !open.isEmpty() && open.peek() == '{';
            boolean keyLike = token.kind() == JsonataTokens.Kind.STRING || token.kind() == JsonataTokens.Kind.NAME
                    || token.kind() == JsonataTokens.Kind.WORD && PLAIN.matcher(token.text(text)).matches()
                    && !JsonataTokens.keyword(token.text(text));
            boolean followedByColon = i + 1 < tokens.size() && tokens.get(i + 1).is(text, ":");
            if (!inObject || !keyLike || !followedByColon) {
                continue;
            }
            if (i > 0 && endsValue(text, tokens.get(i - 1))) {
                TextPosition at = TextPosition.of(text, token.start());
                String key = key(text, token);
                return Optional.of(previousKey == null
                        ? new MappingHint("problem.hint.missingCommaFirst", at.line(), at.column(), key)
                        : new MappingHint("problem.hint.missingComma", at.line(), at.column(), key, previousKey));
            }
            previousKey = key(text, token);
        }
        return Optional.empty();
    }

    private static String key(String text, JsonataTokens.Token token) {
        String raw = token.text(text);
        return switch (token.kind()) {
            case STRING -> JsonataTokens.unquote(raw);
            case NAME -> raw.substring(1, raw.length() - 1);
            default -> raw;
        };
    }

    /** Whether a token can end an operand: a literal, a name, a closing bracket. */
    private static boolean endsValue(String text, JsonataTokens.Token token) {
        return switch (token.kind()) {
            case STRING, NAME, CLOSE -> true;
            case WORD -> !JsonataTokens.keyword(token.text(text)) || token.is(text, "true") || token.is(text, "false")
                    || token.is(text, "null");
            default -> false;
        };
    }

    private static List<MappingHint> unknownFunctions(String text, List<JsonataTokens.Token> tokens) {
        Set<String> known = new HashSet<>(functions());
        // variables the expression binds itself: $x := ..., function($a, $b)
        for (int i = 0; i < tokens.size(); i++) {
            JsonataTokens.Token token = tokens.get(i);
            if (token.kind() == JsonataTokens.Kind.WORD && text.charAt(token.start()) == '$' && i + 1 < tokens.size()
                    && tokens.get(i + 1).is(text, ":=")) {
                known.add(token.text(text));
            }
            if (token.kind() == JsonataTokens.Kind.WORD && (token.is(text, "function") || token.is(text, "λ"))) {
                for (int j = i + 1; j < tokens.size() && !tokens.get(j).is(text, ")"); j++) {
                    if (tokens.get(j).kind() == JsonataTokens.Kind.WORD) {
                        known.add(tokens.get(j).text(text));
                    }
                }
            }
        }
        List<MappingHint> hints = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsonataTokens.Token token = tokens.get(i);
            String word = token.text(text);
            boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is(text, "(")
                    || i > 0 && tokens.get(i - 1).is(text, "~>");
            if (token.kind() != JsonataTokens.Kind.WORD || !word.startsWith("$") || word.length() < 2
                    || word.equals("$$") || !called || known.contains(word)) {
                continue;
            }
            TextPosition at = TextPosition.of(text, token.start());
            Optional<String> suggestion = closest(word, functions());
            hints.add(suggestion.isPresent()
                    ? new MappingHint("problem.hint.unknownFunction", at.line(), at.column(), word, suggestion.get())
                    : new MappingHint("problem.hint.unknownFunctionNoSuggestion", at.line(), at.column(), word));
        }
        return hints;
    }

    private static List<MappingHint> unknownFields(String text, List<JsonataTokens.Token> tokens,
            Collection<String> sourceFields) {
        if (tokens.isEmpty() || !tokens.get(0).is(text, "{") || !tokens.get(tokens.size() - 1).is(text, "}")) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        for (String field : sourceFields) {
            int dot = -1;
            while ((dot = field.indexOf('.', dot + 1)) > 0) {
                known.add(field.substring(0, dot));
            }
            known.add(field);
        }
        Set<String> leaves = new HashSet<>(known);
        known.forEach(name -> {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                leaves.remove(name.substring(0, dot));
            }
        });
        List<MappingHint> hints = new ArrayList<>();
        Deque<Character> open = new ArrayDeque<>();
        boolean onlyParentheses = true;
        for (int i = 0; i < tokens.size(); i++) {
            JsonataTokens.Token token = tokens.get(i);
            if (token.kind() == JsonataTokens.Kind.OPEN) {
                open.push(text.charAt(token.start()));
                onlyParentheses = recordContext(open);
                continue;
            }
            if (token.kind() == JsonataTokens.Kind.CLOSE) {
                open.pop();
                onlyParentheses = recordContext(open);
                continue;
            }
            if (!onlyParentheses || open.isEmpty() || token.kind() == JsonataTokens.Kind.STRING
                    || token.kind() == JsonataTokens.Kind.PUNCT) {
                continue;
            }
            String word = token.text(text);
            boolean field = token.kind() == JsonataTokens.Kind.NAME
                    || PLAIN.matcher(word).matches() && !JsonataTokens.keyword(word);
            boolean afterDot = i > 0 && (tokens.get(i - 1).is(text, ".") || tokens.get(i - 1).is(text, "$"));
            boolean keyOrCall = i + 1 < tokens.size()
                    && (tokens.get(i + 1).is(text, ":") || tokens.get(i + 1).is(text, "("));
            if (!field || afterDot || keyOrCall) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            chain.add(key(text, token));
            int j = i + 1;
            while (j + 1 < tokens.size() && tokens.get(j).is(text, ".")
                    && (tokens.get(j + 1).kind() == JsonataTokens.Kind.NAME
                    || tokens.get(j + 1).kind() == JsonataTokens.Kind.WORD
                    && PLAIN.matcher(tokens.get(j + 1).text(text)).matches())) {
                chain.add(key(text, tokens.get(j + 1)));
                j += 2;
            }
            String path = String.join(".", chain);
            if (!known(path, known, leaves)) {
                TextPosition at = TextPosition.of(text, token.start());
                Optional<String> suggestion = closest(path, known);
                hints.add(suggestion.isPresent()
                        ? new MappingHint("problem.hint.unknownField", at.line(), at.column(), path, suggestion.get())
                        : new MappingHint("problem.hint.unknownFieldNoSuggestion", at.line(), at.column(), path));
            }
        }
        return hints;
    }

    /** Inside the top-level object and only parentheses: names there are read from the record itself. */
    private static boolean recordContext(Deque<Character> open) {
        int i = 0;
        for (char bracket : open) {
            // the deque's first element is the innermost bracket; the last is the top-level object
            if (i == open.size() - 1 ? bracket != '{' : bracket != '(') {
                return false;
            }
            i++;
        }
        return true;
    }

    /** A path is known when declared, or when it goes into a declared field that declares no sub-fields. */
    private static boolean known(String path, Set<String> known, Set<String> leaves) {
        if (known.contains(path)) {
            return true;
        }
        int dot = -1;
        while ((dot = path.indexOf('.', dot + 1)) > 0) {
            if (leaves.contains(path.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** Levenshtein distance, two rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
