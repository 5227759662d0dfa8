package io.yunqiao.run;

import java.time.Instant;

/**
 * A run ended and its final state is committed: what alerts and metrics listen to. Published once per run, by the
 * node that ended it, after the transaction that recorded the end; SKIPPED runs (which did nothing) included.
 *
 * @param runId           the run
 * @param solutionId      its solution
 * @param solutionVersion the version it ran
 * @param trigger         what started it
 * @param dryRun          whether it only previewed
 * @param status          how it ended
 * @param fetched         records fetched
 * @param written         records written
 * @param skipped         records skipped as duplicates
 * @param failed          records that failed
 * @param error           why it failed or was partial, or {@code null}
 * @param startedAt       when it started
 * @param endedAt         when it ended
 * @param continuesRunId  the INTERRUPTED run whose work this run continued, or {@code null}
 */
public record RunEnded(long runId, long solutionId, int solutionVersion, RunTrigger trigger, boolean dryRun,
        RunStatus status, int fetched, int written, int skipped, int failed, String error, Instant startedAt,
        Instant endedAt, Long continuesRunId) {

    /** A run that continued no interrupted run. */
    public RunEnded(long runId, long solutionId, int solutionVersion, RunTrigger trigger, boolean dryRun,
            RunStatus status, int fetched, int written, int skipped, int failed, String error, Instant startedAt,
            Instant endedAt) {
        this(runId, solutionId, solutionVersion, trigger, dryRun, status, fetched, written, skipped, failed, error,
                startedAt, endedAt, null);
    }

    static RunEnded of(Run run) {
        return new RunEnded(run.getId(), run.getSolutionId(), run.getSolutionVersion(), run.getTrigger(),
                run.isDryRun(), run.getStatus(), run.getFetched(), run.getWritten(), run.getSkipped(),
                run.getFailed(), run.getError(), run.getStartedAt(), run.getEndedAt(), run.getContinuesRunId());
    }
}
