package io.yunqiao.connectorstore;

import io.yunqiao.problem.Problem;
import java.util.List;

/**
 * A change of a stored definition refused because it breaks solutions (409): the message names them, {@link
 * #breaks()} says what breaks in each. Saving again with {@code acceptBreaking} goes through.
 */
public class BreakingChangeException extends Problem {

    private static final long serialVersionUID = 1L;

    private final transient List<Breakage> breaks;

    BreakingChangeException(String connectorId, List<Breakage> breaks) {
        super(Kind.CONFLICT, null, "problem.connectors.breaking", new Object[] {connectorId, breaks.size(),
            String.join("; ", breaks.stream().map(b -> "'" + b.solutionName() + "' (id " + b.solutionId() + ")")
                    .toList())});
        this.breaks = List.copyOf(breaks);
    }

    /** Each broken solution with what breaks in it. */
    public List<Breakage> breaks() {
        return breaks;
    }
}
