package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.VersionedSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run per solution at a time, across the cluster: a run takes its solution's lock when it is created, and
 * releases it when it ends. The lock of a run whose node died is taken over by the next run, which ends that run
 * INTERRUPTED, naming itself, and continues its work.
 */
@Component
class RunLock {

    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    private final SolutionRepository solutionRepository;
    private final Solutions solutions;
    private final RunRepository runs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final ClusterNodes nodes;
    private final ApplicationEventPublisher events;

    RunLock(SolutionRepository solutionRepository, Solutions solutions, RunRepository runs,
            TransactionTemplate transactions, Clock clock, NodeName node, ClusterNodes nodes,
            ApplicationEventPublisher events) {
        this.solutionRepository = solutionRepository;
        this.solutions = solutions;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
        this.node = node.value();
        this.nodes = nodes;
        this.events = events;
    }

    /**
     * Creates the run and takes the solution's lock in one transaction. Without the lock the run is SKIPPED, unless
     * the run holding it belongs to a node that died: then that run ends INTERRUPTED and this one takes over its
     * work. A run that takes the lock continues the solution's interrupted runs that nobody continues yet (both are
     * linked), unless it is a dry run or a re-push, which do not do a run's whole work.
     */
    Run open(long solutionId, RunTrigger trigger, boolean dryRun) {
        return open(solutionId, trigger, dryRun, false);
    }

    /**
     * Opens a RECOVERY run to continue a solution's interrupted work, as {@link #open}; but when a live run holds the
     * lock nothing is recorded (that run, or the next, continues the work) and the answer is empty.
     */
    Optional<Run> openToContinue(long solutionId) {
        // looked at first, so that no run number is taken for nothing in the usual case
        if (heldByLiveRun(solutionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(open(solutionId, RunTrigger.RECOVERY, false, true));
    }

    private Run open(long solutionId, RunTrigger trigger, boolean dryRun, boolean quiet) {
        VersionedSpec spec = solutions.current(solutionId);
        List<Run> ended = new ArrayList<>();
        boolean continues = !dryRun && trigger != RunTrigger.REPUSH;
        Run opened = transactions.execute(status -> {
            Instant now = clock.instant();
            Run run = runs.save(new Run(solutionId, spec.version(), trigger, dryRun, now, node, nodes.self()));
            runs.flush();
            if (solutionRepository.lock(solutionId, run.getId()) == 1) {
                if (continues) {
                    continueInterrupted(solutionId, run);
                }
                return run;
            }
            Long holder = solutionRepository.findById(solutionId).map(s -> s.getRunningRunId()).orElse(null);
            Run held = holder == null ? null : runs.lockById(holder).orElse(null);
            boolean holderGone = held == null || held.getStatus().isFinal() || !nodes.isAlive(held.getInstanceId());
            if (holder != null && holderGone && solutionRepository.relock(solutionId, holder, run.getId()) == 1) {
                if (held != null && !held.getStatus().isFinal()) {
                    held.end(RunStatus.INTERRUPTED, (held.isDryRun()
                            ? StoredMessage.of("run.interrupted.dryRun", held.getNode())
                            : continues ? StoredMessage.of("run.interrupted.nodeDied", held.getNode(), run.getId(), node)
                            : StoredMessage.of("run.interrupted.nodeDiedNextRunContinues", held.getNode())).store(),
                            now);
                    ended.add(held);
                }
                if (continues) {
                    runs.flush();
                    continueInterrupted(solutionId, run);
                }
                LOG.warn("solution {}: run {} took over from run {} of node {}, which is no longer alive",
                        solutionId, run.getId(), holder, held == null ? "?" : held.getNode());
                return run;
            }
            if (quiet) {
                // a live run holds the lock: it (or the run after it) continues the work; nothing to record
                status.setRollbackOnly();
                return null;
            }
            run.end(RunStatus.SKIPPED, StoredMessage.of("run.skipped.running", holder).store(), now);
            ended.add(run);
            LOG.info("solution {}: {} run skipped, run {} is still running", solutionId, trigger, holder);
            return run;
        });
        ended.forEach(run -> events.publishEvent(RunEnded.of(run)));
        return opened;
    }

    private boolean heldByLiveRun(long solutionId) {
        Long holder = solutionRepository.findById(solutionId).map(s -> s.getRunningRunId()).orElse(null);
        return holder != null && runs.findById(holder)
                .filter(r -> !r.getStatus().isFinal() && nodes.isAlive(r.getInstanceId())).isPresent();
    }

    /**
     * Links the solution's interrupted runs that nobody continues yet to the run that now holds its lock: the one
     * lock holder at a time makes this race-free across the cluster.
     */
    private void continueInterrupted(long solutionId, Run run) {
        if (runs.continueInterrupted(solutionId, run.getId()) > 0) {
            runs.findFirstBySolutionIdAndContinuedByRunIdOrderByIdDesc(solutionId, run.getId())
                    .ifPresent(interrupted -> {
                        run.continues(interrupted.getId());
                        LOG.info("solution {}: run {} continues the work of interrupted run {}", solutionId,
                                run.getId(), interrupted.getId());
                    });
        }
    }

    /** Frees the solution for its next run, if this run still holds it. */
    void release(long solutionId, long runId) {
        transactions.executeWithoutResult(status -> solutionRepository.unlock(solutionId, runId));
    }

    /** Whether a helped run still runs, on a live node: a dead node's run is for whoever takes it over. */
    boolean stillWriting(long solutionId, long runId, String instance) {
        return nodes.isAlive(instance)
                && runs.findById(runId).map(r -> r.getStatus() == RunStatus.RUNNING && r.getWritingSince() != null)
                        .orElse(false)
                && solutionRepository.findById(solutionId).map(s -> Long.valueOf(runId).equals(s.getRunningRunId()))
                        .orElse(false);
    }
}
