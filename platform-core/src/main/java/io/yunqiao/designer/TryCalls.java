package io.yunqiao.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.CallTrace;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connector.RecordSelector;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Calls one operation once for the connector designer (试调用), of a draft not yet saved or of a connector in
 * effect, with a saved connection, and shows the exchange with every secret masked. A draft is checked as saving
 * it would be and tried on a detached copy of the registry: nothing is saved and nothing else sees it. Only
 * administrators may try (the connection's secrets are used, never shown).
 */
@Service
public class TryCalls {

    /** At most this many parameter values in one try. */
    static final int MAX_PARAMS = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorRegistry registry;
    private final ConnectorClient client;
    private final StoredConnectors stored;
    private final Connections connections;

    TryCalls(ConnectorRegistry registry, ConnectorClient client, StoredConnectors stored, Connections connections) {
        this.registry = registry;
        this.client = client;
        this.stored = stored;
        this.connections = connections;
    }

    /**
     * Tries the operation.
     *
     * @throws Problem when the request cannot be tried: the draft is invalid (with the same errors as saving it),
     *                 the operation or connection does not exist or does not fit, or a write is not confirmed
     */
    public TryCallResult tryCall(TryCallRequest request) {
        if (request.params().size() > MAX_PARAMS) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "params", "problem.designer.tooManyParams", MAX_PARAMS);
        }
        ConnectorClient caller = client;
        ConnectorDefinition definition;
        ConnectorRegistry effective = registry;
        if (request.definition() != null && !request.definition().isBlank()) {
            definition = stored.check(request.definition());
            effective = detached(definition);
            caller = new ConnectorClient(effective).sendingOnlyTo(client.destinations())
                    .readingAtMost(client.maxAnswerBytes());
        } else if (request.connectorId() != null && !request.connectorId().isBlank()) {
            definition = registry.find(request.connectorId()).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND,
                    "connectorId", "problem.designer.unknownConnector", request.connectorId()));
        } else {
            throw Problem.coded(Problem.Kind.INVALID, "definition", "problem.designer.noDefinition");
        }
        String operationId = request.operation();
        OperationDefinition operation = definition.operation(operationId == null ? "" : operationId)
                .orElseThrow(() -> Problem.coded(Problem.Kind.INVALID, "operation", "problem.designer.unknownOperation",
                        String.valueOf(operationId), definition.id(),
                        definition.operations().stream().map(OperationDefinition::id).toList().toString()));
        if (request.connectionId() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "connectionId", "problem.designer.noConnection");
        }
        Connection connection = connections.runtime(request.connectionId());
        String runsOn = definition.isExtension() ? definition.extendsId() : definition.id();
        if (!runsOn.equals(connection.connectorId())) {
            throw Problem.coded(Problem.Kind.INVALID, "connectionId", "problem.designer.wrongConnection",
                    connection.name(), connection.connectorId(), runsOn);
        }
        List<CallTrace> traces = new ArrayList<>();
        long started = System.nanoTime();
        if (operation.role() == OperationRole.EXECUTE) {
            return execute(caller, connection, operation, request, traces, started);
        }
        return query(caller, effective, connection, runsOn, operation, request.params(), traces, started);
    }

    private static TryCallResult query(ConnectorClient caller, ConnectorRegistry effective, Connection connection,
            String runsOn, OperationDefinition operation, Map<String, Object> params, List<CallTrace> traces,
            long started) {
        // the operation as the registry merged it (an extension's operation runs with its base's rules)
        OperationDefinition merged = effective.operation(runsOn, operation.id());
        int size = merged.paging() == null ? 1 : Math.max(1, Math.min(merged.paging().defaultSize(),
                merged.paging().maxSize()));
        try {
            QueryPage page = caller.query(connection, operation.id(), params, PageRequest.first(size), traces::add);
            CallTrace last = traces.isEmpty() ? null : traces.get(traces.size() - 1);
            boolean matched = last != null && RecordSelector.select(merged, parse(last.responseBody())).matched();
            return new TryCallResult(true, null, null, StoredMessage.of("connector.try.ok").store(), traces, matched,
                    page.records().size(), since(started));
        } catch (ConnectorException e) {
            return new TryCallResult(false, e.errorClass().name(), e.vendorCode(), e.stored().store(), traces, null, 0,
                    since(started));
        }
    }

    private static TryCallResult execute(ConnectorClient caller, Connection connection,
            OperationDefinition operation, TryCallRequest request, List<CallTrace> traces, long started) {
        if (!request.confirmWrite()) {
            throw Problem.coded(Problem.Kind.INVALID, "confirmWrite", "problem.designer.confirmWrite", operation.id());
        }
        if (request.body() == null || !request.body().isObject()) {
            throw Problem.coded(Problem.Kind.INVALID, "body", "problem.designer.bodyNotObject", operation.id());
        }
        ExecuteResult result = caller.execute(connection, operation.id(), request.body(), traces::add);
        return new TryCallResult(result.success(), result.errorClass() == null ? null : result.errorClass().name(),
                result.vendorCode(), result.message(), traces, null, 0, since(started));
    }

    /** The live registry's definitions with the draft in place of the stored definition of its id, if any. */
    private ConnectorRegistry detached(ConnectorDefinition draft) {
        List<ConnectorDefinition> next = new ArrayList<>(registry.stored().stream()
                .filter(d -> !d.id().equals(draft.id())).toList());
        next.add(draft);
        try {
            return registry.withStored(next);
        } catch (DefinitionException e) {
            // check() has refused whatever clashes; a race with another save lands here
            throw Problem.coded(Problem.Kind.CONFLICT, "definition", "problem.designer.changedMeanwhile", draft.id());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static java.time.Duration since(long started) {
        return java.time.Duration.ofNanos(System.nanoTime() - started);
    }
}
