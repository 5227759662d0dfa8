package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionRepository;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumes the runs this node left RUNNING when it stopped (a crash, a kill): each is ended FAILED ("interrupted")
 * and a RECOVERY run of its solution continues its work at once, so that nothing waits for the next schedule.
 * Resuming needs nothing else: the checkpoint did not advance past an incomplete fetch, records claimed by the dead
 * instance go back to pending marked as possibly sent (so "already exists" counts as written), and dedupe drops
 * what was already written.
 *
 * <p>A run counts as this node's when it carries this node's name and its Quartz instance is no longer alive. A
 * restart within the check-in grace ({@link ClusterNodes}) finds the old instance still looking alive: such runs
 * are watched every few seconds and resumed as soon as it is dead (two nodes given one name thus never end each
 * other's runs). In a cluster another node, or Quartz's recovery of a scheduled job, may take the run over first;
 * then there is nothing left to do. Off with {@code yunqiao.engine.resume-interrupted=false}: interrupted runs are
 * then only ended, and the next run continues their work.
 */
@Component
class RunRecovery implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private static final long WATCH_MILLIS = 2_000;

    private final RunRepository runs;
    private final SolutionRepository solutions;
    private final NodeName node;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ClusterNodes nodes;
    private final SyncEngine engine;
    private final boolean resume;
    /** Solutions whose interrupted run was ended at start, to resume once the application is ready. */
    private final List<Long> toResume = new ArrayList<>();
    /** Interrupted runs whose old instance still looked alive at start. */
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.named("yunqiao-recovery-"));

    RunRecovery(RunRepository runs, SolutionRepository solutions, NodeName node, Clock clock,
            TransactionTemplate transactions, ClusterNodes nodes, SyncEngine engine,
            @Value("${yunqiao.engine.resume-interrupted:true}") boolean resume) {
        this.runs = runs;
        this.solutions = solutions;
        this.node = node;
        this.clock = clock;
        this.transactions = transactions;
        this.nodes = nodes;
        this.engine = engine;
        this.resume = resume;
    }

    /** Runs before the scheduler starts and before anything else can start a run. */
    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            for (Run run : runs.findByStatus(RunStatus.RUNNING)) {
                // this node's name, but not a live instance: two nodes given the same name must not end each
                // other's runs
                boolean mine = run.getNode() == null || run.getNode().equals(node.value());
                if (!mine || nodes.self().equals(run.getInstanceId())) {
                    continue;
                }
                if (nodes.isAlive(run.getInstanceId())) {
                    watched.add(run.getId());
                } else if (end(run) && resume) {
                    toResume.add(run.getSolutionId());
                }
            }
        });
    }

    /** Ends an interrupted run and frees its solution; answers whether it has work to resume (not a dry run). */
    private boolean end(Run run) {
        boolean resumable = resume && !run.isDryRun();
        run.end(RunStatus.FAILED, StoredMessage.of(resumable ? "run.error.stoppedRecovering"
                : "run.error.stoppedNextRunContinues").store(), clock.instant());
        solutions.unlock(run.getSolutionId(), run.getId());
        LOG.warn("run {} of solution {} was interrupted by a stop; marked FAILED, lock released{}", run.getId(),
                run.getSolutionId(), resumable ? ", resuming" : "");
        return !run.isDryRun();
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        toResume.forEach(this::startRecovery);
        toResume.clear();
        if (!watched.isEmpty()) {
            watcher.scheduleWithFixedDelay(this::look, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void startRecovery(long solutionId) {
        try {
            Run recovery = engine.start(solutionId, RunTrigger.RECOVERY, false);
            LOG.info("solution {}: run {} ({}) resumes the interrupted work", solutionId, recovery.getId(),
                    recovery.getStatus());
        } catch (RuntimeException e) {
            // e.g. the solution was deleted; the next trigger continues the work
            LOG.warn("solution {}: the interrupted run could not be resumed: {}", solutionId, e.toString());
        }
    }

    /** Resumes watched runs whose old instance has died since; drops those another run took over. */
    private void look() {
        for (Long runId : List.copyOf(watched)) {
            try {
                Run run = runs.findById(runId).orElse(null);
                if (run == null || run.getStatus().isFinal()) {
                    watched.remove(runId);
                } else if (!nodes.isAlive(run.getInstanceId())) {
                    watched.remove(runId);
                    if (resume && !run.isDryRun()) {
                        // the engine takes the dead run's lock over and ends it FAILED, naming this run
                        startRecovery(run.getSolutionId());
                    } else {
                        transactions.executeWithoutResult(status -> runs.findById(runId)
                                .filter(r -> !r.getStatus().isFinal()).ifPresent(this::end));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("looking at interrupted run {} failed: {}", runId, e.toString());
            }
        }
        if (watched.isEmpty()) {
            watcher.shutdown();
        }
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
