package io.yunqiao.connector;

/** What an operation does: reads records (a solution's source) or writes one request (a solution's target). */
public enum OperationRole {
    QUERY,
    EXECUTE
}
