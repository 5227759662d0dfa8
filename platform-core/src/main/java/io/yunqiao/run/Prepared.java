package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One staged record turned into a target request: the body and its target key, or the reason it cannot be sent
 * (a mapping error or the validation problems of the body), or left out by the solution's record filter (筛选条件).
 *
 * @param body      the mapped body, also when it is invalid (so the log shows it); {@code null} if mapping failed
 * @param targetKey the dedupe key of the body, or {@code null}
 * @param problem   why the record cannot be sent, or {@code null}
 * @param source    the record the mapping saw, kept only when an already-exists update may have to map it again
 *                  ({@link ExistingPolicy#keep}); {@code null} otherwise, so that a batch holds no more than its bodies
 * @param leftOut   whether the record filter left the record out: it is skipped, nothing is sent, and
 *                  {@code problem} holds the stored message saying so
 */
record Prepared(JsonNode body, String targetKey, String problem, JsonNode source, boolean leftOut) {

    Prepared(JsonNode body, String targetKey, String problem) {
        this(body, targetKey, problem, null, false);
    }

    /** A record the filter left out, with the stored message its log shows. */
    static Prepared leftOut(String message) {
        return new Prepared(null, null, message, null, true);
    }

    boolean sendable() {
        return problem == null;
    }

    Prepared withSource(JsonNode newSource) {
        return new Prepared(body, targetKey, problem, newSource, leftOut);
    }
}
