package io.yunqiao.connector;

/** What kind of failure a vendor answer (or its absence) is; decides whether the engine retries. */
public enum ErrorClass {
    /** Credentials, token or signature refused: fix the connection, retrying will not help. */
    AUTH(false),
    /** The vendor asked us to slow down: retry after a backoff. */
    THROTTLED(true),
    /** A passing fault: timeout, dropped connection, 5xx, a garbled body. Retry after a backoff. */
    RETRYABLE(true),
    /** The record is already there; counts as written when we sent it before (idempotent retry). */
    ALREADY_EXISTS(false),
    /** The vendor refused the content: fix the mapping or the data. */
    VALIDATION(false),
    /** Any other business error. */
    OTHER(false);

    private final boolean retryable;

    ErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether sending the same request again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
