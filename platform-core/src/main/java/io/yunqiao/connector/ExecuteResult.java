package io.yunqiao.connector;

import java.time.Duration;

/**
 * The classified outcome of one EXECUTE call. Failures are values, not exceptions, so that a caller logs every
 * outcome the same way.
 *
 * @param success    whether the vendor accepted the request
 * @param errorClass the kind of failure, {@code null} on success
 * @param vendorCode the vendor's error code, if any
 * @param message    the vendor's message, or a description of the transport failure
 * @param httpStatus the HTTP status, 0 when no answer arrived
 * @param request    the business body sent (JSON text; form fields as a JSON object)
 * @param response   the answer's body text, {@code null} when none arrived
 * @param resultKey  the id of the created record at the operation's result path, if any
 * @param duration   how long the call took, including an auth refresh
 * @param possiblySent whether the request's bytes may have reached the target (an answer came, or the connection
 *                   broke after it was opened); {@code false} when it provably never left (a refusal before sending,
 *                   an invalid URL, a connection refused or not established)
 */
public record ExecuteResult(
        boolean success,
        ErrorClass errorClass,
        String vendorCode,
        String message,
        int httpStatus,
        String request,
        String response,
        String resultKey,
        Duration duration,
        boolean possiblySent) {

    /** Whether sending the same request again later may succeed. */
    public boolean retryable() {
        return !success && errorClass != null && errorClass.retryable();
    }
}
