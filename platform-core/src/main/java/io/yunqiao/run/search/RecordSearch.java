package io.yunqiao.run.search;

import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.search.FoundRecord.Appearance;
import io.yunqiao.run.search.FoundRecord.Key;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds staged records by business key across every solution and run (docs/user-guide.md, "按单据编号查找"): the
 * bill number (code), the source key or the target key equals the text, or starts with it.
 *
 * <p>Every look-up is one index range (V16): {@code key = ?} or {@code key LIKE 'text%'} with the text's own
 * wildcards escaped, never a leading wildcard, and each reads at most {@link #LIMIT} + 1 rows, so a search costs
 * the same at a thousand records as at a million, however many match. Records are found in the staging table
 * (one row per record, its current state); the runs each appears in come from the record log, by the record's id.
 * Plain SQL that runs unchanged on H2 and PostgreSQL.
 */
@Service
@Transactional(readOnly = true)
public class RecordSearch {

    /** The most records one search lists; more match means the text should be longer. */
    public static final int LIMIT = 200;

    /** The most runs listed per record. */
    public static final int RUNS_PER_RECORD = 20;

    /** The most record log rows read for one answer (newest first): bounds a search whatever records it finds. */
    static final int LOGS_READ = 4000;

    private static final String COLUMNS = "id, solution_id, source_key, code, target_key, status, last_run_id,"
            + " updated_at";

    private static final Map<Key, String> COLUMN_OF = Map.of(Key.CODE, "code", Key.SOURCE_KEY, "source_key",
            Key.TARGET_KEY, "target_key");

    private final JdbcTemplate jdbc;

    RecordSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The SQL that looks {@code key} up; package-visible so that tests can ask the databases for its plan. */
    static String lookupSql(Key key, SearchQuery.Match match) {
        String column = COLUMN_OF.get(key);
        return "select " + COLUMNS + " from yq_source_record where " + column
                + (match == SearchQuery.Match.EXACT ? " = ?" : " like ? escape '\\'") + " limit " + (LIMIT + 1);
    }

    /** The records that {@code query} finds, exact matches first, then the most recently changed. */
    public FoundRecords find(SearchQuery query) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (String variant : query.variants()) {
            String argument = query.match() == SearchQuery.Match.EXACT ? variant : SearchQuery.prefixPattern(variant);
            for (Key key : Key.values()) {
                for (Row row : jdbc.query(lookupSql(key, query.match()), RecordSearch::row, argument)) {
                    Row known = rows.computeIfAbsent(row.id, id -> row);
                    known.matchedBy.add(key);
                    if (variant.equals(row.value(key))) {
                        known.exact = true;
                    }
                }
            }
        }
        boolean more = rows.size() > LIMIT;
        List<Row> shown = rows.values().stream()
                .sorted(Comparator.comparing((Row r) -> !r.exact).thenComparing(r -> r.updatedAt,
                        Comparator.reverseOrder()).thenComparing(r -> r.id, Comparator.reverseOrder()))
                .limit(LIMIT).toList();
        Map<Long, String> names = solutionNames(shown.stream().map(r -> r.solutionId).distinct().toList());
        Map<Long, List<Appearance>> appearances = new HashMap<>();
        boolean logsCut = appearances(shown.stream().map(r -> r.id).toList(), appearances);
        List<FoundRecord> found = new ArrayList<>(shown.size());
        for (Row row : shown) {
            List<Appearance> runs = new ArrayList<>(appearances.getOrDefault(row.id, List.of()));
            if (row.lastRunId != null && runs.stream().noneMatch(a -> a.runId() == row.lastRunId)) {
                // a log level that keeps no entry for written records: the record's last run is still known
                runs.add(new Appearance(row.lastRunId, null, null, null));
            }
            runs.sort(Comparator.comparingLong(Appearance::runId).reversed());
            boolean moreRuns = logsCut || runs.size() > RUNS_PER_RECORD;
            found.add(new FoundRecord(row.id, row.solutionId, names.get(row.solutionId), row.code, row.sourceKey,
                    row.targetKey, row.status, row.updatedAt, Collections.unmodifiableSet(EnumSet.copyOf(row.matchedBy)), row.exact,
                    List.copyOf(runs.subList(0, Math.min(RUNS_PER_RECORD, runs.size()))), moreRuns));
        }
        return new FoundRecords(query, List.copyOf(found), more, LIMIT);
    }

    private Map<Long, String> solutionNames(List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from yq_solution where id in (" + placeholders(ids) + ")",
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    }, ids.toArray());
        }
        return names;
    }

    /**
     * Fills {@code into} with the record log entries of these records, newest first; answers whether
     * {@link #LOGS_READ} cut them short.
     */
    private boolean appearances(List<Long> recordIds, Map<Long, List<Appearance>> into) {
        if (recordIds.isEmpty()) {
            return false;
        }
        int[] read = {0};
        jdbc.query("select id, run_id, source_record_id, status, created_at from yq_record_log where source_record_id"
                + " in (" + placeholders(recordIds) + ") order by id desc limit " + (LOGS_READ + 1), rs -> {
                    if (++read[0] > LOGS_READ) {
                        return;
                    }
                    into.computeIfAbsent(rs.getLong(3), id -> new ArrayList<>()).add(new Appearance(rs.getLong(2),
                            rs.getLong(1), RecordStatus.valueOf(rs.getString(4)), instant(rs, 5)));
                }, recordIds.toArray());
        return read[0] > LOGS_READ;
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        long lastRun = rs.getLong(7);
        Long lastRunId = rs.wasNull() ? null : lastRun;
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                RecordStatus.valueOf(rs.getString(6)), lastRunId, instant(rs, 8));
    }

    /** A record as the look-ups read it, with what matched. */
    private static final class Row {

        final long id;
        final long solutionId;
        final String sourceKey;
        final String code;
        final String targetKey;
        final RecordStatus status;
        final Long lastRunId;
        final Instant updatedAt;
        final Set<Key> matchedBy = EnumSet.noneOf(Key.class);
        boolean exact;

        Row(long id, long solutionId, String sourceKey, String code, String targetKey, RecordStatus status,
                Long lastRunId, Instant updatedAt) {
            this.id = id;
            this.solutionId = solutionId;
            this.sourceKey = sourceKey;
            this.code = code;
            this.targetKey = targetKey;
            this.status = status;
            this.lastRunId = lastRunId;
            this.updatedAt = updatedAt;
        }

        String value(Key key) {
            return switch (key) {
                case CODE -> code;
                case SOURCE_KEY -> sourceKey;
                case TARGET_KEY -> targetKey;
            };
        }
    }
}
