package io.yunqiao.solution;

import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses an already-exists policy that cannot work, naming {@code existing.operation} or {@code existing.mapping}:
 * an update without its operation or mapping, an operation the target connector lacks or that does not write, the
 * write operation itself, a mapping that does not parse (with line and column) or misses a required field of the
 * update; and an operation or mapping given to a policy that does not update (it would silently do nothing).
 */
final class ExistingCheck {

    private ExistingCheck() {
    }

    static void check(SolutionSpec spec, ConnectorRegistry connectors, MappingEngine engine, InputLimits limits,
            OperationDefinition source) {
        SolutionSpec.Existing existing = spec.existing();
        boolean hasOperation = existing.operation() != null && !existing.operation().isBlank();
        boolean hasMapping = existing.mapping() != null && !existing.mapping().isBlank();
        if (existing.policy() != Policy.UPDATE) {
            if (hasOperation || hasMapping) {
                throw Problem.coded(Problem.Kind.INVALID, hasOperation ? "existing.operation" : "existing.mapping",
                        "problem.existing.notUpdate", existing.policy());
            }
            return;
        }
        if (!hasOperation) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.operation", "problem.existing.operationMissing");
        }
        if (!hasMapping) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.mapping", "problem.existing.mappingMissing");
        }
        String connectorId = spec.target().connector();
        ConnectorDefinition connector = connectors.definition(connectorId);
        OperationDefinition update = connector.operation(existing.operation()).orElseThrow(() ->
                Problem.coded(Problem.Kind.INVALID, "existing.operation", "problem.existing.unknownOperation",
                        connectorId, existing.operation(), connector.operations().stream()
                                .filter(o -> o.role() == OperationRole.EXECUTE).map(OperationDefinition::id)
                                .collect(Collectors.joining("、"))));
        if (update.role() != OperationRole.EXECUTE) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.operation", "problem.existing.notExecute",
                    existing.operation());
        }
        if (update.id().equals(spec.target().operation())) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.operation", "problem.existing.sameOperation",
                    spec.target().operation());
        }
        limits.checkMapping("existing.mapping", existing.mapping());
        Mapping mapping;
        try {
            mapping = engine.compile(existing.mapping());
        } catch (MappingSyntaxException e) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.mapping", "problem.existing.mappingSyntax",
                    e.line(), e.column(), e.detail());
        }
        checkRequiredFields(mapping, source, update);
    }

    /** As the main mapping is checked: on a sample record of the source, no required field of the update missing. */
    private static void checkRequiredFields(Mapping mapping, OperationDefinition source, OperationDefinition update) {
        MappingResult result = mapping.evaluate(SolutionValidator.sample(source), MappingContext.none());
        if (result.isFailure() || !result.hasOutput()) {
            return;
        }
        List<TargetValidator.FieldProblem> structural = TargetValidator.validate(result.output(), update).stream()
                .filter(p -> p.kind() != TargetValidator.Kind.WRONG_TYPE)
                .toList();
        if (!structural.isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "existing.mapping", "problem.existing.mappingRefused",
                    source.id(), update.id(), TargetValidator.stored(structural));
        }
    }
}
