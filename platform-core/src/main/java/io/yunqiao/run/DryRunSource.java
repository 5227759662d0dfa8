package io.yunqiao.run;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dry run maps and validates: the incremental window (as every dry run did before), the solution's last N
 * staged records, or a pasted sample of records. The last two read nothing from the source and stage nothing: a dry
 * run after the first run then still tests real records.
 *
 * @param kind    which of the three
 * @param last    for {@link Kind#LAST_STAGED}: how many of the newest staged records, 1 to {@value #MAX_LAST}
 * @param records for {@link Kind#SAMPLE}: the pasted records, each a JSON object
 */
public record DryRunSource(Kind kind, int last, List<JsonNode> records) {

    /** At most this many staged records, and this many pasted ones. */
    public static final int MAX_LAST = 100;

    /** A pasted sample holds at most this many bytes (UTF-8). */
    public static final int MAX_SAMPLE_BYTES = 256 * 1024;

    /** The incremental window: fetch from the checkpoint to now, as a real run would, and stage nothing. */
    public static final DryRunSource WINDOW = new DryRunSource(Kind.WINDOW, 0, List.of());

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public DryRunSource {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** The three sources. */
    public enum Kind {
        /** 增量窗口 */
        WINDOW,
        /** 最近 N 条已暂存 */
        LAST_STAGED,
        /** 粘贴样例 */
        SAMPLE
    }

    /**
     * What a run request asks for: {@code null} for a real run, else the dry run's source.
     *
     * @param dryRun whether to dry-run
     * @param last   the number of newest staged records to try, or {@code null}
     * @param sample pasted records, or {@code null}
     * @throws Problem {@code problem.dryrun.oneSource} for both, {@code problem.dryrun.notDry} for either without a
     *                 dry run, and the refusals of {@link #lastStaged} and {@link #sample}
     */
    public static DryRunSource of(boolean dryRun, Integer last, String sample) {
        if (last != null && sample != null) {
            throw Problem.coded(Problem.Kind.INVALID, "sample", "problem.dryrun.oneSource");
        }
        if (!dryRun) {
            if (last != null || sample != null) {
                throw Problem.coded(Problem.Kind.INVALID, last != null ? "last" : "sample", "problem.dryrun.notDry");
            }
            return null;
        }
        return last != null ? lastStaged(last) : sample != null ? sample(sample) : WINDOW;
    }

    /**
     * The newest {@code n} staged records of the solution.
     *
     * @throws Problem {@code problem.dryrun.lastOutOfRange} unless 1 ≤ n ≤ {@value #MAX_LAST}
     */
    public static DryRunSource lastStaged(int n) {
        if (n < 1 || n > MAX_LAST) {
            throw Problem.coded(Problem.Kind.INVALID, "last", "problem.dryrun.lastOutOfRange", String.valueOf(n),
                    String.valueOf(MAX_LAST));
        }
        return new DryRunSource(Kind.LAST_STAGED, n, List.of());
    }

    /**
     * Pasted records: one JSON object, or an array of at most {@value #MAX_LAST} objects.
     *
     * @throws Problem {@code problem.dryrun.sampleEmpty}, {@code sampleTooLarge} (413), {@code sampleBadJson} (with
     *                 line and column), {@code sampleNotRecords} or {@code sampleTooMany}
     */
    public static DryRunSource sample(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "sample", "problem.dryrun.sampleEmpty");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SAMPLE_BYTES) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "sample", "problem.dryrun.sampleTooLarge",
                    String.valueOf(bytes), String.valueOf(MAX_SAMPLE_BYTES));
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JsonParseException e) {
            throw Problem.coded(Problem.Kind.INVALID, "sample", "problem.dryrun.sampleBadJson",
                    String.valueOf(e.getLocation().getLineNr()), String.valueOf(e.getLocation().getColumnNr()),
                    e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw Problem.coded(Problem.Kind.INVALID, "sample", "problem.dryrun.sampleBadJson", "?", "?",
                    e.getOriginalMessage());
        }
        List<JsonNode> records = new ArrayList<>();
        if (parsed != null && parsed.isObject()) {
            records.add(parsed);
        } else if (parsed != null && parsed.isArray()) {
            if (parsed.size() > MAX_LAST) {
                throw Problem.coded(Problem.Kind.TOO_LARGE, "sample", "problem.dryrun.sampleTooMany",
                        String.valueOf(parsed.size()), String.valueOf(MAX_LAST));
            }
            for (int i = 0; i < parsed.size(); i++) {
                if (!parsed.get(i).isObject()) {
                    throw Problem.coded(Problem.Kind.INVALID, "sample[" + i + "]", "problem.dryrun.sampleNotRecords",
                            String.valueOf(i + 1));
                }
                records.add(parsed.get(i));
            }
        }
        if (records.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "sample", "problem.dryrun.sampleNotRecords", "1");
        }
        return new DryRunSource(Kind.SAMPLE, 0, records);
    }
}
