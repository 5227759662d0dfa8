package io.yunqiao.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One row of a {@link MappingTable} (映射表): a target field and the JSONata that fills it, classified into what the
 * table can show — a source field, a constant, a value-map lookup, a format of a source field — or, for anything
 * else, a free expression kept exactly as written.
 *
 * <p>The JSONata text is the truth: {@link #kind()} and the parts ({@link #path()}, {@link #constant()},
 * {@link #table()}, {@link #format()}) are read from it, and two rows are equal when their target and text are.
 * The factories write the text in one canonical form, e.g. {@code $valueMap("客户类别", transtype)}.
 */
public final class MappingRow {

    /** What a row's value is. */
    public enum Kind {
        /** A source field path, e.g. {@code supplierid_name} or {@code material_entity.qty}. */
        SOURCE,
        /** A fixed text, number or boolean, e.g. {@code "供应商"}. */
        CONSTANT,
        /** {@code $valueMap("表名", path)}: a source value looked up in a value-map table (数据字典). */
        VALUE_MAP,
        /** A source field passed through one {@link Format}, e.g. {@code $formatDate(createtime)}. */
        FORMAT,
        /** Any other JSONata, kept verbatim. */
        EXPRESSION
    }

    /** The formats the table offers: one-argument functions of a source field. */
    public enum Format {
        /** {@code $formatDate(path)}: epoch seconds or milliseconds as {@code yyyy-MM-dd}, Beijing time. */
        DATE("$formatDate"),
        /** {@code $formatDateTime(path)}: as {@code yyyy-MM-dd HH:mm:ss}, Beijing time. */
        DATE_TIME("$formatDateTime"),
        /** {@code $number(path)}: text to a number. */
        NUMBER("$number"),
        /** {@code $string(path)}: any value as text. */
        TEXT("$string");

        private final String function;

        Format(String function) {
            this.function = function;
        }

        /** The JSONata function, e.g. {@code $formatDate}. */
        public String function() {
            return function;
        }

        static Optional<Format> of(String function) {
            return Arrays.stream(values()).filter(f -> f.function.equals(function)).findFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_\\u00c0-\\uffff][\\w\\u00c0-\\uffff]*");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Longest target name; longer keys are not field names a target declares. */
    private static final int MAX_TARGET = 200;

    private final String target;
    private final String expression;
    private final Kind kind;
    private final String path;
    private final String table;
    private final Format format;
    private final JsonNode constant;

    private MappingRow(String target, String expression, Kind kind, String path, String table, Format format,
            JsonNode constant) {
        this.target = target;
        this.expression = expression;
        this.kind = kind;
        this.path = path;
        this.table = table;
        this.format = format;
        this.constant = constant;
    }

    /**
     * A row from its JSONata text, classified.
     *
     * @throws Problem {@code problem.table.rowEmpty} for an empty text, {@code problem.table.rowNotOneValue} for a
     *                 text that is not one value (an unclosed quote or bracket, a comma outside brackets), naming the
     *                 target and where
     */
    public static MappingRow of(String target, String expression) {
        String name = checkTarget(target);
        String text = expression == null ? "" : expression.strip();
        if (text.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.rowEmpty", name);
        }
        JsonataTokens.Scan scan = JsonataTokens.scan(text);
        if (!scan.ok()) {
            TextPosition at = TextPosition.of(text, scan.faultAt());
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.rowNotOneValue", name, at.line(),
                    at.column());
        }
        for (JsonataTokens.Token token : scan.tokens()) {
            if (token.depth() == 0 && token.is(text, ",")) {
                TextPosition at = TextPosition.of(text, token.start());
                throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.rowNotOneValue", name,
                        at.line(), at.column());
            }
        }
        return classify(name, text, scan.tokens());
    }

    /** A row that copies a source field, given by its dotted name ({@code material_entity.qty}). */
    public static MappingRow source(String target, String field) {
        return of(target, pathText(field));
    }

    /** A row with a fixed text. */
    public static MappingRow constant(String target, String text) {
        return of(target, json(TextNode.valueOf(text == null ? "" : text)));
    }

    /** A row with a fixed number. */
    public static MappingRow constant(String target, BigDecimal number) {
        return of(target, number.toPlainString());
    }

    /** A row with a fixed boolean. */
    public static MappingRow constant(String target, boolean value) {
        return of(target, BooleanNode.valueOf(value).asText());
    }

    /** A row that looks a source field up in a value-map table: {@code $valueMap("表名", path)}. */
    public static MappingRow valueMap(String target, String table, String field) {
        return of(target, "$valueMap(" + json(TextNode.valueOf(table)) + ", " + pathText(field) + ")");
    }

    /** A row that formats a source field, e.g. {@code $formatDate(createtime)}. */
    public static MappingRow format(String target, Format format, String field) {
        return of(target, format.function() + "(" + pathText(field) + ")");
    }

    /** A row with any JSONata; {@link #of} classifies it, so a plain path still becomes a source row. */
    public static MappingRow expression(String target, String expression) {
        return of(target, expression);
    }

    /**
     * A dotted field name as a JSONata path: segments that are not plain names (or are keywords such as
     * {@code and}) go in backquotes, e.g. {@code 物料.数量} stays, {@code order-no} becomes {@code `order-no`}.
     */
    public static String pathText(String field) {
        if (field == null || field.isBlank() || field.startsWith(".") || field.endsWith(".") || field.contains("..")
                || field.contains("`")) {
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.badField", String.valueOf(field));
        }
        return Arrays.stream(field.split("\\."))
                .map(s -> PLAIN.matcher(s).matches() && !JsonataTokens.keyword(s) ? s : "`" + s + "`")
                .collect(Collectors.joining("."));
    }

    /** The target field (the key of the object the mapping builds), e.g. {@code customerCode}. */
    public String target() {
        return target;
    }

    /** The JSONata that fills the target, exactly as it stands in the mapping. */
    public String expression() {
        return expression;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The source field as a dotted name ({@code material_entity.qty}) for {@link Kind#SOURCE}, {@link Kind#VALUE_MAP}
     * and {@link Kind#FORMAT} rows; {@code null} for the others.
     */
    public String path() {
        return path;
    }

    /** The value-map table of a {@link Kind#VALUE_MAP} row, else {@code null}. */
    public String table() {
        return table;
    }

    /** The format of a {@link Kind#FORMAT} row, else {@code null}. */
    public Format format() {
        return format;
    }

    /** The value of a {@link Kind#CONSTANT} row (text, number or boolean), else {@code null}. */
    public JsonNode constant() {
        return constant;
    }

    /** This row for another target, the same value. */
    public MappingRow withTarget(String newTarget) {
        return of(newTarget, expression);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MappingRow row && row.target.equals(target) && row.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, expression);
    }

    @Override
    public String toString() {
        return target + " ← " + kind + " " + expression;
    }

    private static String checkTarget(String target) {
        if (target == null || target.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.noTarget");
        }
        if (target.length() > MAX_TARGET) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "mapping", "problem.table.targetTooLong", MAX_TARGET);
        }
        return target;
    }

    private static MappingRow classify(String target, String text, List<JsonataTokens.Token> tokens) {
        MappingRow expression = new MappingRow(target, text, Kind.EXPRESSION, null, null, null, null);
        if (tokens.size() == 1 && tokens.get(0).kind() == JsonataTokens.Kind.STRING) {
            return new MappingRow(target, text, Kind.CONSTANT, null, null, null,
                    TextNode.valueOf(JsonataTokens.unquote(text)));
        }
        if (text.equals("true") || text.equals("false")) {
            return new MappingRow(target, text, Kind.CONSTANT, null, null, null, BooleanNode.valueOf(
                    Boolean.parseBoolean(text)));
        }
        if (NUMBER.matcher(text).matches()) {
            return new MappingRow(target, text, Kind.CONSTANT, null, null, null,
                    JsonValues.NODES.numberNode(new BigDecimal(text)));
        }
        String path = path(text, tokens, 0, tokens.size());
        if (path != null) {
            return new MappingRow(target, text, Kind.SOURCE, path, null, null, null);
        }
        // a call: $name ( args ) as the whole text
        if (tokens.size() < 4 || tokens.get(0).kind() != JsonataTokens.Kind.WORD
                || !tokens.get(1).is(text, "(") || tokens.get(1).start() != tokens.get(0).end()
                || !tokens.get(tokens.size() - 1).is(text, ")")) {
            return expression;
        }
        String function = tokens.get(0).text(text);
        List<JsonataTokens.Token> inside = tokens.subList(2, tokens.size() - 1);
        if (inside.stream().anyMatch(t -> t.depth() == 0)) {
            return expression; // the closing bracket is not the call's: $f(a) & $g(b)
        }
        Optional<Format> format = Format.of(function);
        if (format.isPresent()) {
            String argument = path(text, tokens, 2, tokens.size() - 1);
            return argument == null || gapsHaveText(text, tokens, 1, tokens.size()) ? expression
                    : new MappingRow(target, text, Kind.FORMAT, argument, null, format.get(), null);
        }
        if (function.equals("$valueMap") && inside.size() >= 3 && inside.get(0).kind() == JsonataTokens.Kind.STRING
                && inside.get(1).is(text, ",")) {
            String argument = path(text, tokens, 4, tokens.size() - 1);
            if (argument == null || !onlyBlank(text, tokens.get(1).end(), tokens.get(2).start())
                    || !onlyBlank(text, tokens.get(2).end(), tokens.get(3).start())
                    || !onlyBlank(text, tokens.get(3).end(), tokens.get(4).start())
                    || !onlyBlank(text, tokens.get(tokens.size() - 2).end(), tokens.get(tokens.size() - 1).start())) {
                return expression;
            }
            return new MappingRow(target, text, Kind.VALUE_MAP, argument,
                    JsonataTokens.unquote(inside.get(0).text(text)), null, null);
        }
        return expression;
    }

    /**
     * The dotted name of tokens {@code [from, to)} when they are exactly a path: names joined by dots with nothing
     * between them; {@code null} otherwise.
     */
    private static String path(String text, List<JsonataTokens.Token> tokens, int from, int to) {
        if (to <= from || (to - from) % 2 == 0) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (int i = from; i < to; i++) {
            JsonataTokens.Token token = tokens.get(i);
            if (i > from && token.start() != tokens.get(i - 1).end()) {
                return null;
            }
            if ((i - from) % 2 == 1) {
                if (!token.is(text, ".")) {
                    return null;
                }
                continue;
            }
            String segment = token.text(text);
            if (token.kind() == JsonataTokens.Kind.NAME) {
                segment = segment.substring(1, segment.length() - 1);
                if (segment.isEmpty() || segment.contains(".")) {
                    return null;
                }
            } else if (token.kind() != JsonataTokens.Kind.WORD || !PLAIN.matcher(segment).matches()
                    || JsonataTokens.keyword(segment)) {
                return null;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    /** Whether anything but blanks (a comment) stands between tokens {@code [from, to)}. */
    private static boolean gapsHaveText(String text, List<JsonataTokens.Token> tokens, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (!onlyBlank(text, tokens.get(i - 1).end(), tokens.get(i).start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyBlank(String text, int from, int to) {
        return text.substring(from, to).isBlank();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
