package io.yunqiao.run;

/** The state of a staged source record (待处理 → 处理中 → 成功 / 失败 / 待确认), and of one record log entry. */
public enum RecordStatus {
    /** 待处理: staged, waiting to be written. */
    PENDING,
    /** 处理中: claimed by a writer. */
    PROCESSING,
    /** 成功: the target accepted it. */
    SUCCESS,
    /** 失败: the target refused it or retries ran out; re-pushable. */
    FAILED,
    /**
     * 跳过: nothing sent, and no failure: a duplicate of something already written (same target key), a record the
     * target already holds (already-exists policy SKIP), or one the solution's record filter left out.
     */
    SKIPPED,
    /** 试运行: mapped and validated by a dry run, nothing sent (record logs only). */
    DRY_RUN,
    /**
     * 待确认: the target may have stored it, but no answer said so (e.g. every attempt timed out) and no look-up
     * could tell; kept as possibly sent, the next run of the solution sends it again, where "already exists"
     * counts as written. Never counted as failed for a timeout alone.
     */
    UNCONFIRMED;

    /**
     * Whether the record's content is at the target: written now (成功), or a duplicate of something written (跳过).
     * Such a record is not fetched again as new work, and a log level may leave out its bodies.
     */
    public boolean isWritten() {
        return this == SUCCESS || this == SKIPPED;
    }
}
