package io.yunqiao.run;

/** The state of a staged source record (待处理 → 处理中 → 成功 / 失败), and of one record log entry. */
public enum RecordStatus {
    /** 待处理: staged, waiting to be written. */
    PENDING,
    /** 处理中: claimed by a writer. */
    PROCESSING,
    /** 成功: the target accepted it. */
    SUCCESS,
    /** 失败: the target refused it or retries ran out; re-pushable. */
    FAILED,
    /** 跳过: a duplicate of something already written (same target key), nothing sent. */
    SKIPPED,
    /** 试运行: mapped and validated by a dry run, nothing sent (record logs only). */
    DRY_RUN
}
