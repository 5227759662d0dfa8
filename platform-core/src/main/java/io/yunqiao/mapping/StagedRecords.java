package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Records staged by other solutions, read by {@code $lookup(solution, field, value)} — like QEasy's
 * {@code _findCollection}: "the record of solution X whose field F equals V".
 *
 * <p>Implementations must be safe to call from many threads. An implementation may throw an unchecked exception for
 * a solution that does not exist; its message becomes the record error.
 */
public interface StagedRecords {

    /**
     * A staged record of {@code solution} whose {@code field} (a dotted path) equals {@code value}; the first one
     * when several match.
     */
    Optional<JsonNode> find(String solution, String field, String value);

    /** Nothing staged anywhere: every {@code $lookup} yields undefined. */
    static StagedRecords none() {
        return (solution, field, value) -> Optional.empty();
    }
}
