package io.yunqiao.run;

import io.github.resilience4j.retry.Retry;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs solutions (architecture.md, "How one run flows"): one run per solution at a time ({@link RunLock}); fetch the
 * window page by page and stage it, advancing the checkpoint with the last page, while the writer writes each staged
 * page with the rate limit and retries, logging each outcome ({@link RunPipeline}); end SUCCESS, PARTIAL or FAILED
 * with a reason ({@link RunVerdict}). This class only starts runs and puts their parts together.
 */
@Service
public class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** At most this many records in one re-push request. */
    static final int MAX_REPUSH_IDS = 10_000;

    private final Solutions solutions;
    private final Connections connections;
    private final Preparations preparations;
    private final WriteGuards guards;
    private final Outcomes outcomes;
    private final RunRepository runs;
    private final RunLock lock;
    private final RunPipeline pipeline;
    private final RunVerdict verdict;
    private final EngineThreads threads;
    private final DetailLookups details;
    private final ClusterNodes nodes;
    private final String node;
    private final boolean resume;

    SyncEngine(Solutions solutions, Connections connections, Preparations preparations, WriteGuards guards,
            Outcomes outcomes, RunRepository runs, RunLock lock, RunPipeline pipeline, RunVerdict verdict,
            EngineThreads threads, DetailLookups details, ClusterNodes nodes, NodeName node,
            @Value("${yunqiao.engine.resume-interrupted:true}") boolean resume) {
        this.details = details;
        this.nodes = nodes;
        this.node = node.value();
        this.resume = resume;
        this.solutions = solutions;
        this.connections = connections;
        this.preparations = preparations;
        this.guards = guards;
        this.outcomes = outcomes;
        this.runs = runs;
        this.lock = lock;
        this.pipeline = pipeline;
        this.verdict = verdict;
        this.threads = threads;
    }

    /**
     * Starts a run in the background and answers it at once: RUNNING, or SKIPPED when another run of the solution
     * holds the lock.
     */
    public Run start(long solutionId, RunTrigger trigger, boolean dryRun) {
        return start(solutionId, trigger, dryRun ? DryRunSource.WINDOW : null);
    }

    /**
     * Starts a dry run of the records {@code dryRun} chooses (or a real run when it is {@code null}) in the
     * background, as {@link #start(long, RunTrigger, boolean)}.
     */
    public Run start(long solutionId, RunTrigger trigger, DryRunSource dryRun) {
        refuseWhileStopping();
        Run run = lock.open(solutionId, trigger, dryRun != null);
        if (run.getStatus() == RunStatus.RUNNING) {
            threads.runs().submit(() -> execute(run.getId(), null, dryRun));
        }
        return run;
    }

    /** Runs to the end in the calling thread (the scheduler's job thread) and answers the final run. */
    public Run runNow(long solutionId, RunTrigger trigger, boolean dryRun) {
        return runNow(solutionId, trigger, dryRun ? DryRunSource.WINDOW : null);
    }

    /** A dry run of the records {@code dryRun} chooses (a real run when {@code null}), in the calling thread. */
    public Run runNow(long solutionId, RunTrigger trigger, DryRunSource dryRun) {
        refuseWhileStopping();
        Run run = lock.open(solutionId, trigger, dryRun != null);
        if (run.getStatus() == RunStatus.RUNNING) {
            execute(run.getId(), null, dryRun);
        }
        return runs.findById(run.getId()).orElseThrow();
    }

    /**
     * Whether this node is stopping deliberately: it starts no run (a scheduler's job that fired just before the stop
     * asks this first).
     */
    public boolean stopping() {
        return threads.draining();
    }

    private void refuseWhileStopping() {
        if (threads.draining()) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.run.nodeStopping", node);
        }
    }

    /**
     * Continues a solution's interrupted work with a RECOVERY run in the background, unless a live run holds its
     * lock (that run continues it); {@link RunRecovery} calls this on every node.
     *
     * @return the run started, if one was
     */
    Optional<Run> continueInterrupted(long solutionId) {
        if (threads.draining()) {
            return Optional.empty();
        }
        Optional<Run> run = lock.openToContinue(solutionId);
        run.filter(r -> r.getStatus() == RunStatus.RUNNING)
                .ifPresent(r -> threads.runs().submit(() -> execute(r.getId(), null, null)));
        return run;
    }

    /**
     * Re-pushes failed records of a run with the solution's current mapping: all failed ones, or those listed.
     *
     * @param sourceRecordIds the source records to re-push; empty for every failed record of the run
     */
    public Run repush(long runId, Collection<Long> sourceRecordIds, boolean wait) {
        Run original = runs.findById(runId).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.run.notFound", String.valueOf(runId)));
        if (sourceRecordIds != null && sourceRecordIds.size() > MAX_REPUSH_IDS) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "sourceRecordIds", "problem.run.repushTooMany",
                    String.valueOf(sourceRecordIds.size()), String.valueOf(MAX_REPUSH_IDS));
        }
        List<Long> failed = outcomes.failedRecordsOf(runId);
        List<Long> ids;
        if (sourceRecordIds == null || sourceRecordIds.isEmpty()) {
            ids = failed;
        } else {
            // only records that failed in this run and are failed still: anything else would be an empty run, or
            // a second write of a record already written
            ids = sourceRecordIds.stream().filter(Objects::nonNull).distinct().toList();
            Set<Long> failedSet = new HashSet<>(failed);
            List<Long> notFailed = ids.stream().filter(id -> !failedSet.contains(id)).limit(10).toList();
            if (!notFailed.isEmpty() || ids.isEmpty()) {
                throw Problem.coded(Problem.Kind.INVALID, "sourceRecordIds", "problem.run.repushNotFailed",
                        String.valueOf(runId), notFailed.toString());
            }
        }
        if (ids.isEmpty()) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.run.repushNothingFailed",
                    String.valueOf(runId));
        }
        refuseWhileStopping();
        Run run = lock.open(original.getSolutionId(), RunTrigger.REPUSH, false);
        if (run.getStatus() == RunStatus.RUNNING) {
            Runnable work = () -> execute(run.getId(), ids, null);
            if (wait) {
                work.run();
            } else {
                threads.runs().submit(work);
            }
        }
        return runs.findById(run.getId()).orElseThrow();
    }

    /**
     * Does a run's work, ends it by its verdict and frees its solution. A run this node's deliberate stop broke off
     * ends INTERRUPTED, for another run to continue; a run the platform's stop broke off without a drain stays
     * RUNNING, for recovery.
     */
    private void execute(long runId, List<Long> repushIds, DryRunSource dryRun) {
        EngineThreads.Work work = threads.working();
        try {
            executeCounted(runId, repushIds, dryRun);
        } finally {
            work.close();
        }
    }

    private void executeCounted(long runId, List<Long> repushIds, DryRunSource dryRun) {
        Run run = runs.findById(runId).orElseThrow();
        long solutionId = run.getSolutionId();
        boolean leftForRecovery = false;
        // the database work that ends the run must not meet an interrupt (after the grace of a stop, the writers are
        // interrupted): a wait for a connection would give up and leave the run RUNNING; the flag is set again after
        boolean interrupted = false;
        try {
            SolutionSpec spec = solutions.version(solutionId, run.getSolutionVersion());
            LOG.info("run {} of solution {} ({}) started: {}{}", runId, solutionId, spec.name(), run.getTrigger(),
                    run.isDryRun() ? " (dry run)" : "");
            Connection source = connection(spec.source().connection(), "source");
            Connection target = connection(spec.target().connection(), "target");
            RecordPreparation preparation = details.forRun(solutionId, run.getSolutionVersion(), spec, source,
                    preparations.of(solutionId, run.getSolutionVersion(), spec));
            Retry fetchRetry = WriteGuards.fetchRetry("fetch-" + solutionId, spec.retry());
            String fetchFailure = null;
            if (run.isDryRun()) {
                // a dry run started without a choice (a caller that knows none) reads the window, as always
                fetchFailure = pipeline.dryRun(run, spec, source, preparation, fetchRetry,
                        dryRun == null ? DryRunSource.WINDOW : dryRun);
            } else {
                RecordWriter.Target writing = new RecordWriter.Target(target, spec.target().operation(), preparation,
                        guards.limiter(target.id(), spec.rateLimit().perSecond()),
                        WriteGuards.writeRetry("write-" + solutionId, spec.retry()), spec.logLevel());
                if (repushIds != null) {
                    pipeline.repush(spec, solutionId, runId, repushIds, writing);
                } else {
                    fetchFailure = pipeline.fetchAndWrite(run, spec, source, preparation, fetchRetry, writing);
                }
            }
            verdict.finish(runId, fetchFailure);
        } catch (NodeStopping e) {
            interrupted = Thread.interrupted();
            verdict.interrupt(runId, interruption(run));
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.interrupted();
            leftForRecovery = endByStop(run, e);
        } catch (RuntimeException e) {
            interrupted = Thread.interrupted();
            leftForRecovery = endByStop(run, e);
        } finally {
            if (leftForRecovery) {
                LOG.warn("run {} of solution {} was interrupted by the platform's stop: left RUNNING, to be resumed"
                        + " at the next start", runId, solutionId);
            } else {
                interrupted |= Thread.interrupted();
                lock.release(solutionId, runId);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Ends a run whose work broke off: INTERRUPTED when this node is stopping deliberately (the grace ran out), left
     * RUNNING when the platform stopped without a drain (a failure caused by the stop is no failure of the run),
     * FAILED otherwise.
     *
     * @return whether the run is left RUNNING for recovery
     */
    private boolean endByStop(Run run, Exception e) {
        if (threads.stopping()) {
            LOG.debug("run {} stopped with the platform: {}", run.getId(), e.toString());
            return true;
        }
        if (threads.draining()) {
            LOG.debug("run {} broke off by this node's stop: {}", run.getId(), e.toString());
            verdict.interrupt(run.getId(), interruption(run));
        } else {
            verdict.fail(run.getId(), e);
        }
        return false;
    }

    /** Why a run ends INTERRUPTED by this node's deliberate stop, and who continues its work. */
    private String interruption(Run run) {
        if (run.isDryRun()) {
            return StoredMessage.of("run.interrupted.dryRun", node).store();
        }
        if (!resume) {
            return StoredMessage.of("run.interrupted.nodeStoppedNextRun", node).store();
        }
        Set<String> others = new TreeSet<>(nodes.alive());
        others.remove(nodes.self());
        return others.isEmpty() ? StoredMessage.of("run.interrupted.nodeStoppedNextStart", node).store()
                : StoredMessage.of("run.interrupted.nodeStopped", node, String.join(", ", others)).store();
    }

    /**
     * Helps another node's run write its backlog, so that several nodes drain one large backlog: claims batches
     * for this node under that run until nothing is pending or the run ends. A solution with a rate limit is left to
     * its owner: the limit is the vendor's, for the whole cluster, and nodes share no memory to split it. So is a
     * grouped solution: its owner writes its groups one after the other once the fetch has ended.
     *
     * @return what this node wrote for the run
     */
    RecordWriter.Written assist(Run run) throws InterruptedException {
        long solutionId = run.getSolutionId();
        SolutionSpec spec = solutions.version(solutionId, run.getSolutionVersion());
        if (spec.rateLimit().perSecond() > 0 || spec.group() != null) {
            return RecordWriter.Written.NONE;
        }
        RecordPreparation preparation = details.forRun(solutionId, run.getSolutionVersion(), spec,
                connection(spec.source().connection(), "source"),
                preparations.of(solutionId, run.getSolutionVersion(), spec));
        RecordWriter.Target target = new RecordWriter.Target(connection(spec.target().connection(), "target"),
                spec.target().operation(), preparation, null,
                WriteGuards.writeRetry("assist-" + solutionId, spec.retry()), spec.logLevel());
        EngineThreads.Work work = threads.working();
        try {
            return pipeline.help(run, target, () -> !threads.draining()
                    && lock.stillWriting(solutionId, run.getId(), run.getInstanceId()));
        } finally {
            work.close();
        }
    }

    private Connection connection(Long id, String side) {
        if (id == null) {
            throw Problem.coded(Problem.Kind.INVALID, side + ".connection", "problem.run.noConnection",
                    "source".equals(side) ? 0 : 1);
        }
        if (!connections.exists(id)) {
            throw Problem.coded(Problem.Kind.INVALID, side + ".connection", "problem.run.connectionDeleted",
                    "source".equals(side) ? 0 : 1, String.valueOf(id));
        }
        return connections.runtime(id);
    }
}
