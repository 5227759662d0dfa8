package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping as a table (映射表): one {@link MappingRow} per target field, read from and written back to a JSONata
 * object constructor {@code { "customerCode": supplierid_number, ... }}.
 *
 * <p>Reading keeps the text's layout — what stands before the {@code {} and after the {@code }}, the blanks and
 * comments between fields, the key as written — so that {@link #write()} of a table whose rows did not change gives
 * the original text byte for byte, and a changed row changes only its own value. New rows are written
 * {@code "name": value} on a line of their own, with the indentation of the first field. Every value stays: one the
 * table cannot show is an {@link MappingRow.Kind#EXPRESSION} row with its exact text.
 *
 * <p>An expression that is not one object constructor (a block, a conditional at the top, an object followed by a
 * path step) has no table: {@link #read} refuses it with a coded reason and the JSONata editor stays the way to edit
 * it. Comments and blanks around the braces are fine. A blank expression reads as an empty table.
 *
 * <p>Bounded work: one linear scan, at most {@value #MAX_LENGTH} characters and {@link JsonataTokens#MAX_DEPTH}
 * levels of brackets.
 */
public final class MappingTable {

    /** The longest expression a table is read from. */
    public static final int MAX_LENGTH = 200_000;

    /** How a new field is indented when the expression had none to copy. */
    private static final String NEW_LINE = "\n  ";

    /**
     * One field as it stood in the text.
     *
     * @param leading    blanks and comments between the previous comma (or the brace) and the key
     * @param key        the key as written, through the colon and the blanks after it: {@code "phone": }
     * @param row        the row
     * @param trailing   blanks between the value and the next comma
     */
    private record Entry(String leading, String key, MappingRow row, String trailing) {
    }

    private final String before;
    private final List<Entry> entries;
    private final String beforeClose;
    private final String after;
    private final boolean blank;

    private MappingTable(String before, List<Entry> entries, String beforeClose, String after, boolean blank) {
        this.before = before;
        this.entries = List.copyOf(entries);
        this.beforeClose = beforeClose;
        this.after = after;
        this.blank = blank;
    }

    /** A table without rows; written, it is an empty text until a row is added. */
    public static MappingTable empty() {
        return new MappingTable("", List.of(), "\n", "", true);
    }

    /**
     * Reads a JSONata object constructor into a table.
     *
     * @throws Problem coded {@code problem.table.*}: {@code tooLarge}, {@code notObject} (not one object
     *                 constructor), {@code unbalanced} (a quote, comment or bracket not closed, with line and column),
     *                 {@code tooDeep}, {@code notField} (a key that is computed), {@code duplicateKey}
     */
    public static MappingTable read(String expression) {
        String text = expression == null ? "" : expression;
        if (text.isBlank()) {
            return new MappingTable(text, List.of(), "\n", "", true);
        }
        if (text.length() > MAX_LENGTH) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "mapping", "problem.table.tooLarge", MAX_LENGTH);
        }
        JsonataTokens.Scan scan = JsonataTokens.scan(text);
        if (!scan.ok()) {
            if (scan.fault() == JsonataTokens.Fault.TOO_DEEP) {
                throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.tooDeep",
                        JsonataTokens.MAX_DEPTH);
            }
            TextPosition at = TextPosition.of(text, scan.culprit());
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.unbalanced", at.line(), at.column());
        }
        List<JsonataTokens.Token> tokens = scan.tokens();
        JsonataTokens.Token first = tokens.get(0);
        JsonataTokens.Token last = tokens.get(tokens.size() - 1);
        if (!first.is(text, "{") || !last.is(text, "}") || tokens.subList(1, tokens.size() - 1).stream()
                .anyMatch(t -> t.depth() == 0)) {
            throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.notObject");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        int i = 1;
        int fieldStart = first.end();
        String beforeClose;
        if (tokens.size() == 2) {
            beforeClose = text.substring(first.end(), last.start());
        } else {
            while (true) {
                JsonataTokens.Token key = tokens.get(i);
                JsonataTokens.Token colon = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                if (key.kind() != JsonataTokens.Kind.STRING || colon == null || !colon.is(text, ":")) {
                    TextPosition at = TextPosition.of(text, key.start());
                    throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.notField", at.line(),
                            at.column());
                }
                String target = JsonataTokens.unquote(key.text(text));
                if (!targets.add(target)) {
                    TextPosition at = TextPosition.of(text, key.start());
                    throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.duplicateKey", target,
                            at.line(), at.column());
                }
                int j = i + 2;
                while (j < tokens.size() - 1 && !(tokens.get(j).depth() == 1 && tokens.get(j).is(text, ","))) {
                    j++;
                }
                if (j == i + 2) {
                    TextPosition at = TextPosition.of(text, colon.start());
                    throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.noValue", target, at.line(),
                            at.column());
                }
                int valueStart = valueStart(text, colon.end(), tokens.get(i + 2).start());
                int separator = tokens.get(j).start();
                String value = text.substring(valueStart, separator).stripTrailing();
                int valueEnd = valueStart + value.length();
                MappingRow row = MappingRow.of(target, value);
                boolean lastEntry = j == tokens.size() - 1;
                entries.add(new Entry(text.substring(fieldStart, key.start()), text.substring(key.start(), valueStart),
                        row, lastEntry ? "" : text.substring(valueEnd, separator)));
                if (lastEntry) {
                    beforeClose = text.substring(valueEnd, separator);
                    break;
                }
                fieldStart = tokens.get(j).end();
                i = j + 1;
                if (i == tokens.size() - 1) {
                    // a trailing comma: JSONata refuses it, the table keeps it out of the rows but in the text
                    beforeClose = "," + text.substring(fieldStart, last.start());
                    break;
                }
            }
        }
        return new MappingTable(text.substring(0, first.start()), entries, beforeClose, text.substring(last.end()),
                false);
    }

    /** The value starts after the colon's blanks, or at a comment before the first token. */
    private static int valueStart(String text, int afterColon, int firstToken) {
        int start = afterColon;
        while (start < firstToken && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }

    /** The rows, in the order of the fields. */
    public List<MappingRow> rows() {
        return entries.stream().map(Entry::row).toList();
    }

    /** The row of a target field, if the table has one. */
    public Optional<MappingRow> row(String target) {
        return entries.stream().map(Entry::row).filter(r -> r.target().equals(target)).findFirst();
    }

    /**
     * This table with other rows, in their order. A row whose target the table had keeps that field's place in the
     * layout (its key as written, the comments before it); a new one is written on a line of its own.
     *
     * @throws Problem {@code problem.table.duplicateKey} when two rows have the same target
     */
    public MappingTable withRows(List<MappingRow> rows) {
        Map<String, Entry> old = new LinkedHashMap<>();
        entries.forEach(e -> old.put(e.row().target(), e));
        Set<String> seen = new HashSet<>();
        List<Entry> changed = new ArrayList<>();
        for (MappingRow row : rows) {
            if (!seen.add(row.target())) {
                throw Problem.coded(Problem.Kind.INVALID, "mapping", "problem.table.duplicateKey", row.target(), 0,
                        0);
            }
            Entry was = old.get(row.target());
            changed.add(was == null ? new Entry(newLeading(), MappingRow.json(TextNode.valueOf(row.target())) + ": ",
                    row, "") : new Entry(was.leading(), was.key(), row, was.trailing()));
        }
        if (blank) {
            // a blank text with rows becomes a fresh object; without rows it stays the text it was
            return changed.isEmpty() ? this : new MappingTable("", changed, "\n", "", false);
        }
        String close = entries.isEmpty() && !changed.isEmpty() && beforeClose.isBlank() ? "\n" : beforeClose;
        return new MappingTable(before, changed, close, after, false);
    }

    /** This table with one row set: replaced where the target was, else added at the end. */
    public MappingTable with(MappingRow row) {
        List<MappingRow> rows = new ArrayList<>(rows());
        int at = indexOf(row.target());
        if (at < 0) {
            rows.add(row);
        } else {
            rows.set(at, row);
        }
        return withRows(rows);
    }

    /** This table without the row of a target (unchanged when there is none). */
    public MappingTable without(String target) {
        List<MappingRow> rows = new ArrayList<>(rows());
        rows.removeIf(r -> r.target().equals(target));
        return withRows(rows);
    }

    private int indexOf(String target) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).row().target().equals(target)) {
                return i;
            }
        }
        return -1;
    }

    /** The indentation of the first field when it is plain blanks on a new line, else two spaces. */
    private String newLeading() {
        if (!entries.isEmpty()) {
            String leading = entries.get(0).leading();
            if (leading.isBlank() && leading.contains("\n")) {
                return leading.substring(leading.lastIndexOf('\n'));
            }
            if (leading.isBlank()) {
                return leading.isEmpty() ? " " : leading;
            }
        }
        return NEW_LINE;
    }

    /**
     * The target field whose value holds a spot of {@link #write()}'s text (1-based line and column, as a syntax
     * error gives it), so a problem can be shown on its row; empty when the spot is outside every value.
     */
    public Optional<String> targetAt(int line, int column) {
        String text = write();
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return Optional.empty();
            }
            offset = newline + 1;
        }
        offset += column - 1;
        if (blank || line < 1 || column < 1) {
            return Optional.empty();
        }
        int at = before.length() + 1;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            at += entry.leading().length() + entry.key().length();
            int end = at + entry.row().expression().length();
            if (offset >= at && offset <= end) {
                return Optional.of(entry.row().target());
            }
            at = end + (i < entries.size() - 1 ? entry.trailing().length() + 1 : 0);
        }
        return Optional.empty();
    }

    /** The JSONata text: the original layout where rows kept their place, new rows one per line. */
    public String write() {
        if (blank && entries.isEmpty()) {
            return before;
        }
        StringBuilder text = new StringBuilder(before.length() + 64 * entries.size());
        text.append(before).append('{');
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            text.append(entry.leading()).append(entry.key()).append(entry.row().expression());
            if (i < entries.size() - 1) {
                text.append(entry.trailing()).append(',');
            }
        }
        text.append(beforeClose).append('}').append(after);
        return text.toString();
    }

    @Override
    public String toString() {
        return write();
    }
}
