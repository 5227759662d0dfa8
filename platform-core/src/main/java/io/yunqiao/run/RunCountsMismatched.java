package io.yunqiao.run;

/**
 * A run that ended by its counts has records its counts do not account for: fetched + carried differs from written +
 * skipped + failed + unconfirmed + unchanged + valid ({@link Run#countsAddUp()}). A fault of the engine, never of the
 * data: logged as an error, and what the engine tests listen to, so that every run of every test is checked.
 *
 * @param runId      the run
 * @param solutionId its solution
 * @param counts     the counts as the run ended, for the log
 */
public record RunCountsMismatched(long runId, long solutionId, String counts) {
}
