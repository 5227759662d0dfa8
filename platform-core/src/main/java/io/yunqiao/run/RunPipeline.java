package io.yunqiao.run;

import io.github.resilience4j.retry.Retry;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.solution.SolutionSpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetching and writing of one run at the same time: the writer starts on the first staged page while later pages
 * are still being fetched, through a {@link HandOff} of at most {@code yunqiao.engine.hand-off-pages} pages (the
 * fetcher waits while it is full). After the fetch the writer writes whatever else is pending and waits for the
 * nodes helping it. A fetch that stops early stops only the fetching: what was staged is still written. A writer
 * that fails stops the fetcher at its next page; what was staged stays pending for the next run. The platform's
 * stop drains both sides: the fetcher fetches no new page and the writer claims no new batch ({@link NodeStopping});
 * a stop that outlasts its grace interrupts both.
 */
@Component
class RunPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(RunPipeline.class);

    private final Fetcher fetcher;
    private final ConnectorClient client;
    private final Outcomes outcomes;
    private final StagedClaims claims;
    private final StagedContents contents;
    private final EngineThreads threads;
    private final EngineMetrics metrics;
    private final ClusterNodes nodes;
    private final RunRepository runs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int handOffPages;
    private final ChosenDryRun chosen;

    RunPipeline(Fetcher fetcher, ConnectorClient client, Outcomes outcomes, StagedClaims claims,
            StagedContents contents, EngineThreads threads, EngineMetrics metrics, ClusterNodes nodes,
            RunRepository runs, TransactionTemplate transactions, Clock clock,
            @Value("${yunqiao.engine.batch-size:200}") int batchSize,
            @Value("${yunqiao.engine.hand-off-pages:auto}") String handOffPages, ChosenDryRun chosen) {
        this.chosen = chosen;
        this.fetcher = fetcher;
        this.client = client;
        this.outcomes = outcomes;
        this.claims = claims;
        this.contents = contents;
        this.threads = threads;
        this.metrics = metrics;
        this.nodes = nodes;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
        this.handOffPages = handOffPages(handOffPages, Runtime.getRuntime().maxMemory());
    }

    /** JVMs with less heap than this hand off a single page when the setting is {@code auto}. */
    private static final long SMALL_HEAP = 512L << 20;

    /**
     * The hand-off size a setting asks for: a number of pages (at least 1), or {@code auto}: 4 pages, so that a
     * backlog builds up for other nodes to help with ({@code yunqiao.engine.assist-min-pending}), but 1 in a heap
     * under 512 MB, where fewer parsed pages waiting means much less garbage collection (docs/operations.md).
     *
     * @throws IllegalArgumentException for anything else, naming the setting
     */
    static int handOffPages(String setting, long maxHeap) {
        String value = setting == null ? "" : setting.trim();
        if (value.equalsIgnoreCase("auto")) {
            return maxHeap < SMALL_HEAP ? 1 : 4;
        }
        try {
            int pages = Integer.parseInt(value);
            if (pages >= 1) {
                return pages;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new IllegalArgumentException("yunqiao.engine.hand-off-pages is 'auto' or a number of pages from 1,"
                + " not '" + setting + "'");
    }

    /** A new writer for one run on this node: its in-flight bound covers every batch it writes. */
    private RecordWriter writer() {
        return new RecordWriter(client, outcomes, threads.writers(), batchSize, clock, metrics, contents, claims,
                threads::draining);
    }

    /**
     * Maps and validates every record {@code chosen} names (the window's, fetched; the newest staged; a pasted
     * sample) and logs it; stages and writes nothing.
     */
    String dryRun(Run run, SolutionSpec spec, Connection source, RecordPreparation preparation, Retry fetchRetry,
            DryRunSource chosen) throws InterruptedException {
        if (chosen.kind() != DryRunSource.Kind.WINDOW) {
            this.chosen.run(run, spec, source.connectorId(), preparation, chosen);
            return null;
        }
        return fetcher.fetch(run, spec, source, preparation, fetchRetry, null);
    }

    /**
     * Fetches and writes at the same time (see the class comment), until both are done.
     *
     * @return why fetching stopped early, or {@code null}
     * @throws RuntimeException the writer's failure, or the fetcher's
     */
    String fetchAndWrite(Run run, SolutionSpec spec, Connection source, RecordPreparation preparation,
            Retry fetchRetry, RecordWriter.Target target) throws InterruptedException {
        if (grouped(spec)) {
            return fetchThenWriteGroups(run, spec, source, preparation, fetchRetry, target);
        }
        long runId = run.getId();
        long solutionId = run.getSolutionId();
        takeBackClaims(solutionId);
        outcomes.retryFailed(solutionId, laterRuns(spec));
        markWriting(runId);
        HandOff handOff = new HandOff(handOffPages);
        RecordWriter writer = writer();
        CountDownLatch writerDone = new CountDownLatch(1);
        Future<?> writing = threads.runs().submit(() -> {
            try {
                writer.writeHandedOff(solutionId, runId, target, handOff, nodes);
                return null;
            } catch (Exception | Error e) {
                // the fetcher must not wait on a writer that is gone
                handOff.abandon();
                throw e;
            } finally {
                writerDone.countDown();
            }
        });
        String fetchFailure;
        try {
            fetchFailure = fetcher.fetch(run, spec, source, preparation, fetchRetry, handOff);
        } catch (InterruptedException e) {
            stop(writing, writerDone);
            throw e;
        } catch (RuntimeException | Error e) {
            if (threads.stopping()) {
                stop(writing, writerDone);
            } else {
                // what was staged before the failure is still written; the fetcher's failure is the run's
                handOff.finish();
                awaitWriter(runId, writing, writerDone);
            }
            throw e;
        } finally {
            handOff.finish();
        }
        join(writing, writerDone);
        return fetchFailure;
    }

    /**
     * A grouped solution's run: fetches first (staging every page, handing none off: a group may span pages), then
     * writes what is pending group by group ({@link GroupWriter}). A fetch that stops early still has what it staged
     * written; the checkpoint and staging rules are those of every run.
     */
    private String fetchThenWriteGroups(Run run, SolutionSpec spec, Connection source,
            RecordPreparation preparation, Retry fetchRetry, RecordWriter.Target target) throws InterruptedException {
        long solutionId = run.getSolutionId();
        takeBackClaims(solutionId);
        outcomes.retryFailed(solutionId, laterRuns(spec));
        markWriting(run.getId());
        String fetchFailure;
        try {
            fetchFailure = fetcher.fetch(run, spec, source, preparation, fetchRetry, new HandOff(1));
        } catch (RuntimeException | Error e) {
            if (!threads.stopping() && !(e instanceof NodeStopping)) {
                try {
                    writeGroups(solutionId, run.getId(), spec, target);
                } catch (RuntimeException more) {
                    LOG.warn("run {}: writing the groups stopped too: {}", run.getId(), more.toString());
                }
            }
            throw e;
        }
        writeGroups(solutionId, run.getId(), spec, target);
        return fetchFailure;
    }

    private static int laterRuns(SolutionSpec spec) {
        return spec == null ? 0 : spec.retry().laterRuns();
    }

    private static boolean grouped(SolutionSpec spec) {
        return spec != null && spec.group() != null;
    }

    private void writeGroups(long solutionId, long runId, SolutionSpec spec, RecordWriter.Target target)
            throws InterruptedException {
        new GroupWriter(writer(), outcomes, claims, contents, metrics, clock).drain(solutionId, runId, target,
                fetcher.shape(spec), nodes.self());
    }

    /** Writes a re-push: the given failed records of the solution, pending again, and nothing fetched. */
    void repush(SolutionSpec spec, long solutionId, long runId, List<Long> ids, RecordWriter.Target target)
            throws InterruptedException {
        takeBackClaims(solutionId);
        outcomes.requeue(solutionId, ids, runId);
        markWriting(runId);
        if (grouped(spec)) {
            writeGroups(solutionId, runId, spec, target);
        } else {
            writer().drain(solutionId, runId, target, nodes);
        }
    }

    /**
     * Helps another node's run write its backlog: claims batches for this node while records are pending and
     * {@code keepGoing} says so.
     */
    RecordWriter.Written help(Run run, RecordWriter.Target target, BooleanSupplier keepGoing)
            throws InterruptedException {
        return writer().writeWhilePending(run.getSolutionId(), run.getId(), target, nodes.self(), keepGoing);
    }

    /** Records dead nodes claimed, and records earlier runs left unconfirmed, are written again. */
    private void takeBackClaims(long solutionId) {
        outcomes.releaseClaims(solutionId, nodes.alive());
        outcomes.requeueUnconfirmed(solutionId);
    }

    /** Lets other nodes see that the run writes, so that they may help with its backlog. */
    private void markWriting(long runId) {
        transactions.executeWithoutResult(status -> runs.findById(runId).orElseThrow().writing(clock.instant()));
    }

    /** Waits for the writer; answers its failure as this thread's. */
    private static void join(Future<?> writing, CountDownLatch writerDone) throws InterruptedException {
        try {
            writing.get();
        } catch (InterruptedException e) {
            stop(writing, writerDone);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for a writer whose failure, if any, comes second to the fetcher's: it is only logged. */
    private static void awaitWriter(long runId, Future<?> writing, CountDownLatch writerDone) {
        try {
            join(writing, writerDone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NodeStopping e) {
            // the writer stopped because this node is stopping: nothing to say
        } catch (RuntimeException | Error e) {
            LOG.warn("run {}: the writer stopped too: {}", runId, e.toString());
        }
    }

    /**
     * Interrupts the writer and waits (briefly) until it has given its claims back, so that nothing it claimed stays
     * claimed by this live node.
     */
    private static void stop(Future<?> writing, CountDownLatch writerDone) {
        writing.cancel(true);
        try {
            writerDone.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
