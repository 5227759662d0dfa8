package io.yunqiao.run.search;

import io.yunqiao.run.RecordStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A staged record a search found: where it comes from, its keys, its current state and the runs it appears in.
 * Nothing of its content, request or response: a search answers where to look, the run's record log shows the rest.
 *
 * @param id            the staged record's id (what a re-push names)
 * @param solutionName  {@code null} when the solution is gone
 * @param code          the bill number (单据编号), or {@code null} when the solution reads none
 * @param targetKey     the key it was written under, or {@code null} before it was written
 * @param status        its current state
 * @param updatedAt     when its state last changed
 * @param matchedBy     which of its keys matched
 * @param exact         whether one of them equals the text (shown first)
 * @param runs          the runs it appears in, newest first, at most {@link RecordSearch#RUNS_PER_RECORD}
 * @param moreRuns      whether it appears in more runs than listed
 */
public record FoundRecord(long id, long solutionId, String solutionName, String code, String sourceKey,
        String targetKey, RecordStatus status, Instant updatedAt, Set<Key> matchedBy, boolean exact,
        List<Appearance> runs, boolean moreRuns) {

    /** The keys a search compares. */
    public enum Key {
        /** 单据编号. */
        CODE,
        /** 源主键. */
        SOURCE_KEY,
        /** 目标主键. */
        TARGET_KEY
    }

    /**
     * One run the record appears in.
     *
     * @param logId  its entry in the run's record log, or {@code null} when the run's log level kept none (the run
     *               is then known only as the last run that handled the record)
     * @param status its state in that run ({@code null} without a log entry)
     * @param at     when that run handled it ({@code null} without a log entry)
     */
    public record Appearance(long runId, Long logId, RecordStatus status, Instant at) {
    }
}
