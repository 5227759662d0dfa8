package io.yunqiao.solution;

/**
 * Published after a solution was created, changed, enabled or disabled (the scheduler follows it).
 *
 * @param solutionId the solution
 * @param enabled    whether its schedule should fire
 * @param cron       its cron expression
 */
public record SolutionSaved(long solutionId, boolean enabled, String cron) {
}
