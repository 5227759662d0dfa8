package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.VersionedSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run per solution at a time, across the cluster: a run takes its solution's lock when it is created, and
 * releases it when it ends. The lock of a run whose node died is taken over by the next run, which ends that run
 * FAILED, naming itself.
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
     * the run holding it belongs to a node that died: then that run ends FAILED and this one takes over its work.
     */
    Run open(long solutionId, RunTrigger trigger, boolean dryRun) {
        VersionedSpec spec = solutions.current(solutionId);
        List<Run> ended = new ArrayList<>();
        Run opened = transactions.execute(status -> {
            Instant now = clock.instant();
            Run run = runs.save(new Run(solutionId, spec.version(), trigger, dryRun, now, node, nodes.self()));
            runs.flush();
            if (solutionRepository.lock(solutionId, run.getId()) == 1) {
                return run;
            }
            Long holder = solutionRepository.findById(solutionId).map(s -> s.getRunningRunId()).orElse(null);
            Run held = holder == null ? null : runs.findById(holder).orElse(null);
            boolean holderGone = held == null || held.getStatus().isFinal() || !nodes.isAlive(held.getInstanceId());
            if (holder != null && holderGone && solutionRepository.relock(solutionId, holder, run.getId()) == 1) {
                if (held != null && !held.getStatus().isFinal()) {
                    held.end(RunStatus.FAILED, StoredMessage.of("run.error.takenOver", held.getNode(), run.getId(),
                            node).store(), now);
                    ended.add(held);
                }
                LOG.warn("solution {}: run {} took over from run {} of node {}, which is no longer alive",
                        solutionId, run.getId(), holder, held == null ? "?" : held.getNode());
                return run;
            }
            run.end(RunStatus.SKIPPED, StoredMessage.of("run.skipped.running", holder).store(), now);
            ended.add(run);
            LOG.info("solution {}: {} run skipped, run {} is still running", solutionId, trigger, holder);
            return run;
        });
        ended.forEach(run -> events.publishEvent(RunEnded.of(run)));
        return opened;
    }

    /** Frees the solution for its next run, if this run still holds it. */
    void release(long solutionId, long runId) {
        transactions.executeWithoutResult(status -> solutionRepository.unlock(solutionId, runId));
    }

    /** Whether a helped run still runs, on a live node: a dead node's run is for whoever takes it over. */
    boolean stillWriting(long solutionId, long runId, String instance) {
        return nodes.isAlive(instance)
                && runs.findById(runId).map(r -> r.getStatus() == RunStatus.RUNNING).orElse(false)
                && solutionRepository.findById(solutionId).map(s -> Long.valueOf(runId).equals(s.getRunningRunId()))
                        .orElse(false);
    }
}
