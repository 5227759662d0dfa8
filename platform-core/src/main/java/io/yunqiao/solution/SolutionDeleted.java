package io.yunqiao.solution;

/** Published after a solution was deleted. */
public record SolutionDeleted(long solutionId) {
}
