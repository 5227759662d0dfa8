package io.yunqiao.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yunqiao.solution.Solution;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.SolutionSaved;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
@Component
class EngineMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);

    private final MeterRegistry registry;
    private final SolutionRepository solutions;
    private final SourceRecordRepository records;
    private final long backlogRefreshMillis;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final MultiGauge backlog;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.named("yunqiao-metrics-"));

    EngineMetrics(ObjectProvider<MeterRegistry> registry, SolutionRepository solutions, SourceRecordRepository records,
            @Value("${yunqiao.metrics.backlog-refresh-millis:15000}") long backlogRefreshMillis) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.solutions = solutions;
        this.records = records;
        this.backlogRefreshMillis = backlogRefreshMillis;
        this.backlog = MultiGauge.builder("yunqiao.backlog").description("records waiting to be written")
                .baseUnit("records").register(this.registry);
    }

    /** Counts records of a solution by outcome: fetched, written, skipped or failed. */
    void records(long solutionId, String outcome, int count) {
        if (count > 0) {
            Counter.builder("yunqiao.records").description("records by solution and outcome")
                    .tags("solution", name(solutionId), "outcome", outcome).register(registry).increment(count);
        }
    }

    /** Time a writer waited for the rate limit of a target connection. */
    void rateLimitWait(String connection, long nanos) {
        Timer.builder("yunqiao.ratelimit.waits").description("waits for the rate limit of a target connection")
                .tags("connection", connection).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @EventListener
    void on(RunEnded ended) {
        if (ended.startedAt() != null && ended.endedAt() != null) {
            Timer.builder("yunqiao.runs").description("runs by solution, status and trigger, with their durations")
                    .tags(Tags.of("solution", name(ended.solutionId()),
                            "status", ended.status().name().toLowerCase(Locale.ROOT),
                            "trigger", ended.trigger().name().toLowerCase(Locale.ROOT),
                            "dry_run", String.valueOf(ended.dryRun())))
                    .register(registry).record(Duration.between(ended.startedAt(), ended.endedAt()));
        }
    }

    /** A renamed solution is tagged with its new name from now on. */
    @EventListener
    void on(SolutionSaved saved) {
        names.remove(saved.solutionId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBacklogRefresh() {
        refresher.scheduleWithFixedDelay(this::refreshBacklog, 0, backlogRefreshMillis, TimeUnit.MILLISECONDS);
    }

    void refreshBacklog() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Object[] row : records.countBacklog()) {
                rows.add(MultiGauge.Row.of(Tags.of("solution", name(((Number) row[0]).longValue()), "status",
                        row[1].toString().toLowerCase(Locale.ROOT)), ((Number) row[2]).doubleValue()));
            }
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
