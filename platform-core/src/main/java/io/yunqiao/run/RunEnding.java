package io.yunqiao.run;

/**
 * How a run that did its work ends, by its counts (docs/solutions.md): FAILED when the fetch stopped early or
 * every record failed; SUCCESS when every record was written or skipped as a duplicate; PARTIAL otherwise (some
 * failed, re-pushable, or some are unconfirmed and sent again by the next run).
 */
record RunEnding(RunStatus status, String reason) {

    /**
     * @param fetchFailure why fetching stopped early, or {@code null}
     * @param fetched      records fetched (a dry run's: mapped and validated)
     * @param unconfirmed  records the target may have stored without saying so ({@link RecordStatus#UNCONFIRMED})
     */
    static RunEnding of(String fetchFailure, boolean dryRun, int fetched, int written, int skipped, int failed,
            long unconfirmed) {
        if (fetchFailure != null) {
            return new RunEnding(RunStatus.FAILED, fetchFailure
                    + (written > 0 ? "; records staged before it were written" : ""));
        }
        // a dry run writes nothing: its good records are the valid ones
        long done = dryRun ? Math.max(0, fetched - failed) : (long) written + skipped;
        if (failed == 0 && unconfirmed == 0) {
            return new RunEnding(RunStatus.SUCCESS, null);
        }
        if (done == 0 && unconfirmed == 0) {
            return new RunEnding(RunStatus.FAILED, "every record failed (" + failed + "): see the record log"
                    + (dryRun ? "" : "; they can be re-pushed"));
        }
        StringBuilder reason = new StringBuilder();
        if (failed > 0) {
            reason.append(failed).append(" of ").append(done + failed + unconfirmed)
                    .append(" records failed: see the record log").append(dryRun ? "" : "; they can be re-pushed");
        }
        if (unconfirmed > 0) {
            reason.append(reason.isEmpty() ? "" : "; ").append(unconfirmed).append(" records got no answer and the"
                    + " target could not confirm them: the next run sends them again");
        }
        return new RunEnding(RunStatus.PARTIAL, reason.toString());
    }
}
