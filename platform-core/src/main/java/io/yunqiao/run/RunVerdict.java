package io.yunqiao.run;

import io.yunqiao.connector.ConnectorException;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends runs: a run that did its work by its counts ({@link RunEnding}), a run that could not by its failure; each
 * end is committed, then announced ({@link RunEnded}). A run its node's deliberate stop broke off ends INTERRUPTED;
 * one the platform's stop broke off without a drain is not ended: it stays RUNNING for recovery.
 */
@Component
class RunVerdict {

    private static final Logger LOG = LoggerFactory.getLogger(RunVerdict.class);

    private final RunRepository runs;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RunVerdict(RunRepository runs, Outcomes outcomes, TransactionTemplate transactions, Clock clock,
            ApplicationEventPublisher events) {
        this.runs = runs;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The error a run that failed by an exception keeps, as a {@link StoredMessage} (shown in the reader's language):
     * a refusal's code and parameters, a connector's failure; anything unexpected says the server log has the cause,
     * by the run's number, and never names a class or repeats an exception's text.
     */
    static String failureOf(long runId, Throwable failure) {
        if (failure instanceof InterruptedException) {
            return StoredMessage.of("run.error.interrupted").store();
        }
        if (failure instanceof Problem problem) {
            return StoredMessage.of(problem.code(), problem.params()).store();
        }
        if (failure instanceof ConnectorException connector) {
            return connector.stored().store();
        }
        return StoredMessage.of("run.error.unexpected", runId).store();
    }

    /** Whether a failure is one the run's own work may meet, rather than a fault of the engine worth a stack trace. */
    static boolean expected(Throwable failure) {
        return failure instanceof InterruptedException || failure instanceof Problem
                || failure instanceof ConnectorException;
    }

    /** Ends a run that did its work, by its counts ({@link RunEnding}). */
    void finish(long runId, String fetchFailure) {
        Run ended = transactions.execute(status -> {
            // locked: a helping node's outcomes are counted before the end or see the run final (Outcomes.recordAll)
            Run run = runs.lockById(runId).orElseThrow();
            if (alreadyEnded(run)) {
                return null;
            }
            RunEnding ending = RunEnding.of(fetchFailure, run.isDryRun(), run.getFetched(), run.getWritten(),
                    run.getSkipped(), run.getFailed(), run.isDryRun() ? 0 : outcomes.unconfirmedOf(runId));
            RunStatus end = ending.status();
            String reason = ending.reason();
            run.end(end, reason, clock.instant());
            LOG.info("run {} of solution {} ended {}: fetched {}, written {}, skipped {}, failed {}{}", runId,
                    run.getSolutionId(), end, run.getFetched(), run.getWritten(), run.getSkipped(), run.getFailed(),
                    reason == null ? "" : " (" + run.error(Locale.ENGLISH) + ")");
            return run;
        });
        if (ended == null) {
            return;
        }
        if (!ended.countsAddUp()) {
            String counts = countsOf(ended);
            LOG.error("run {} of solution {}: its counts do not add up ({})", runId, ended.getSolutionId(), counts);
            events.publishEvent(new RunCountsMismatched(runId, ended.getSolutionId(), counts));
        }
        events.publishEvent(RunEnded.of(ended));
    }

    private static String countsOf(Run run) {
        return "fetched " + run.getFetched() + " + carried " + run.getCarried() + " vs written " + run.getWritten()
                + " + skipped " + run.getSkipped() + " + failed " + run.getFailed() + " + unconfirmed "
                + run.getUnconfirmed() + " + unchanged " + run.getUnchanged() + " + valid " + run.getValid();
    }

    /**
     * Ends a run INTERRUPTED: its node stopped before its work was done, and another run continues it.
     *
     * @param reason why, in {@link StoredMessage} form
     */
    void interrupt(long runId, String reason) {
        Run ended = transactions.execute(status -> {
            Run run = runs.lockById(runId).orElseThrow();
            if (alreadyEnded(run)) {
                return null;
            }
            run.end(RunStatus.INTERRUPTED, reason, clock.instant());
            LOG.info("run {} of solution {} interrupted: {}", runId, run.getSolutionId(), run.error(Locale.ENGLISH));
            return run;
        });
        if (ended != null) {
            events.publishEvent(RunEnded.of(ended));
        }
    }

    /** Ends a run FAILED by what stopped it ({@link #failureOf}). */
    void fail(long runId, Throwable failure) {
        Run ended = transactions.execute(status -> {
            Run run = runs.lockById(runId).orElseThrow();
            if (alreadyEnded(run)) {
                return null;
            }
            if (!expected(failure)) {
                LOG.error("run {} of solution {} failed", runId, run.getSolutionId(), failure);
            }
            run.end(RunStatus.FAILED, failureOf(runId, failure), clock.instant());
            LOG.warn("run {} of solution {} failed: {}", runId, run.getSolutionId(), run.error(Locale.ENGLISH));
            return run;
        });
        if (ended != null) {
            events.publishEvent(RunEnded.of(ended));
        }
    }

    /**
     * A run another node already ended keeps its end: a node that lost its cluster check-in for a while (a long
     * pause, a database fail-over) may come back and finish a run the others took for dead, ended INTERRUPTED and
     * continued; ending it again would change frozen counts and alert twice.
     */
    private static boolean alreadyEnded(Run run) {
        if (!run.getStatus().isFinal()) {
            return false;
        }
        LOG.warn("run {} of solution {} was already ended {} (by another node, which took this node for dead);"
                + " its end is kept", run.getId(), run.getSolutionId(), run.getStatus());
        return true;
    }
}
