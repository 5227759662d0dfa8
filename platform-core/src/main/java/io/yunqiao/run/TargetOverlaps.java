package io.yunqiao.run;

import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which other solutions have already written, through a target connection, records that a solution would write
 * again: the same connector and operation and the same target-key expression ({@code dedupe.targetKey}). Their
 * records are at the target, so that solution's first run will hear "already exists" for them, and its
 * already-exists policy decides what that means. The template copy wizard warns with it.
 */
@Component
public class TargetOverlaps {

    /**
     * Another solution's records at the same target.
     *
     * @param solutionId   the other solution
     * @param solutionName its name
     * @param keysWritten  how many distinct target keys it has written successfully
     */
    public record Overlap(long solutionId, String solutionName, long keysWritten) {
    }

    private final Solutions solutions;
    private final WrittenKeyRepository writtenKeys;

    TargetOverlaps(Solutions solutions, WrittenKeyRepository writtenKeys) {
        this.solutions = solutions;
        this.writtenKeys = writtenKeys;
    }

    /**
     * The solutions other than {@code self} that wrote target keys through {@code targetConnection} with the target
     * connector, operation and target-key expression of {@code spec}, most keys first; empty when {@code spec} has
     * no target key (nothing identifies its records) or no connection is chosen.
     *
     * @param self the solution {@code spec} belongs to, or {@code null} for one not saved yet (a template's copy)
     */
    @Transactional(readOnly = true)
    public List<Overlap> of(SolutionSpec spec, Long targetConnection, Long self) {
        String key = normalized(spec.dedupe().targetKey());
        if (targetConnection == null || key == null) {
            return List.of();
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (SolutionView other : solutions.list()) {
            SolutionSpec.Target target = other.spec().target();
            if (other.id() == (self == null ? -1 : self) || target == null
                    || !targetConnection.equals(target.connection())
                    || !Objects.equals(target.connector(), spec.target().connector())
                    || !Objects.equals(target.operation(), spec.target().operation())
                    || !key.equals(normalized(other.spec().dedupe().targetKey()))) {
                continue;
            }
            long written = writtenKeys.countBySolution(other.id());
            if (written > 0) {
                overlaps.add(new Overlap(other.id(), other.name(), written));
            }
        }
        overlaps.sort(Comparator.comparingLong(Overlap::keysWritten).reversed()
                .thenComparing(Overlap::solutionName));
        return overlaps;
    }

    /** The expression without white space (which JSONata ignores between tokens), or {@code null} when blank. */
    private static String normalized(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        return expression.replaceAll("\\s+", "");
    }
}
