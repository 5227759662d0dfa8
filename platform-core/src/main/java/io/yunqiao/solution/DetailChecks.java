package io.yunqiao.solution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.problem.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses detail lookups (关联查询) that cannot work, each with a coded problem naming the field at fault
 * ({@code details[0].params.id}): too many, a blank, duplicate or unusable name, a name that hides a source field,
 * an unknown connector or operation, an operation that is not a QUERY, a connection of another connector (or none
 * where the detail's connector is not the source's), a parameter the operation does not declare, a blank parameter
 * expression or one with a syntax error (line and column).
 */
final class DetailChecks {

    /** At most this many details per solution: each is a call per distinct record. */
    static final int MAX_DETAILS = 10;

    /** Longest name of a detail. */
    static final int MAX_NAME = 64;

    private DetailChecks() {
    }

    static void check(SolutionSpec spec, OperationDefinition source, ConnectorRegistry registry,
            Connections connections, MappingEngine engine) {
        List<SolutionSpec.Detail> details = spec.details();
        if (details.size() > MAX_DETAILS) {
            throw Problem.coded(Problem.Kind.INVALID, "details", "problem.detail.tooMany",
                    String.valueOf(details.size()), String.valueOf(MAX_DETAILS));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < details.size(); i++) {
            SolutionSpec.Detail detail = details.get(i);
            String at = "details[" + i + "]";
            if (detail == null) {
                throw Problem.coded(Problem.Kind.INVALID, at, "problem.detail.nameBlank", String.valueOf(i + 1));
            }
            checkName(detail.name(), at, i, names, source);
            String connectorId = detail.connector() == null || detail.connector().isBlank()
                    ? spec.source().connector() : detail.connector();
            OperationDefinition operation = operation(registry, connectorId, detail, at);
            checkConnection(detail, connectorId, spec.source().connector(), at, connections);
            for (Map.Entry<String, String> param : detail.params().entrySet()) {
                String field = at + ".params." + param.getKey();
                if (operation.param(param.getKey()).isEmpty()) {
                    throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.unknownParam", detail.name(),
                            param.getKey(), operation.id(), operation.params().stream().map(ParamDefinition::name)
                                    .toList());
                }
                if (param.getValue() == null || param.getValue().isBlank()) {
                    throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.paramBlank", detail.name(),
                            param.getKey());
                }
                try {
                    engine.compile(param.getValue());
                } catch (MappingSyntaxException e) {
                    throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.paramSyntax", detail.name(),
                            param.getKey(), String.valueOf(e.line()), String.valueOf(e.column()), e.detail());
                }
            }
        }
    }

    /**
     * {@code sample} with each detail's sample answer added under its name, as a run merges the answers: what the
     * mapping is checked on when the solution is saved.
     */
    static ObjectNode merged(ObjectNode sample, SolutionSpec spec, ConnectorRegistry registry) {
        for (SolutionSpec.Detail detail : spec.details()) {
            String connectorId = detail.connector() == null || detail.connector().isBlank()
                    ? spec.source().connector() : detail.connector();
            registry.find(connectorId).flatMap(c -> c.operation(detail.operation())).ifPresent(operation -> {
                ObjectNode answer = SolutionValidator.sample(operation);
                if (detail.all()) {
                    sample.putArray(detail.name()).add(answer);
                } else {
                    sample.set(detail.name(), answer);
                }
            });
        }
        return sample;
    }

    private static void checkName(String name, String at, int index, Set<String> names, OperationDefinition source) {
        String field = at + ".name";
        if (name == null || name.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.nameBlank", String.valueOf(index + 1));
        }
        if (name.length() > MAX_NAME || !name.equals(name.strip()) || name.contains(".") || name.contains("`")) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.nameInvalid", name,
                    String.valueOf(MAX_NAME));
        }
        if (!names.add(name)) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.nameDuplicate", name);
        }
        boolean clashes = source.fields().stream().map(FieldDefinition::name)
                .anyMatch(f -> f.equals(name) || f.startsWith(name + "."));
        if (clashes) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.nameClash", name, source.id());
        }
    }

    private static OperationDefinition operation(ConnectorRegistry registry, String connectorId,
            SolutionSpec.Detail detail, String at) {
        ConnectorDefinition connector = registry.find(connectorId == null ? "" : connectorId).orElseThrow(() ->
                Problem.coded(Problem.Kind.INVALID, at + ".connector", "problem.detail.unknownConnector",
                        detail.name(), connectorId));
        String operationId = detail.operation() == null ? "" : detail.operation();
        List<String> queries = connector.operations().stream().filter(o -> o.role() == OperationRole.QUERY)
                .map(OperationDefinition::id).toList();
        OperationDefinition operation = connector.operation(operationId).orElseThrow(() -> Problem.coded(
                Problem.Kind.INVALID, at + ".operation", "problem.detail.unknownOperation", detail.name(),
                operationId, connectorId, queries));
        if (operation.role() != OperationRole.QUERY) {
            throw Problem.coded(Problem.Kind.INVALID, at + ".operation", "problem.detail.notQuery", detail.name(),
                    operationId, queries);
        }
        return operation;
    }

    private static void checkConnection(SolutionSpec.Detail detail, String connectorId, String sourceConnector,
            String at, Connections connections) {
        String field = at + ".connection";
        if (detail.connection() == null) {
            if (!connectorId.equals(sourceConnector)) {
                throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.connectionNeeded", detail.name(),
                        connectorId, sourceConnector);
            }
            return;
        }
        if (!connections.exists(detail.connection())) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.connectionUnknown",
                    String.valueOf(detail.connection()));
        }
        ConnectionView connection = connections.get(detail.connection());
        if (!connection.connectorId().equals(connectorId)) {
            throw Problem.coded(Problem.Kind.INVALID, field, "problem.detail.connectionWrongConnector",
                    detail.name(), connection.name(), connection.connectorId(), connectorId);
        }
    }
}
