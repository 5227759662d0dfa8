package io.yunqiao.sandbox;

/** What a sandbox does instead of (or before) answering normally. */
public enum FaultKind {
    /** Waits {@code latencyMs}, then answers normally. */
    LATENCY,
    /** Answers HTTP 500 with an HTML body, as a failing gateway does. */
    HTTP_500,
    /** Answers the vendor's "too many requests" envelope. */
    THROTTLE,
    /** Answers HTTP 200 with a truncated JSON body. */
    MALFORMED,
    /** Sends the status line and part of a body, then closes the connection. */
    DROP
}
