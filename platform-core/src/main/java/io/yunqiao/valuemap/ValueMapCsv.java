package io.yunqiao.valuemap;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Value-map files as Excel reads and writes them: two columns 源值,目标值, comma separated (or tab separated, as
 * Excel's "Unicode text"), quoted as RFC 4180 says, an optional header row, and the encodings Excel produces on a
 * Chinese Windows (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM).
 */
final class ValueMapCsv {

    /** The header row an export writes and an import recognises (also in English). */
    static final String SOURCE_HEADER = "源值";
    static final String TARGET_HEADER = "目标值";
    private static final Set<String> SOURCE_HEADERS = Set.of("源值", "源", "原值", "来源值", "源编码", "source", "key",
            "source value");
    private static final Set<String> TARGET_HEADERS = Set.of("目标值", "目标", "映射值", "目标编码", "target", "value",
            "target value");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Refused lines kept: enough to fix a file, bounded for a hostile one. */
    private static final int MOST_REFUSED = 200;

    /**
     * What a file held.
     *
     * @param entries  source value → target value, in file order
     * @param encoding the encoding the file was read in, e.g. {@code UTF-8 (BOM)} or {@code GB18030}
     * @param header   whether the first row was a header and skipped
     */
    record Read(Map<String, String> entries, String encoding, boolean header) {
    }

    private ValueMapCsv() {
    }

    /**
     * The entries of a file, or a refusal naming every wrong line (duplicate or empty source values, too many
     * columns, values too long).
     */
    static Read read(byte[] file, InputLimits limits) {
        Decoded decoded = decode(file);
        List<Row> rows = rows(decoded.text());
        List<ValueMapFileRefused.Line> refused = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean header = false;
        boolean first = true;
        for (Row row : rows) {
            if (row.blank()) {
                continue;
            }
            List<String> fields = row.fields();
            if (first) {
                first = false;
                if (fields.size() >= 2 && isHeader(fields.get(0), SOURCE_HEADERS)
                        && isHeader(fields.get(1), TARGET_HEADERS)) {
                    header = true;
                    continue;
                }
            }
            if (refused.size() >= MOST_REFUSED) {
                break;
            }
            int columns = columns(fields);
            if (columns < 2) {
                refused.add(line(row.line(), "problem.valuemap.csvOneColumn"));
                continue;
            }
            if (columns > 2) {
                refused.add(line(row.line(), "problem.valuemap.csvColumns", columns));
                continue;
            }
            String key = unguarded(fields.get(0));
            String value = unguarded(fields.get(1));
            if (key.isEmpty()) {
                refused.add(line(row.line(), "problem.valuemap.csvEmptyKey"));
            } else if (key.length() > limits.valueMapKeyLength()) {
                refused.add(line(row.line(), "problem.valuemap.csvKeyTooLong", key.length(),
                        limits.valueMapKeyLength()));
            } else if (value.length() > limits.valueMapValueLength()) {
                refused.add(line(row.line(), "problem.valuemap.csvValueTooLong", ValueMapTables.abbreviated(key),
                        value.length(), limits.valueMapValueLength()));
            } else if (key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                refused.add(line(row.line(), "problem.valuemap.csvNul"));
            } else if (firstLine.containsKey(key)) {
                refused.add(line(row.line(), "problem.valuemap.csvDuplicate", ValueMapTables.abbreviated(key),
                        String.valueOf(firstLine.get(key))));
            } else {
                firstLine.put(key, row.line());
                entries.put(key, value);
            }
        }
        if (!refused.isEmpty()) {
            throw new ValueMapFileRefused(refused);
        }
        if (entries.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "file", "problem.valuemap.csvEmpty");
        }
        if (entries.size() > limits.valueMapEntries()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "file", "problem.limit.valueMapEntries", entries.size(),
                    limits.valueMapEntries(), "yunqiao.limits.value-map-entries");
        }
        return new Read(entries, decoded.encoding(), header);
    }

    /**
     * The entries as UTF-8 with a BOM (so Excel shows Chinese) and a header row. A cell that a spreadsheet would
     * take for a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, which
     * {@link #read} removes again.
     */
    static byte[] write(Map<String, String> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(SOURCE_HEADER).append(',').append(TARGET_HEADER)
                .append("\r\n");
        entries.forEach((key, value) -> csv.append(cell(key)).append(',').append(cell(value)).append("\r\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        String guarded = formulaLike(value) ? "'" + value : value;
        boolean quote = guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0
                || guarded.indexOf('\r') >= 0 || !guarded.equals(guarded.strip());
        return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
    }

    private static boolean formulaLike(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A cell as written: the apostrophe {@link #write} put before a formula-like value removed. */
    private static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && formulaLike(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean isHeader(String cell, Set<String> names) {
        return names.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    /** Columns up to the last non-empty one: Excel writes empty trailing cells as trailing commas. */
    private static int columns(List<String> fields) {
        int columns = fields.size();
        while (columns > 2 && fields.get(columns - 1).isEmpty()) {
            columns--;
        }
        return columns;
    }

    private static ValueMapFileRefused.Line line(int line, String code, Object... params) {
        List<Object> all = new ArrayList<>();
        all.add(String.valueOf(line));
        all.addAll(List.of(params));
        return new ValueMapFileRefused.Line(line, code, all);
    }

    // ---- encodings ----

    record Decoded(String text, String encoding) {
    }

    /**
     * The text of a file: a byte-order mark says the encoding; else a file that is valid UTF-8 is UTF-8 (Chinese text
     * in GBK is almost never valid UTF-8); else GB18030, which includes GBK and GB2312.
     */
    static Decoded decode(byte[] file) {
        if (startsWith(file, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(StandardCharsets.UTF_8, file, 3), "UTF-8 (BOM)");
        }
        if (startsWith(file, 0xFF, 0xFE)) {
            return new Decoded(strict(StandardCharsets.UTF_16LE, file, 2), "UTF-16LE (BOM)");
        }
        if (startsWith(file, 0xFE, 0xFF)) {
            return new Decoded(strict(StandardCharsets.UTF_16BE, file, 2), "UTF-16BE (BOM)");
        }
        try {
            return new Decoded(decodeStrictly(StandardCharsets.UTF_8, file, 0), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(strict(GB18030, file, 0), "GB18030");
        }
    }

    private static String strict(Charset charset, byte[] file, int offset) {
        try {
            return decodeStrictly(charset, file, offset);
        } catch (CharacterCodingException e) {
            throw Problem.coded(Problem.Kind.INVALID, "file", "problem.valuemap.csvEncoding", charset.name());
        }
    }

    private static String decodeStrictly(Charset charset, byte[] file, int offset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(file, offset, file.length - offset)).toString();
    }

    private static boolean startsWith(byte[] file, int... prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((file[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- rows ----

    /** One row of the file and the line it starts on. */
    record Row(int line, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The rows of CSV text: quoted fields may hold the separator, doubled quotes and line breaks. */
    static List<Row> rows(String text) {
        char separator = separator(text);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                    continue;
                }
                if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                    line++;
                }
                field.append(c);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ValueMapFileRefused(List.of(line(rowLine, "problem.valuemap.csvUnclosedQuote")));
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** A comma, unless the first line has tabs and no comma (Excel's "Unicode text"). */
    private static char separator(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String first = text.substring(0, end);
        return first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
    }
}
