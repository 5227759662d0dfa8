package io.yunqiao.limit;

import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.problem.Problem;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The size limits of every input ({@code yunqiao.limits.*}), so that no request, name, mapping or table can grow
 * without bound: a refusal names the limit and its value, and nothing is stored.
 *
 * @param requestBody         largest body of a REST API request (413 above)
 * @param importFile          largest solution JSON file imported on the solutions screen or by the REST API
 * @param nameLength          longest name of a solution, connection, user or value map, in characters
 * @param descriptionLength   longest description or version comment, in characters
 * @param mappingLength       longest JSONata mapping (or dedupe key expression), in characters; bounds the
 *                            parse time, which grows faster than the length
 * @param mappingTime         time budget of one mapping evaluation (one record, one preview)
 * @param valueMapEntries     most entries of one value map
 * @param valueMapKeyLength   longest key of a value map entry, in characters
 * @param valueMapValueLength longest value of a value map entry, in characters
 * @param pageSize            most records one page of a paged REST answer holds
 * @param maxPage             highest page number of a paged REST answer (counted from 0)
 * @param minScheduleInterval shortest time between two fire times of a solution's schedule
 * @param definitionBytes     largest connector definition stored in the platform (its YAML or JSON text)
 */
@ConfigurationProperties("yunqiao.limits")
public record InputLimits(
        @DefaultValue("1MB") DataSize requestBody,
        @DefaultValue("1MB") DataSize importFile,
        @DefaultValue("100") int nameLength,
        @DefaultValue("2000") int descriptionLength,
        @DefaultValue("32768") int mappingLength,
        @DefaultValue("10s") Duration mappingTime,
        @DefaultValue("10000") int valueMapEntries,
        @DefaultValue("300") int valueMapKeyLength,
        @DefaultValue("1000") int valueMapValueLength,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("100000") int maxPage,
        @DefaultValue("1m") Duration minScheduleInterval,
        @DefaultValue("256KB") DataSize definitionBytes) {

    /** The defaults, as {@code application.yml} documents them. */
    public static final InputLimits DEFAULTS = new InputLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), 100,
            2000, 32768, Duration.ofSeconds(10), 10000, 300, 1000, 1000, 100000, Duration.ofMinutes(1),
            DataSize.ofKilobytes(256));

    public InputLimits {
        if (requestBody.toBytes() < 1 || importFile.toBytes() < 1 || nameLength < 1 || descriptionLength < 1
                || mappingLength < 1 || mappingTime.isNegative() || mappingTime.isZero() || valueMapEntries < 1
                || valueMapKeyLength < 1 || valueMapValueLength < 1 || pageSize < 1 || maxPage < 0
                || minScheduleInterval.isNegative() || definitionBytes.toBytes() < 1) {
            throw new IllegalArgumentException("yunqiao.limits.* must be positive: " + this);
        }
    }

    /**
     * Refuses a name that is too long or holds a control character (NUL, line breaks, tabs, ...): names are shown
     * in lists, logs and file names, where such characters break lines or hide text. Blank names are the caller's
     * business (each says what the name is for).
     */
    public void checkName(String field, String name) {
        if (name == null) {
            return;
        }
        if (name.length() > nameLength) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.limit.nameTooLong", field, nameLength,
                    name.length(), "yunqiao.limits.name-length");
        }
        int at = firstControl(name, false);
        if (at >= 0) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.limit.nameControl", field, at + 1,
                    String.format("U+%04X", (int) name.charAt(at)));
        }
    }

    /** Refuses a description or comment that is too long or holds a control character other than line breaks and tabs. */
    public void checkDescription(String field, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > descriptionLength) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.limit.descriptionTooLong", field,
                    descriptionLength, text.length(), "yunqiao.limits.description-length");
        }
        int at = firstControl(text, true);
        if (at >= 0) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.limit.textControl", field, at + 1,
                    String.format("U+%04X", (int) text.charAt(at)));
        }
    }

    /** Refuses a mapping expression longer than {@link #mappingLength}, before it is parsed. */
    public void checkMapping(String field, String expression) {
        if (expression != null && expression.length() > mappingLength) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, field, "problem.limit.mappingTooLarge", field, mappingLength,
                    expression.length(), "yunqiao.limits.mapping-length");
        }
    }

    /** {@code engine} with {@link #mappingLength} checked before every parse. */
    public MappingEngine capped(MappingEngine engine) {
        return new CappedMappingEngine(engine, this);
    }

    /** Refuses a page number or page size outside 0..{@link #maxPage} and 1..{@link #pageSize}. */
    public void checkPage(int page, int size) {
        if (page < 0 || page > maxPage) {
            throw Problem.coded(Problem.Kind.INVALID, "page", "problem.limit.page", page, maxPage,
                    "yunqiao.limits.max-page");
        }
        if (size < 1 || size > pageSize) {
            throw Problem.coded(Problem.Kind.INVALID, "size", "problem.limit.pageSize", size, pageSize,
                    "yunqiao.limits.page-size");
        }
    }

    /**
     * The first control character (Unicode category Cc, plus the line and paragraph separators and the
     * bidirectional overrides that reorder what a reader sees), or -1.
     */
    static int firstControl(String text, boolean allowLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069') {
                return i;
            }
        }
        return -1;
    }
}
