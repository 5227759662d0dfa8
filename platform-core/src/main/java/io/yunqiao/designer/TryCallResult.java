package io.yunqiao.designer;

import io.yunqiao.connector.CallTrace;
import java.time.Duration;
import java.util.List;

/**
 * What one try call did: each request exactly as sent (secrets, tokens and signatures masked) with its answer, and
 * how the platform understood the last answer.
 *
 * @param success        whether the operation succeeded by the definition's success and error rules
 * @param errorClass     the failure's class ({@code AUTH}, {@code VALIDATION}, ...), {@code null} on success
 * @param vendorCode     the vendor's error code, when it gave one
 * @param message        the outcome's message, a stored coded message ({@link io.yunqiao.problem.StoredMessage})
 *                       read in the reader's language; it may quote the vendor
 * @param exchanges      the requests sent, in order (a second one when the first answer made the credentials be
 *                       renewed); empty when the call was refused before anything was sent
 * @param recordsMatched for a QUERY that succeeded: whether the records path found a list or object in the answer;
 *                       {@code null} otherwise
 * @param records        for a QUERY that succeeded: how many records the records path found
 * @param elapsed        the whole call, credentials' own calls included
 */
public record TryCallResult(boolean success, String errorClass, String vendorCode, String message,
        List<CallTrace> exchanges, Boolean recordsMatched, int records, Duration elapsed) {

    public TryCallResult {
        exchanges = List.copyOf(exchanges);
    }

    /** The last request sent and its answer, or {@code null} when nothing was sent. */
    public CallTrace last() {
        return exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
    }
}
