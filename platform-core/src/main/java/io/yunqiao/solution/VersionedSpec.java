package io.yunqiao.solution;

/**
 * A solution's spec at one version.
 *
 * @param version the version number, from 1
 * @param spec    the spec saved in that version
 */
public record VersionedSpec(int version, SolutionSpec spec) {
}
