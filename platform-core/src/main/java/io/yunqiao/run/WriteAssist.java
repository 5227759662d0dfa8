package io.yunqiao.run;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets every node help write the large backlogs of runs that other nodes own: Quartz fires each solution on one
 * node only, and this is how a second node shares a big run's writing. Every few seconds it looks in the database
 * for runs of live nodes that are writing and have at least {@code yunqiao.engine.assist-min-pending} records
 * pending, and claims batches of them ({@code FOR UPDATE SKIP LOCKED}) until the backlog is gone; the owner waits
 * for these batches before it ends the run. A stopping node helps nobody; a run whose node is stopping is helped no
 * more (it stops writing), and waits for the batches already taken. Off with {@code yunqiao.engine.assist=false}.
 */
@Component
class WriteAssist {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAssist.class);

    private final SyncEngine engine;
    private final RunRepository runs;
    private final Outcomes outcomes;
    private final ClusterNodes nodes;
    private final boolean enabled;
    private final long intervalMillis;
    private final long minPending;
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.named("yunqiao-assist-"));

    WriteAssist(SyncEngine engine, RunRepository runs, Outcomes outcomes, ClusterNodes nodes,
            @Value("${yunqiao.engine.assist:true}") boolean enabled,
            @Value("${yunqiao.engine.assist-interval-millis:2000}") long intervalMillis,
            @Value("${yunqiao.engine.assist-min-pending:400}") long minPending) {
        this.engine = engine;
        this.runs = runs;
        this.outcomes = outcomes;
        this.nodes = nodes;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
        this.minPending = minPending;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            looker.scheduleWithFixedDelay(this::lookForWork, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void lookForWork() {
        if (engine.stopping()) {
            // this node is stopping: it helps nobody any more
            return;
        }
        try {
            for (Run run : runs.findWritingElsewhere(nodes.self())) {
                if (nodes.isAlive(run.getInstanceId()) && outcomes.pending(run.getSolutionId()) >= minPending) {
                    LOG.info("helping run {} of solution {} (node {}) write its backlog", run.getId(),
                            run.getSolutionId(), run.getNode());
                    RecordWriter.Written helped = engine.assist(run);
                    LOG.info("helped run {}: written {}, skipped {}, failed {}", run.getId(), helped.written(),
                            helped.skipped(), helped.failed());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the next look tries again; the owner writes whatever this node leaves
            LOG.warn("helping another node's run failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        looker.shutdownNow();
    }
}
