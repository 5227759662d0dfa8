package io.yunqiao.web.alert;

import io.yunqiao.problem.Problem;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunEnded;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reports ended runs by the alerts of their solution: a real (not dry) run that ended FAILED when
 * {@code onFailure} is on, or with more failed records than {@code failedRecordsAbove}; never an INTERRUPTED one. The engine announces the end
 * on its own thread, so everything — reading the solution, sending, retrying — happens on one alert thread of our
 * own, in order, and nothing reaches back into the run: a failed send is logged and the run's outcome stands.
 */
@Component
class RunAlerts {

    private static final int MAX_CHAIN = 20;
    private static final Logger LOG = LoggerFactory.getLogger(RunAlerts.class);
    /** Runs waiting to be reported; beyond this many (a mail server down for long) new alerts are dropped. */
    private static final int QUEUE = 1000;

    private final Solutions solutions;
    private final RunHistory history;
    private final AlertSender sender;
    private final AlertSettings settings;
    private final ThreadPoolExecutor worker;

    RunAlerts(Solutions solutions, AlertSender sender, AlertSettings settings, RunHistory history) {
        this.solutions = solutions;
        this.history = history;
        this.sender = sender;
        this.settings = settings;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "yunqiao-alerts");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * An INTERRUPTED run is never reported: its node stopped, and the run that continues its work reports the
     * outcome of that work when it ends (its alert names the run it continued).
     */
    @EventListener
    void runEnded(RunEnded run) {
        if (run.dryRun() || run.status() == RunStatus.SKIPPED || run.status() == RunStatus.INTERRUPTED
                || !run.status().isFinal()) {
            return;
        }
        try {
            worker.execute(() -> report(run));
        } catch (RejectedExecutionException e) {
            LOG.warn("Run {} of solution {} ended {} but is not checked for alerts: {} alerts are already waiting"
                    + " (is the mail server or webhook down?)", run.runId(), run.solutionId(), run.status(), QUEUE);
        } catch (RuntimeException e) {
            LOG.warn("Run {} is not checked for alerts: {}", run.runId(), e.toString());
        }
    }

    /** Alerts by the solution's current alerts, so switching them off stops the next alert at once. */
    private void report(RunEnded ended) {
        RunEnded run = ended;
        try {
            run = withInterruptedFailures(ended);
            SolutionSpec spec;
            try {
                spec = solutions.current(run.solutionId()).spec();
            } catch (Problem gone) {
                LOG.debug("Run {} ended, but its solution {} is gone: no alert", run.runId(), run.solutionId());
                return;
            }
            SolutionSpec.Alerts alerts = spec.alerts();
            if (!alerts.reports(run.status() == RunStatus.FAILED, run.failed())) {
                return;
            }
            AlertNotice notice = AlertNotice.of(run, spec.name(), alerts.onFailure(), alerts.failedRecordsAbove(),
                    settings.runLink(run.runId()));
            List<AlertDelivery> deliveries = sender.send(alerts, notice);
            LOG.info("Run {} of solution '{}' ended {} with {} failed records: alerted {}", run.runId(), spec.name(),
                    run.status(), run.failed(), deliveries);
        } catch (RuntimeException e) {
            LOG.warn("Alert for run {} of solution {} failed: {}", run.runId(), run.solutionId(), e.toString(), e);
        }
    }

    /**
     * The work a continuing run finished includes the records that failed in the interrupted runs it continued (their
     * counts are frozen, and they are never alerted themselves): the alert reports them too.
     */
    private RunEnded withInterruptedFailures(RunEnded run) {
        int failed = run.failed();
        Long previous = run.continuesRunId();
        // a chain of stops is short; the bound only guards against a link that points back
        for (int hops = 0; previous != null && hops < MAX_CHAIN; hops++) {
            Run interrupted = history.run(previous).orElse(null);
            if (interrupted == null || interrupted.getStatus() != RunStatus.INTERRUPTED) {
                break;
            }
            failed += interrupted.getFailed();
            previous = interrupted.getContinuesRunId();
        }
        return failed == run.failed() ? run : new RunEnded(run.runId(), run.solutionId(), run.solutionVersion(),
                run.trigger(), run.dryRun(), run.status(), run.fetched(), run.written(), run.skipped(), failed,
                run.error(), run.startedAt(), run.endedAt(), run.continuesRunId());
    }

    /** Waits until every alert queued before this call is done: for tests that check nothing was sent. */
    void awaitQueued(Duration timeout) throws InterruptedException, TimeoutException {
        Future<?> marker = worker.submit(() -> { });
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
