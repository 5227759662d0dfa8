package io.yunqiao.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.TimeFormat;
import io.yunqiao.solution.SolutionSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clean-up (清理) of what solutions no longer need (docs/operations.md, "Retention"), solution by solution:
 * <ul>
 * <li>record logs older than the solution's record-log days, except every log of a record that is not resolved
 * (FAILED, UNCONFIRMED, PENDING, PROCESSING): the operator reads them to re-push it;</li>
 * <li>the staged content of records written (SUCCESS, SKIPPED) more than the content days ago; the record's row stays
 * (its key and content hash tell a duplicate from a change), and so does everything of a record not written. A
 * solution that another solution's mapping reads with {@code $lookup("name", …)} keeps its content: the look-up reads
 * it;</li>
 * <li>runs that found nothing (SUCCESS or SKIPPED, every count 0, no log) from before the last empty-runs days:
 * the last of each day (Beijing time) stays, the others go; a run continuing an interrupted one stays.</li>
 * </ul>
 * Run rows with records stay, with their counts; written target keys stay (deleting them would write duplicates).
 * Everything is deleted in statements of at most {@link RetentionSettings#batchSize()} rows, each its own short
 * transaction, so a large backlog never holds locks for long. Safe while runs write: content goes only in a
 * transaction that has locked the record's row and found it still written, so a record staged again meanwhile keeps
 * its new content.
 */
@Component
public class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNRESOLVED = "('FAILED', 'UNCONFIRMED', 'PENDING', 'PROCESSING')";
    private static final String WRITTEN = "('SUCCESS', 'SKIPPED')";
    private static final String EMPTY_RUN = "status in ('SUCCESS', 'SKIPPED') and fetched = 0 and written = 0"
            + " and skipped = 0 and failed = 0 and carried = 0 and unconfirmed = 0 and unchanged = 0"
            + " and valid_count = 0 and ended_at is not null"
            // a run continuing an interrupted one is kept: the interrupted run links to it
            + " and continues_run_id is null";
    /** Run ids asked about in one statement. */
    private static final int RUNS_AT_ONCE = 100;
    /** A progress line in the log at least every this many rows of one kind. */
    private static final long PROGRESS_EVERY = 10_000;
    /** {@code $lookup("solution name", …)} with the name as a string literal. */
    private static final Pattern LOOKUP = Pattern.compile("\\$lookup\\s*\\(\\s*([\"'])(.*?)\\1\\s*,");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetentionSettings settings;
    private final ApplicationEventPublisher events;
    private final ReentrantLock running = new ReentrantLock();

    Housekeeping(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            RetentionSettings settings, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What one clean-up removed from one solution.
     *
     * @param recordLogs record logs deleted
     * @param contents   staged contents of written records deleted
     * @param emptyRuns  runs that found nothing deleted
     * @param lookedUp   whether its content was kept because another solution's mapping looks it up
     */
    public record Removed(long solutionId, String solution, long recordLogs, long contents, long emptyRuns,
            boolean lookedUp) {

        long total() {
            return recordLogs + contents + emptyRuns;
        }
    }

    /**
     * What a clean-up did, solution by solution (those it removed nothing from left out), with the totals (in the
     * REST answer too); published as an event when it ends.
     */
    public record Report(Instant startedAt, Instant endedAt, List<Removed> solutions) {

        @JsonProperty
        public long recordLogs() {
            return solutions.stream().mapToLong(Removed::recordLogs).sum();
        }

        @JsonProperty
        public long contents() {
            return solutions.stream().mapToLong(Removed::contents).sum();
        }

        @JsonProperty
        public long emptyRuns() {
            return solutions.stream().mapToLong(Removed::emptyRuns).sum();
        }
    }

    /**
     * Cleans up now, unless a clean-up is already running on this node (the scheduled one, or one an administrator
     * started): then empty. Quartz runs the scheduled clean-up on one node of a cluster at a time; one started by
     * hand on another node at the same moment is harmless, only wasted work (every delete checks its conditions
     * again).
     */
    public Optional<Report> cleanUp() {
        if (!running.tryLock()) {
            LOG.info("housekeeping: a clean-up is already running on this node");
            return Optional.empty();
        }
        try {
            Report report = cleanUp(clock.instant());
            events.publishEvent(report);
            return Optional.of(report);
        } finally {
            running.unlock();
        }
    }

    /** Whether a clean-up is running on this node. */
    public boolean isRunning() {
        return running.isLocked();
    }

    Report cleanUp(Instant now) {
        LOG.info("housekeeping: clean-up started (record logs {} days, content {} days, empty runs {} days; a solution"
                + " may keep its own)", settings.recordLogDays(), settings.contentDays(), settings.emptyRunsDays());
        List<SolutionRow> solutions = jdbc.query("select s.id, s.name, v.spec from yq_solution s left join"
                + " yq_solution_version v on v.solution_id = s.id and v.version = s.current_version order by s.id",
                (row, n) -> new SolutionRow(row.getLong(1), row.getString(2), tree(row.getString(3))));
        Set<String> lookedUp = new HashSet<>();
        solutions.forEach(s -> lookedUpBy(s.spec(), lookedUp));
        Instant emptyRunsBefore = now.minus(settings.emptyRunsDays(), ChronoUnit.DAYS).atZone(TimeFormat.ZONE)
                .truncatedTo(ChronoUnit.DAYS).toInstant();
        List<Removed> removed = new ArrayList<>();
        for (SolutionRow solution : solutions) {
            SolutionSpec.Retention own = retention(solution.spec());
            Instant logsBefore = now.minus(settings.recordLogDays(own), ChronoUnit.DAYS);
            Instant contentBefore = now.minus(settings.contentDays(own), ChronoUnit.DAYS);
            boolean keepContent = lookedUp.contains(solution.name());
            long logs = part(solution, "record logs", () -> recordLogs(solution, logsBefore));
            long contents = keepContent ? 0 : part(solution, "staged contents", () -> contents(solution,
                    contentBefore));
            long runs = part(solution, "empty runs", () -> emptyRuns(solution, emptyRunsBefore));
            Removed done = new Removed(solution.id(), solution.name(), logs, contents, runs, keepContent);
            if (done.total() > 0) {
                removed.add(done);
            }
            LOG.info("housekeeping: solution {} ({}): {} record logs, {} staged contents, {} empty runs removed{}",
                    solution.id(), solution.name(), logs, contents, runs,
                    keepContent ? " (content kept: another solution looks it up)" : "");
        }
        Report report = new Report(now, clock.instant(), List.copyOf(removed));
        LOG.info("housekeeping: clean-up ended: {} record logs, {} staged contents, {} empty runs removed from {}"
                + " solutions", report.recordLogs(), report.contents(), report.emptyRuns(), removed.size());
        return report;
    }

    private record SolutionRow(long id, String name, JsonNode spec) {
    }

    /** One kind of clean-up of one solution; a database refusal is logged and the clean-up goes on with the next. */
    private static long part(SolutionRow solution, String kind, Count count) {
        try {
            return count.run();
        } catch (DataAccessException e) {
            LOG.warn("housekeeping: solution {} ({}): {} not cleaned up this time: {}", solution.id(),
                    solution.name(), kind, e.getMostSpecificCause().toString());
            return 0;
        }
    }

    @FunctionalInterface
    private interface Count {
        long run();
    }

    /** Record logs of the solution's runs created before {@code before}, but none of a record not yet resolved. */
    private long recordLogs(SolutionRow solution, Instant before) {
        List<Long> runIds = jdbc.queryForList("select id from yq_run where solution_id = ? and started_at < ? and"
                + " (fetched > 0 or written > 0 or skipped > 0 or failed > 0 or carried > 0 or unconfirmed > 0)"
                + " order by id", Long.class,
                solution.id(), at(before));
        long removed = 0;
        long reported = 0;
        for (int from = 0; from < runIds.size(); from += RUNS_AT_ONCE) {
            List<Long> chunk = runIds.subList(from, Math.min(runIds.size(), from + RUNS_AT_ONCE));
            String sql = "delete from yq_record_log where id in (select l.id from yq_record_log l where l.run_id in ("
                    + marks(chunk.size()) + ") and l.created_at < ? and not exists (select 1 from yq_source_record r"
                    + " where r.id = l.source_record_id and r.status in " + UNRESOLVED + ") fetch first "
                    + settings.batchSize() + " rows only)";
            List<Object> args = new ArrayList<>(chunk);
            args.add(at(before));
            int deleted;
            do {
                deleted = jdbc.update(sql, args.toArray());
                removed += deleted;
            } while (deleted == settings.batchSize());
            reported = progress(solution, "record logs", removed, reported);
        }
        return removed;
    }

    /**
     * Contents of records written before {@code before}. Each batch: candidates are read without locks, then locked
     * in a transaction that deletes the content only of those still written: a record a run has staged again since
     * (PENDING, with new content) is left alone, and a run that stages one while this holds its lock waits and then
     * stores the new content as a new row.
     */
    private long contents(SolutionRow solution, Instant before) {
        long removed = 0;
        long reported = 0;
        long afterId = 0;
        while (true) {
            List<Long> candidates = jdbc.queryForList("select r.id from yq_source_record r where r.solution_id = ?"
                    + " and r.status in " + WRITTEN + " and r.updated_at < ? and r.id > ? and (r.content is not null"
                    + " or exists (select 1 from yq_source_content c where c.record_id = r.id)) order by r.id"
                    + " fetch first " + settings.batchSize() + " rows only", Long.class, solution.id(), at(before),
                    afterId);
            if (candidates.isEmpty()) {
                return removed;
            }
            afterId = candidates.get(candidates.size() - 1);
            Integer deleted = transactions.execute(status -> {
                List<Long> locked = jdbc.queryForList("select id from yq_source_record where id in ("
                        + marks(candidates.size()) + ") and status in " + WRITTEN + " for update", Long.class,
                        candidates.toArray());
                if (locked.isEmpty()) {
                    return 0;
                }
                // checked again after the lock: what this statement reads is what was committed before it
                int contents = jdbc.update("delete from yq_source_content where record_id in (" + marks(locked.size())
                        + ") and exists (select 1 from yq_source_record r where r.id = yq_source_content.record_id"
                        + " and r.status in " + WRITTEN + ")", locked.toArray());
                int texts = jdbc.update("update yq_source_record set content = null where id in ("
                        + marks(locked.size()) + ") and content is not null and status in " + WRITTEN,
                        locked.toArray());
                return contents + texts;
            });
            removed += deleted == null ? 0 : deleted;
            reported = progress(solution, "staged contents", removed, reported);
        }
    }

    /**
     * Runs that found nothing and started before {@code before}: of each day's, the last stays. Read in
     * (started_at, id) order; a run is deleted once a later empty run of the same day has been seen.
     */
    private long emptyRuns(SolutionRow solution, Instant before) {
        long removed = 0;
        long reported = 0;
        OffsetDateTime afterTime = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long afterId = 0;
        Long keptId = null;
        LocalDate keptDay = null;
        List<Long> doomed = new ArrayList<>();
        while (true) {
            List<EmptyRun> page = jdbc.query("select id, started_at from yq_run where solution_id = ? and started_at < ?"
                    + " and " + EMPTY_RUN + " and (started_at > ? or (started_at = ? and id > ?))"
                    + " order by started_at, id fetch first 1000 rows only",
                    (row, n) -> new EmptyRun(row.getLong(1), row.getObject(2, OffsetDateTime.class)),
                    solution.id(), at(before), afterTime, afterTime, afterId);
            for (EmptyRun run : page) {
                LocalDate day = run.startedAt().atZoneSameInstant(TimeFormat.ZONE).toLocalDate();
                if (day.equals(keptDay)) {
                    doomed.add(keptId);
                }
                keptId = run.id();
                keptDay = day;
                if (doomed.size() >= settings.batchSize()) {
                    removed += deleteRuns(doomed);
                    doomed.clear();
                }
            }
            if (page.size() < 1000) {
                break;
            }
            EmptyRun last = page.get(page.size() - 1);
            afterTime = last.startedAt();
            afterId = last.id();
            reported = progress(solution, "empty runs", removed, reported);
        }
        removed += deleteRuns(doomed);
        return removed;
    }

    private record EmptyRun(long id, OffsetDateTime startedAt) {
    }

    /** Deletes these runs if they are still empty and have no log (the statement checks again). */
    private int deleteRuns(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from yq_run where id in (" + marks(ids.size()) + ") and " + EMPTY_RUN
                + " and not exists (select 1 from yq_record_log l where l.run_id = yq_run.id)", ids.toArray());
    }

    private static long progress(SolutionRow solution, String kind, long removed, long reported) {
        if (removed - reported >= PROGRESS_EVERY) {
            LOG.info("housekeeping: solution {} ({}): {} {} removed so far", solution.id(), solution.name(), removed,
                    kind);
            return removed;
        }
        return reported;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static JsonNode tree(String spec) {
        if (spec == null) {
            return null;
        }
        try {
            return JSON.readTree(spec);
        } catch (IOException e) {
            return null;
        }
    }

    /** A solution's own retention, or {@code null} (the platform's settings). */
    static SolutionSpec.Retention retention(JsonNode spec) {
        JsonNode own = spec == null ? null : spec.get("retention");
        if (own == null || !own.isObject()) {
            return null;
        }
        return new SolutionSpec.Retention(days(own.get("recordLogDays")), days(own.get("contentDays")));
    }

    /** A stored number of days, or {@code null}; one out of range (never saved so) is treated as absent. */
    private static Integer days(JsonNode value) {
        if (value == null || !value.canConvertToInt()) {
            return null;
        }
        int days = value.asInt();
        return days >= SolutionSpec.Retention.MIN_DAYS && days <= SolutionSpec.Retention.MAX_DAYS ? days : null;
    }

    /** Adds the solution names a spec's texts look up with {@code $lookup("name", …)}. */
    static void lookedUpBy(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            Matcher matcher = LOOKUP.matcher(node.asText());
            while (matcher.find()) {
                names.add(matcher.group(2));
            }
            return;
        }
        node.forEach(child -> lookedUpBy(child, names));
    }
}
