package io.yunqiao.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The disk each solution uses, estimated (docs/operations.md, "Disk used per solution"): the stored lengths of the
 * large columns (staged content, record-log bodies and messages; {@code octet_length} on H2 and PostgreSQL) plus a
 * fixed size per row for its header, narrow columns and index entries, measured on PostgreSQL (docs/benchmarks.md).
 * Measured in the background every {@code yunqiao.retention.disk-usage-refresh-minutes} and after each clean-up,
 * never while a page waits; published as the gauge {@code yunqiao.disk} (bytes, by solution and part).
 */
@Component
public class DiskUsage {

    private static final Logger LOG = LoggerFactory.getLogger(DiskUsage.class);

    /** A staged record's row without its content: key, hash, status, times and four indexes (953 B measured). */
    static final long RECORD_ROW = 950;
    /** A content row beside its compressed bytes: header, key and primary-key index entry. */
    static final long CONTENT_ROW = 100;
    /** A record log row beside its bodies and message: header, narrow columns and three index entries. */
    static final long LOG_ROW = 200;
    /** A written target key with its primary-key index entry (136 B measured). */
    static final long KEY_ROW = 136;
    /** A run row with its two index entries. */
    static final long RUN_ROW = 250;

    /**
     * What one solution stores, in bytes.
     *
     * @param records   staged records' rows (kept after retention: they tell a duplicate from a change)
     * @param contents  staged content (written records' goes after the content days)
     * @param logs      record logs with their requests and responses (go after the record-log days)
     * @param keys      written target keys (kept: they stop duplicates)
     * @param runs      run rows
     */
    public record Usage(long records, long contents, long logs, long keys, long runs) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        public long total() {
            return records + contents + logs + keys + runs;
        }

        Usage plus(String part, long bytes) {
            return switch (part) {
                case "records" -> new Usage(records + bytes, contents, logs, keys, runs);
                case "contents" -> new Usage(records, contents + bytes, logs, keys, runs);
                case "logs" -> new Usage(records, contents, logs + bytes, keys, runs);
                case "keys" -> new Usage(records, contents, logs, keys + bytes, runs);
                default -> new Usage(records, contents, logs, keys, runs + bytes);
            };
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RetentionSettings settings;
    private final MultiGauge gauge;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "yunqiao-disk-usage");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<Long, Usage> measured = Map.of();
    private volatile Instant measuredAt;

    DiskUsage(JdbcTemplate jdbc, Clock clock, RetentionSettings settings, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.gauge = MultiGauge.builder("yunqiao.disk").description("estimated disk used by each solution's data")
                .baseUnit("bytes").register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The last measurement of a solution; empty before the first one, or for a solution that stores nothing. */
    public Optional<Usage> of(long solutionId) {
        return Optional.ofNullable(measured.get(solutionId));
    }

    /** Every solution's last measurement. */
    public Map<Long, Usage> all() {
        return measured;
    }

    /** When it was last measured; {@code null} before the first measurement. */
    public Instant measuredAt() {
        return measuredAt;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefresh() {
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, settings.usageRefreshMinutes(), TimeUnit.MINUTES);
    }

    /** A clean-up ended: measured again at once, in the background. */
    @EventListener
    void on(Housekeeping.Report cleanedUp) {
        refresher.execute(this::refreshQuietly);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a database hiccup: the last measurement stays until the next refresh
            LOG.debug("disk usage not measured: {}", e.toString());
        }
    }

    /** Measures every solution now: one grouped query per table. */
    public Map<Long, Usage> refresh() {
        Map<Long, Usage> usage = new HashMap<>();
        BiConsumer<String, String> add = (part, sql) -> jdbc.query(sql, row -> {
            long solution = row.getLong(1);
            usage.merge(solution, Usage.NONE.plus(part, row.getLong(2)), DiskUsage::sum);
        });
        add.accept("records", "select solution_id, count(*) * " + RECORD_ROW
                + " + coalesce(sum(octet_length(content)), 0) from yq_source_record group by solution_id");
        add.accept("contents", "select r.solution_id, count(*) * " + CONTENT_ROW
                + " + coalesce(sum(octet_length(c.content_z)), 0) from yq_source_content c join yq_source_record r"
                + " on r.id = c.record_id group by r.solution_id");
        add.accept("logs", "select u.solution_id, count(*) * " + LOG_ROW + " + coalesce(sum("
                + "coalesce(octet_length(l.request), 0) + coalesce(octet_length(l.response), 0)"
                + " + coalesce(octet_length(l.request_zstd), 0) + coalesce(octet_length(l.response_zstd), 0)"
                + " + coalesce(octet_length(l.message), 0)), 0) from yq_record_log l join yq_run u on u.id = l.run_id"
                + " group by u.solution_id");
        add.accept("keys", "select solution_id, count(*) * " + KEY_ROW + " from yq_written_key group by solution_id");
        add.accept("runs", "select solution_id, count(*) * " + RUN_ROW + " from yq_run group by solution_id");
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, name from yq_solution", row -> {
            names.put(row.getLong(1), row.getString(2));
        });
        // a deleted solution's rows may still be going: only solutions that exist are shown
        usage.keySet().retainAll(names.keySet());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        // every existing solution is published, at 0 while it stores nothing: a dashboard shows 0, not "no data"
        names.forEach((id, name) -> {
            Usage use = usage.getOrDefault(id, Usage.NONE);
            Tags solution = Tags.of("solution", name);
            rows.add(MultiGauge.Row.of(solution.and("part", "records"), use.records()));
            rows.add(MultiGauge.Row.of(solution.and("part", "contents"), use.contents()));
            rows.add(MultiGauge.Row.of(solution.and("part", "logs"), use.logs()));
            rows.add(MultiGauge.Row.of(solution.and("part", "keys"), use.keys()));
            rows.add(MultiGauge.Row.of(solution.and("part", "runs"), use.runs()));
        });
        gauge.register(rows, true);
        measured = Map.copyOf(usage);
        measuredAt = clock.instant();
        return measured;
    }

    private static Usage sum(Usage a, Usage b) {
        return new Usage(a.records() + b.records(), a.contents() + b.contents(), a.logs() + b.logs(),
                a.keys() + b.keys(), a.runs() + b.runs());
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
