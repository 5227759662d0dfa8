package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One condition an answer's envelope must meet to count as success; an operation's success rule is the list of
 * its conditions, all of which must hold.
 *
 * @param path     dotted path into the answer, e.g. {@code errcode} or {@code subCode}
 * @param accepted the values that mean success, compared as text ({@code 0} matches {@code "0"})
 * @param absentOk whether a missing or null value also counts as success
 */
public record SuccessCondition(String path, @JsonProperty("in") List<String> accepted, boolean absentOk) {

    public SuccessCondition {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }

    boolean holdsFor(JsonNode answer) {
        JsonNode value = JsonPaths.at(answer, path);
        if (JsonPaths.isAbsent(value)) {
            return absentOk;
        }
        return value.isValueNode() && accepted.contains(value.asText());
    }
}
