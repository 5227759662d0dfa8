package io.yunqiao.sandbox;

import java.time.Instant;

/**
 * One call a sandbox received, as its admin endpoint lists it.
 *
 * @param at     when it arrived
 * @param method the HTTP method
 * @param path   the path below the sandbox's mount point
 * @param caller who called, as the vendor identifies callers (app key, client id), if known
 * @param status the HTTP status answered
 * @param fault  the fault injected, if any
 */
public record ReceivedCall(Instant at, String method, String path, String caller, int status, FaultKind fault) {
}
