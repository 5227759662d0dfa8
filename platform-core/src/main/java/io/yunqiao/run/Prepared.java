package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One staged record turned into a target request: the body and its target key, or the reason it cannot be sent
 * (a mapping error or the validation problems of the body).
 *
 * @param body      the mapped body, also when it is invalid (so the log shows it); {@code null} if mapping failed
 * @param targetKey the dedupe key of the body, or {@code null}
 * @param problem   why the record cannot be sent, or {@code null}
 */
record Prepared(JsonNode body, String targetKey, String problem) {

    boolean sendable() {
        return problem == null;
    }
}
