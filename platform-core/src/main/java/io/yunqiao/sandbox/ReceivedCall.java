package io.yunqiao.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One call a sandbox received, as its admin endpoint lists it.
 *
 * @param at      when it arrived
 * @param method  the HTTP method
 * @param path    the path below the sandbox's mount point
 * @param caller  who called, as the vendor identifies callers (app key, client id), if known
 * @param status  the HTTP status answered
 * @param fault   the fault injected, if any
 * @param outcome the business outcome the answer carried: the values of the sandbox's outcome fields (such as a
 *                vendor's error code) found at the top level of the JSON answer, as text; empty when the answer
 *                is not JSON or carries none of them. A vendor that refuses with HTTP 200 is visible here.
 */
public record ReceivedCall(Instant at, String method, String path, String caller, int status, FaultKind fault,
        Map<String, String> outcome) {

    public ReceivedCall {
        outcome = outcome == null ? Map.of() : Map.copyOf(outcome);
    }
}
