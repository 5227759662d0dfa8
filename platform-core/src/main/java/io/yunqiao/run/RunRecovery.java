package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionRepository;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Continues interrupted work, on every node. Every {@code yunqiao.engine.recovery-look-millis} (2 s) it looks for
 * INTERRUPTED runs that no run continues yet (a node stopped deliberately, see {@link EngineThreads}) and starts a
 * RECOVERY run of their solution, unless a live run holds its lock (that run continues the work). Whichever node
 * looks first takes the solution's lock; the others find it held. So a node's deliberate stop is continued within
 * seconds by another live node, or at the next start when there is none.
 *
 * <p>At start it also resumes the runs this node left RUNNING when it died (a crash, a kill): a RECOVERY run takes
 * over each one's lock, which ends it INTERRUPTED, naming the recovery run ({@link RunLock}). Resuming needs nothing
 * else: the checkpoint did not advance past an incomplete fetch, records claimed by the dead instance go back to
 * pending marked as possibly sent (so "already exists" counts as written), and dedupe drops what was already
 * written. A run counts as this node's when it carries this node's name and its Quartz instance is no longer alive.
 * A restart within the check-in grace ({@link ClusterNodes}) finds the old instance still looking alive: such runs are
 * watched and resumed as soon as it is dead (two nodes given one name thus never end each other's runs). In a cluster
 * another node, or Quartz's recovery of a scheduled job, may take the run over first; then there is nothing left to
 * do. Off with {@code yunqiao.engine.resume-interrupted=false}: interrupted runs are then only ended, and the next run
 * continues their work.
 */
@Component
class RunRecovery implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    /** A solution whose continuation failed (e.g. its connection was deleted) is tried again after this long. */
    private static final long RETRY_AFTER_MILLIS = 60_000;

    /** Longer than Quartz takes to call an instance dead (two check-ins of 10 s and 7.5 s): see lookAtDeadNodes. */
    private static final long DEAD_AFTER_MILLIS = 30_000;

    private final RunRepository runs;
    private final SolutionRepository solutions;
    private final NodeName node;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ClusterNodes nodes;
    private final SyncEngine engine;
    private final ApplicationEventPublisher events;
    private final boolean resume;
    private final long lookMillis;
    /** Solutions whose run this node left RUNNING when it died, to resume once the application is ready. */
    private final List<Long> toResume = new ArrayList<>();
    /** Interrupted runs whose old instance still looked alive at start. */
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    /** Solutions whose continuation failed, and when to try again. */
    private final Map<Long, Instant> failedUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            EngineThreads.named("yunqiao-recovery-"));

    RunRecovery(RunRepository runs, SolutionRepository solutions, NodeName node, Clock clock,
            TransactionTemplate transactions, ClusterNodes nodes, SyncEngine engine, ApplicationEventPublisher events,
            @Value("${yunqiao.engine.resume-interrupted:true}") boolean resume,
            @Value("${yunqiao.engine.recovery-look-millis:2000}") long lookMillis) {
        this.runs = runs;
        this.solutions = solutions;
        this.node = node;
        this.clock = clock;
        this.transactions = transactions;
        this.nodes = nodes;
        this.engine = engine;
        this.events = events;
        this.resume = resume;
        this.lookMillis = Math.max(100, lookMillis);
    }

    /** Runs before the scheduler starts and before anything else can start a run. */
    @Override
    public void afterSingletonsInstantiated() {
        List<Run> ended = new ArrayList<>();
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
                } else if (resume && !run.isDryRun() && holdsLock(run)) {
                    // the recovery run takes its lock over and ends it, naming itself
                    toResume.add(run.getSolutionId());
                } else {
                    end(run);
                    ended.add(run);
                }
            }
        });
        ended.forEach(run -> events.publishEvent(RunEnded.of(run)));
    }

    private boolean holdsLock(Run run) {
        return solutions.findById(run.getSolutionId())
                .map(s -> run.getId().equals(s.getRunningRunId())).orElse(false);
    }

    /** Ends a run whose node died, when no recovery run takes it over, and frees its solution. */
    private void end(Run run) {
        run.end(RunStatus.INTERRUPTED, (run.isDryRun() ? StoredMessage.of("run.interrupted.dryRun", run.getNode())
                : StoredMessage.of("run.interrupted.nodeDiedNextRunContinues", run.getNode())).store(),
                clock.instant());
        solutions.unlock(run.getSolutionId(), run.getId());
        LOG.warn("run {} of solution {} was interrupted by a stop of its node; marked INTERRUPTED, lock released",
                run.getId(), run.getSolutionId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        toResume.forEach(this::continueWork);
        toResume.clear();
        if (resume || !watched.isEmpty()) {
            watcher.scheduleWithFixedDelay(this::look, lookMillis, lookMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void continueWork(long solutionId) {
        Instant now = clock.instant();
        Instant retry = failedUntil.get(solutionId);
        if (retry != null && now.isBefore(retry)) {
            return;
        }
        try {
            engine.continueInterrupted(solutionId).ifPresent(recovery -> LOG.info(
                    "solution {}: run {} ({}) continues the interrupted work", solutionId, recovery.getId(),
                    recovery.getStatus()));
            failedUntil.remove(solutionId);
        } catch (RuntimeException e) {
            // e.g. the solution was deleted meanwhile; the next trigger continues the work
            failedUntil.put(solutionId, now.plusMillis(RETRY_AFTER_MILLIS));
            LOG.warn("solution {}: the interrupted work could not be continued now: {}", solutionId, e.toString());
        }
    }

    /** Continues interrupted runs nobody continues yet; resumes watched runs whose old instance has died since. */
    void look() {
        if (engine.stopping()) {
            return;
        }
        try {
            lookAtWatched();
            lookAtDeadNodes();
            if (resume) {
                Set<Long> solutionIds = new LinkedHashSet<>();
                runs.findNotContinued().forEach(run -> solutionIds.add(run.getSolutionId()));
                solutionIds.forEach(this::continueWork);
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for interrupted runs failed: {}", e.toString());
        }
    }

    private void lookAtWatched() {
        for (Long runId : List.copyOf(watched)) {
            Run run = runs.findById(runId).orElse(null);
            if (run == null || run.getStatus().isFinal()) {
                watched.remove(runId);
            } else if (!nodes.isAlive(run.getInstanceId())) {
                watched.remove(runId);
                if (resume && !run.isDryRun()) {
                    // the recovery run takes the dead run's lock over and ends it INTERRUPTED, naming itself
                    continueWork(run.getSolutionId());
                } else {
                    endUnlessEnded(runId);
                }
            }
        }
    }

    /**
     * Runs left RUNNING by another node that died and has not come back, which no trigger takes over (a manual run,
     * or a solution switched off, or schedules paused by the maintenance mode): continued, or ended when they cannot
     * be, as at that node's next start. A run is left alone for {@link #DEAD_AFTER_MILLIS} after its start, so that an
     * instance that has not checked in yet is never taken for dead.
     */
    private void lookAtDeadNodes() {
        Set<String> alive = nodes.alive();
        Instant settled = clock.instant().minusMillis(DEAD_AFTER_MILLIS);
        for (Run run : runs.findByStatus(RunStatus.RUNNING)) {
            if (alive.contains(run.getInstanceId()) || watched.contains(run.getId()) || run.getStartedAt() == null
                    || run.getStartedAt().isAfter(settled)) {
                continue;
            }
            if (resume && !run.isDryRun() && holdsLock(run)) {
                // the recovery run takes the dead run's lock over and ends it INTERRUPTED, naming itself
                continueWork(run.getSolutionId());
            } else {
                endUnlessEnded(run.getId());
            }
        }
    }

    private void endUnlessEnded(long runId) {
        List<Run> ended = new ArrayList<>();
        transactions.executeWithoutResult(status -> runs.lockById(runId)
                .filter(r -> !r.getStatus().isFinal()).ifPresent(r -> {
                    end(r);
                    ended.add(r);
                }));
        ended.forEach(r -> events.publishEvent(RunEnded.of(r)));
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
