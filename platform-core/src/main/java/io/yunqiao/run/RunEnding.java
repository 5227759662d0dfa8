package io.yunqiao.run;

import io.yunqiao.problem.StoredMessage;

/**
 * How a run that did its work ends, by its counts (docs/solutions.md): FAILED when the fetch stopped early or
 * every record failed; SUCCESS when every record was written or skipped as a duplicate; PARTIAL otherwise (some
 * failed, re-pushable, or some are unconfirmed and sent again by the next run).
 */
record RunEnding(RunStatus status, String reason) {

    /**
     * @param fetchFailure why fetching stopped early ({@link StoredMessage} form), or {@code null}
     * @param fetched      records fetched (a dry run's: mapped and validated)
     * @param unconfirmed  records the target may have stored without saying so ({@link RecordStatus#UNCONFIRMED})
     */
    static RunEnding of(String fetchFailure, boolean dryRun, int fetched, int written, int skipped, int failed,
            long unconfirmed) {
        if (fetchFailure != null) {
            return new RunEnding(RunStatus.FAILED, written > 0
                    ? StoredMessage.of("run.end.fetchFailedAfterWrites", fetchFailure).store() : fetchFailure);
        }
        // a dry run writes nothing: its good records are the valid ones
        long done = dryRun ? Math.max(0, fetched - failed) : (long) written + skipped;
        if (failed == 0 && unconfirmed == 0) {
            return new RunEnding(RunStatus.SUCCESS, null);
        }
        if (done == 0 && unconfirmed == 0) {
            return new RunEnding(RunStatus.FAILED,
                    StoredMessage.of(dryRun ? "run.end.allInvalid" : "run.end.allFailed", failed).store());
        }
        long all = done + failed + unconfirmed;
        String reason;
        if (failed > 0 && unconfirmed > 0) {
            reason = StoredMessage.of("run.end.someFailedSomeUnconfirmed", all, failed, unconfirmed).store();
        } else if (failed > 0) {
            reason = StoredMessage.of(dryRun ? "run.end.someInvalid" : "run.end.someFailed", all, failed).store();
        } else {
            reason = StoredMessage.of("run.end.unconfirmed", unconfirmed).store();
        }
        return new RunEnding(RunStatus.PARTIAL, reason);
    }
}
