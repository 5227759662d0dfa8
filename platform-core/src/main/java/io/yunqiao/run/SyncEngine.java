package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.retry.Retry;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionRepository;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.Variables;
import io.yunqiao.solution.VersionedSpec;
import io.yunqiao.solution.WindowPlan;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs solutions (architecture.md, "How one run flows"): one run per solution at a time; fetch the window page by
 * page and stage it, advancing the checkpoint with the last page; then write every pending record with the rate
 * limit and retries, logging each outcome; end SUCCESS, PARTIAL or FAILED with a reason.
 */
@Service
public class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** At most this many records in one re-push request. */
    static final int MAX_REPUSH_IDS = 10_000;

    private final SolutionRepository solutionRepository;
    private final Solutions solutions;
    private final Connections connections;
    private final ConnectorClient client;
    private final ConnectorRegistry registry;
    private final Staging staging;
    private final Outcomes outcomes;
    private final RunRepository runs;
    private final WriteGuards guards;
    private final Preparations preparations;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final ExecutorService runExecutor;
    private final ExecutorService writers;
    private final int batchSize;
    private final ApplicationEventPublisher events;
    private final ClusterNodes nodes;
    private final EngineMetrics metrics;
    private final StagedContents contents;
    /** Set when the platform stops: runs interrupted by it are left for recovery, not failed. */
    private volatile boolean stopping;

    SyncEngine(SolutionRepository solutionRepository, Solutions solutions, Connections connections,
            ConnectorClient client, ConnectorRegistry registry, Staging staging, Outcomes outcomes,
            RunRepository runs, WriteGuards guards, Preparations preparations, TransactionTemplate transactions,
            Clock clock, NodeName node, @Value("${yunqiao.engine.writers:4}") int writerThreads,
            @Value("${yunqiao.engine.batch-size:200}") int batchSize, ApplicationEventPublisher events,
            ClusterNodes nodes, EngineMetrics metrics, StagedContents contents) {
        this.contents = contents;
        this.solutionRepository = solutionRepository;
        this.solutions = solutions;
        this.connections = connections;
        this.client = client;
        this.registry = registry;
        this.staging = staging;
        this.outcomes = outcomes;
        this.runs = runs;
        this.guards = guards;
        this.preparations = preparations;
        this.transactions = transactions;
        this.clock = clock;
        this.node = node.value();
        this.batchSize = batchSize;
        this.events = events;
        this.nodes = nodes;
        this.metrics = metrics;
        this.runExecutor = Executors.newCachedThreadPool(named("yunqiao-run-"));
        this.writers = Executors.newFixedThreadPool(Math.max(1, writerThreads), named("yunqiao-writer-"));
    }

    /** Daemon threads named {@code prefix1, prefix2, …}: the engine's own threads never keep the JVM alive. */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts a run in the background and answers it at once: RUNNING, or SKIPPED when another run of the solution
     * holds the lock.
     */
    public Run start(long solutionId, RunTrigger trigger, boolean dryRun) {
        Run run = open(solutionId, trigger, dryRun);
        if (run.getStatus() == RunStatus.RUNNING) {
            runExecutor.submit(() -> execute(run.getId(), null));
        }
        return run;
    }

    /** Runs to the end in the calling thread (the scheduler's job thread) and answers the final run. */
    public Run runNow(long solutionId, RunTrigger trigger, boolean dryRun) {
        Run run = open(solutionId, trigger, dryRun);
        if (run.getStatus() == RunStatus.RUNNING) {
            execute(run.getId(), null);
        }
        return runs.findById(run.getId()).orElseThrow();
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
        Run run = open(original.getSolutionId(), RunTrigger.REPUSH, false);
        if (run.getStatus() == RunStatus.RUNNING) {
            Runnable work = () -> execute(run.getId(), ids);
            if (wait) {
                work.run();
            } else {
                runExecutor.submit(work);
            }
        }
        return runs.findById(run.getId()).orElseThrow();
    }

    /**
     * Creates the run and takes the solution's lock in one transaction. Without the lock the run is SKIPPED, unless
     * the run holding it belongs to a node that died: then that run ends FAILED and this one takes over its work.
     */
    private Run open(long solutionId, RunTrigger trigger, boolean dryRun) {
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
                    held.end(RunStatus.FAILED, "interrupted: node " + held.getNode() + " stopped during this run;"
                            + " run " + run.getId() + " on node " + node + " took over its work", now);
                    ended.add(held);
                }
                LOG.warn("solution {}: run {} took over from run {} of node {}, which is no longer alive",
                        solutionId, run.getId(), holder, held == null ? "?" : held.getNode());
                return run;
            }
            run.end(RunStatus.SKIPPED, "another run of this solution (run " + holder + ") is running", now);
            ended.add(run);
            LOG.info("solution {}: {} run skipped, run {} is still running", solutionId, trigger, holder);
            return run;
        });
        ended.forEach(run -> events.publishEvent(RunEnded.of(run)));
        return opened;
    }

    private void execute(long runId, List<Long> repushIds) {
        Run run = runs.findById(runId).orElseThrow();
        long solutionId = run.getSolutionId();
        boolean leftForRecovery = false;
        try {
            SolutionSpec spec = solutions.version(solutionId, run.getSolutionVersion());
            LOG.info("run {} of solution {} ({}) started: {}{}", runId, solutionId, spec.name(), run.getTrigger(),
                    run.isDryRun() ? " (dry run)" : "");
            Connection source = connection(spec.source().connection(), "source");
            Connection target = connection(spec.target().connection(), "target");
            RecordPreparation preparation = preparations.of(solutionId, run.getSolutionVersion(), spec);
            Retry writeRetry = WriteGuards.writeRetry("write-" + solutionId, spec.retry());
            String fetchFailure = null;
            if (!run.isDryRun()) {
                outcomes.releaseClaims(solutionId, nodes.alive());
                outcomes.requeueUnconfirmed(solutionId);
            }
            if (repushIds != null) {
                outcomes.requeue(solutionId, repushIds, runId);
            } else {
                fetchFailure = fetch(run, spec, source, preparation,
                        WriteGuards.fetchRetry("fetch-" + solutionId, spec.retry()));
            }
            if (!run.isDryRun()) {
                transactions.executeWithoutResult(status -> runs.findById(runId).orElseThrow()
                        .writing(clock.instant()));
                new RecordWriter(client, outcomes, writers, batchSize, clock, metrics, contents).drain(solutionId,
                        runId, new RecordWriter.Target(target, spec.target().operation(), preparation,
                                guards.limiter(target.id(), spec.rateLimit().perSecond()), writeRetry, spec.logLevel()),
                        nodes);
            }
            finish(runId, fetchFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leftForRecovery = stopping;
            if (!stopping) {
                fail(runId, "interrupted while writing");
            }
        } catch (RuntimeException e) {
            // a failure caused by the platform's own stop is no failure of the run
            leftForRecovery = stopping;
            if (stopping) {
                LOG.debug("run {} stopped with the platform: {}", runId, e.toString());
            } else if (e instanceof Problem || e instanceof ConnectorException) {
                fail(runId, e.getMessage());
            } else {
                LOG.error("run {} of solution {} failed", runId, solutionId, e);
                fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } finally {
            if (leftForRecovery) {
                LOG.warn("run {} of solution {} was interrupted by the platform's stop: left RUNNING, to be resumed"
                        + " at the next start", runId, solutionId);
            } else {
                transactions.executeWithoutResult(status -> solutionRepository.unlock(solutionId, runId));
            }
        }
    }

    /**
     * Helps another node's run write its backlog, so that several nodes drain one large backlog: claims batches
     * for this node under that run until nothing is pending or the run ends. A solution with a rate limit is left to
     * its owner: the limit is the vendor's, for the whole cluster, and nodes share no memory to split it.
     *
     * @return what this node wrote for the run
     */
    RecordWriter.Written assist(Run run) throws InterruptedException {
        long solutionId = run.getSolutionId();
        SolutionSpec spec = solutions.version(solutionId, run.getSolutionVersion());
        if (spec.rateLimit().perSecond() > 0) {
            return RecordWriter.Written.NONE;
        }
        RecordWriter.Target target = new RecordWriter.Target(connection(spec.target().connection(), "target"),
                spec.target().operation(), preparations.of(solutionId, run.getSolutionVersion(), spec), null,
                WriteGuards.writeRetry("assist-" + solutionId, spec.retry()), spec.logLevel());
        return new RecordWriter(client, outcomes, writers, batchSize, clock, metrics, contents).writeWhilePending(
                solutionId, run.getId(), target, nodes.self(),
                () -> stillWriting(solutionId, run.getId(), run.getInstanceId()));
    }

    /** Whether a helped run still runs, on a live node: a dead node's run is for whoever takes it over. */
    private boolean stillWriting(long solutionId, long runId, String instance) {
        return nodes.isAlive(instance)
                && runs.findById(runId).map(r -> r.getStatus() == RunStatus.RUNNING).orElse(false)
                && solutionRepository.findById(solutionId).map(s -> Long.valueOf(runId).equals(s.getRunningRunId()))
                        .orElse(false);
    }

    private Connection connection(Long id, String side) {
        if (id == null) {
            throw Problem.invalid(side + ".connection", "the solution has no " + side + " connection: edit it and"
                    + " choose one");
        }
        if (!connections.exists(id)) {
            throw Problem.invalid(side + ".connection", "the " + side + " connection " + id + " was deleted: edit the"
                    + " solution and choose another");
        }
        return connections.runtime(id);
    }

    /** Fetches and stages every window; answers why fetching stopped early, or {@code null}. */
    private String fetch(Run run, SolutionSpec spec, Connection source, RecordPreparation preparation, Retry retry) {
        long runId = run.getId();
        long solutionId = run.getSolutionId();
        OperationDefinition operation = registry.operation(source.connectorId(), spec.source().operation());
        int pageSize = spec.source().pageSize() > 0 ? spec.source().pageSize()
                : operation.paging() != null ? operation.paging().defaultSize() : 100;
        List<WindowPlan.Span> spans = WindowPlan.of(spec.window(), staging.checkpoint(solutionId), clock.instant());
        transactions.executeWithoutResult(status -> runs.findById(runId).orElseThrow()
                .window(spans.get(0).start(), spans.get(spans.size() - 1).end()));
        for (WindowPlan.Span span : spans) {
            PageRequest page = PageRequest.first(pageSize);
            while (true) {
                Map<String, Object> params = paramsFor(spec, operation, span, page);
                QueryPage answer;
                try {
                    PageRequest current = page;
                    answer = Retry.decorateSupplier(retry,
                            () -> client.query(source, operation.id(), params, current)).get();
                } catch (ConnectorException e) {
                    return "fetching page " + (page.index() + 1) + " of the window " + span.start() + " .. "
                            + span.end() + " failed: " + e.getMessage();
                }
                if (run.isDryRun()) {
                    dryRun(runId, operation, answer.records(), preparation);
                } else {
                    Staging.Staged staged = staging.stage(solutionId, runId, operation, answer.records(),
                            answer.hasMore() ? null : span.end());
                    outcomes.count(runId, staged.fetched(), 1, 0, staged.duplicates(), staged.withoutKey());
                    metrics.records(solutionId, "fetched", staged.fetched());
                    metrics.records(solutionId, "skipped", staged.duplicates());
                    metrics.records(solutionId, "failed", staged.withoutKey());
                }
                if (!answer.hasMore()) {
                    break;
                }
                page = answer.next();
            }
        }
        return null;
    }

    private static Map<String, Object> paramsFor(SolutionSpec spec, OperationDefinition operation,
            WindowPlan.Span span, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (operation.window() != null) {
            params.putAll(operation.window().params(span.start(), span.end()));
        }
        params.putAll(Variables.fill(spec.source().params(), span.start(), span.end(), page.index(), page.size()));
        return params;
    }

    private void dryRun(long runId, OperationDefinition operation, List<JsonNode> records,
            RecordPreparation preparation) {
        int failed = 0;
        for (JsonNode record : records) {
            Prepared prepared = preparation.prepare(record);
            String key = JsonPaths.text(record, operation.key());
            outcomes.dryRunLog(runId, key, prepared.sendable() ? RecordStatus.DRY_RUN : RecordStatus.FAILED,
                    prepared.body() == null ? null : prepared.body().toString(),
                    prepared.sendable() ? "valid: would be sent" : prepared.problem());
            failed += prepared.sendable() ? 0 : 1;
        }
        outcomes.count(runId, records.size(), 1, 0, 0, failed);
    }

    /** Ends a run that did its work, by its counts ({@link RunEnding}). */
    private void finish(long runId, String fetchFailure) {
        Run ended = transactions.execute(status -> {
            Run run = runs.findById(runId).orElseThrow();
            RunEnding ending = RunEnding.of(fetchFailure, run.isDryRun(), run.getFetched(), run.getWritten(),
                    run.getSkipped(), run.getFailed(), run.isDryRun() ? 0 : outcomes.unconfirmedOf(runId));
            RunStatus end = ending.status();
            String reason = ending.reason();
            run.end(end, reason, clock.instant());
            LOG.info("run {} of solution {} ended {}: fetched {}, written {}, skipped {}, failed {}{}", runId,
                    run.getSolutionId(), end, run.getFetched(), run.getWritten(), run.getSkipped(), run.getFailed(),
                    reason == null ? "" : " (" + reason + ")");
            return run;
        });
        events.publishEvent(RunEnded.of(ended));
    }

    private void fail(long runId, String failure) {
        Run ended = transactions.execute(status -> {
            Run run = runs.findById(runId).orElseThrow();
            run.end(RunStatus.FAILED, failure, clock.instant());
            LOG.warn("run {} of solution {} failed: {}", runId, run.getSolutionId(), failure);
            return run;
        });
        events.publishEvent(RunEnded.of(ended));
    }

    /**
     * Stops taking work; running runs stop with the process and stay RUNNING, to be resumed at the next start
     * ({@link RunRecovery}) or taken over by another node, as after a crash.
     */
    @PreDestroy
    void shutdown() throws InterruptedException {
        stopping = true;
        runExecutor.shutdownNow();
        writers.shutdownNow();
        runExecutor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The runs of a solution, newest first. */
    public List<Run> runsOf(long solutionId, int limit) {
        return new ArrayList<>(runs.findBySolutionIdOrderByStartedAtDesc(solutionId,
                org.springframework.data.domain.PageRequest.of(0, limit)));
    }
}
