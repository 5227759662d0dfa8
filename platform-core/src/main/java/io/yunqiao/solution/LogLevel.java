package io.yunqiao.solution;

/**
 * How much of each record a solution's runs keep in the record log (数据日志). A record that was not written is
 * always logged in full, whatever the level: that is what a user needs to understand and re-push it.
 */
public enum LogLevel {
    /** 全部: every record with its request and response (the default). */
    ALL,
    /** 仅失败: every record gets a line; request and response are kept only for records not written. */
    FAILURES,
    /** 仅摘要: only records not written get a line (in full); the others are counted in the run. */
    SUMMARY
}
