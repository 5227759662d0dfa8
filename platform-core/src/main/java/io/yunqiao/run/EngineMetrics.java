package io.yunqiao.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.solution.Solution;
import io.yunqiao.solution.SolutionDeleted;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.SolutionSaved;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's own metrics, published at {@code /actuator/prometheus} (docs/operations.md lists them):
 * {@code yunqiao.records} by solution and outcome (fetched, written, skipped, failed), {@code yunqiao.runs} (run
 * durations by solution, status and trigger), {@code yunqiao.backlog} (records waiting by solution and status,
 * read from the database, so every node reports the whole cluster's backlog) and {@code yunqiao.ratelimit.waits}
 * (time spent waiting for the rate limit, by connection). Connector calls are counted by the connector client.
 * Solutions are tagged by name, which is what people read on a dashboard.
 *
 * <p>Every existing solution has its record counters and its two backlog rows from the start, at 0 while nothing
 * happened (issue #16): a dashboard shows 0, not "no data", and {@code rate()} has a first sample to start from.
 * The timers tagged with what happened get the series an alert rule or a dashboard asks for at 0 too: the scheduled
 * runs ending {@link #ZERO_RUN_ENDS each way}, the successful calls to the source's and the target's operation, and
 * the waits for the target connection's rate limit; rarer combinations (a manual dry run, a throttled call) appear
 * when they first happen.
 */
@Component
class EngineMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);
    private static final List<String> OUTCOMES = List.of("fetched", "written", "skipped", "failed");
    private static final List<String> BACKLOG = List.of("pending", "processing");
    /** The endings of a scheduled run that exist at 0 for every solution. */
    static final List<RunStatus> ZERO_RUN_ENDS = List.of(RunStatus.SUCCESS, RunStatus.PARTIAL, RunStatus.FAILED,
            RunStatus.INTERRUPTED);

    private final MeterRegistry registry;
    private final SolutionRepository solutions;
    private final SourceRecordRepository records;
    // looked up late: both lead back to the engine, which needs these metrics
    private final ObjectProvider<Solutions> specs;
    private final ObjectProvider<Connections> connections;
    /** "id:version:name" of the solutions whose timers are registered: a version is read once, not at each refresh. */
    private final Set<String> zeroed = ConcurrentHashMap.newKeySet();
    private final long backlogRefreshMillis;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final MultiGauge backlog;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.named("yunqiao-metrics-"));

    EngineMetrics(ObjectProvider<MeterRegistry> registry, SolutionRepository solutions, SourceRecordRepository records,
            ObjectProvider<Solutions> specs, ObjectProvider<Connections> connections,
            @Value("${yunqiao.metrics.backlog-refresh-millis:15000}") long backlogRefreshMillis) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.solutions = solutions;
        this.records = records;
        this.specs = specs;
        this.connections = connections;
        this.backlogRefreshMillis = backlogRefreshMillis;
        this.backlog = MultiGauge.builder("yunqiao.backlog").description("records waiting to be written")
                .baseUnit("records").register(this.registry);
    }

    /** Counts records of a solution by outcome: fetched, written, skipped or failed. */
    void records(long solutionId, String outcome, int count) {
        if (count > 0) {
            recordCounter(name(solutionId), outcome).increment(count);
        }
    }

    private Counter recordCounter(String solution, String outcome) {
        return Counter.builder("yunqiao.records").description("records by solution and outcome")
                .tags("solution", solution, "outcome", outcome).register(registry);
    }

    /** Time a writer waited for the rate limit of a target connection. */
    void rateLimitWait(String connection, long nanos) {
        rateLimitWaits(connection).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer rateLimitWaits(String connection) {
        return Timer.builder("yunqiao.ratelimit.waits").description("waits for the rate limit of a target connection")
                .tags("connection", connection).register(registry);
    }

    @EventListener
    void on(RunEnded ended) {
        if (ended.startedAt() != null && ended.endedAt() != null) {
            runs(name(ended.solutionId()), ended.status(), ended.trigger(), ended.dryRun())
                    .record(Duration.between(ended.startedAt(), ended.endedAt()));
        }
    }

    private Timer runs(String solution, RunStatus status, RunTrigger trigger, boolean dryRun) {
        return Timer.builder("yunqiao.runs").description("runs by solution, status and trigger, with their durations")
                .tags(Tags.of("solution", solution, "status", status.name().toLowerCase(Locale.ROOT),
                        "trigger", trigger.name().toLowerCase(Locale.ROOT), "dry_run", String.valueOf(dryRun)))
                .register(registry);
    }

    /**
     * Registers at 0 the timers a solution's scheduled runs will use (see the type's comment). Read from its current
     * version once per version; a solution whose version cannot be read keeps only its counters, and is tried again
     * at the next refresh.
     */
    private void zeroTimers(Solution solution) {
        String key = solution.getId() + ":" + solution.getCurrentVersion() + ":" + solution.getName();
        if (zeroed.contains(key)) {
            return;
        }
        try {
            ZERO_RUN_ENDS.forEach(status -> runs(solution.getName(), status, RunTrigger.SCHEDULE, false));
            SolutionSpec spec = specs.getObject().version(solution.getId(), solution.getCurrentVersion());
            if (spec.source() != null && spec.source().connector() != null && spec.source().operation() != null) {
                ConnectorClient.calls(registry, spec.source().connector(), spec.source().operation(), "success");
            }
            if (spec.target() != null && spec.target().connector() != null && spec.target().operation() != null) {
                ConnectorClient.calls(registry, spec.target().connector(), spec.target().operation(), "success");
            }
            if (spec.target() != null && spec.target().connection() != null) {
                rateLimitWaits(connections.getObject().get(spec.target().connection()).name());
            }
            zeroed.add(key);
        } catch (RuntimeException e) {
            LOG.debug("zero series of solution {} not registered: {}", solution.getId(), e.toString());
        }
    }

    /** A new solution's record counters start at 0; a renamed one is tagged with its new name from now on. */
    @EventListener
    void on(SolutionSaved saved) {
        String before = names.remove(saved.solutionId());
        String solution = name(saved.solutionId());
        if (before != null && !before.equals(solution)) {
            // renamed: the old name's series end, the new name's start at 0
            forget(before);
        }
        OUTCOMES.forEach(outcome -> recordCounter(solution, outcome));
        // its timers at the next refresh: reading the version here would join the saving transaction
    }

    /** A solution's series go: its counters and its runs' timers (connectors and connections are shared). */
    private void forget(String solution) {
        OUTCOMES.forEach(outcome -> registry.remove(recordCounter(solution, outcome)));
        registry.find("yunqiao.runs").tag("solution", solution).timers().forEach(registry::remove);
    }

    /** A deleted solution's counters go: only existing solutions are published (its backlog rows go at refresh). */
    @EventListener
    void on(SolutionDeleted deleted) {
        String solution = names.remove(deleted.solutionId());
        if (solution != null) {
            forget(solution);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBacklogRefresh() {
        refresher.scheduleWithFixedDelay(this::refreshBacklog, 0, backlogRefreshMillis, TimeUnit.MILLISECONDS);
    }

    void refreshBacklog() {
        try {
            // every existing solution, with 0 for what is not waiting; a deleted solution's rows drop out
            Map<Long, Map<String, Double>> waiting = new HashMap<>();
            Map<Long, String> existing = new HashMap<>();
            for (Solution solution : solutions.findAll()) {
                existing.put(solution.getId(), solution.getName());
                names.put(solution.getId(), solution.getName());
                OUTCOMES.forEach(outcome -> recordCounter(solution.getName(), outcome));
                zeroTimers(solution);
                Map<String, Double> statuses = new LinkedHashMap<>();
                BACKLOG.forEach(status -> statuses.put(status, 0.0));
                waiting.put(solution.getId(), statuses);
            }
            for (Object[] row : records.countBacklog()) {
                Map<String, Double> statuses = waiting.get(((Number) row[0]).longValue());
                if (statuses != null) {
                    statuses.put(row[1].toString().toLowerCase(Locale.ROOT), ((Number) row[2]).doubleValue());
                }
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            waiting.forEach((id, statuses) -> statuses.forEach((status, count) -> rows.add(MultiGauge.Row.of(
                    Tags.of("solution", existing.get(id), "status", status), count))));
            backlog.register(rows, true);
        } catch (RuntimeException e) {
            // a database hiccup: the gauge keeps its last values until the next refresh
            LOG.debug("backlog metrics not refreshed: {}", e.toString());
        }
    }

    private String name(long solutionId) {
        return names.computeIfAbsent(solutionId, id -> solutions.findById(id).map(Solution::getName)
                .orElse("#" + id));
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
