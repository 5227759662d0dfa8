package io.yunqiao.valuemap;

/**
 * A solution that reads a value-map table: its current version calls {@code $valueMap("table", …)} with the table's
 * name written out.
 *
 * @param solutionId the solution's id
 * @param solution   the solution's name
 * @param field      where in the solution, e.g. {@code target.mapping} or {@code existing.mapping}
 */
public record ValueMapUse(long solutionId, String solution, String field) {
}
