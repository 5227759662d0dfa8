package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample source records for the mapping editor, so a mapping can be tried on real data before it is saved: a few
 * live records of a source (its first page over the last 30 days, asked exactly as a run would ask), or the record
 * a solution staged last. Nothing is staged and no checkpoint moves.
 */
@Service
public class SourceSamples {

    /** How far back a live sample looks: the default first window of a solution. */
    public static final Duration WINDOW = Duration.ofDays(30);

    private final Connections connections;
    private final ConnectorClient client;
    private final ConnectorRegistry registry;
    private final SourceRecordRepository records;
    private final StagedContents contents;
    private final Clock clock;

    SourceSamples(Connections connections, ConnectorClient client, ConnectorRegistry registry,
            SourceRecordRepository records, StagedContents contents, Clock clock) {
        this.contents = contents;
        this.connections = connections;
        this.client = client;
        this.registry = registry;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Fetches the first page of a source, with its parameters' variables filled for the window [now − 30 days,
     * now], and answers at most {@code limit} records. The source may be unsaved: the editor passes what is on the
     * screen.
     *
     * @throws Problem when the source has no usable connection or operation, a parameter has an unknown variable,
     *                 or the vendor refuses the call (the message carries the vendor's own)
     */
    public List<JsonNode> fetch(SolutionSpec.Source source, int limit) {
        if (source == null || source.connection() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "source.connection", "problem.sample.noConnection");
        }
        long connectionId = source.connection();
        if (!connections.exists(connectionId)) {
            throw Problem.coded(Problem.Kind.INVALID, "source.connection", "problem.sample.connectionGone",
                    String.valueOf(connectionId));
        }
        Connection connection = connections.runtime(connectionId);
        if (source.connector() != null && !source.connector().equals(connection.connectorId())) {
            throw Problem.coded(Problem.Kind.INVALID, "source.connection", "problem.sample.connectionOtherConnector",
                    connection.name(), connection.connectorId(), source.connector());
        }
        OperationDefinition operation = queryOperation(connection.connectorId(), source.operation());
        int size = Math.max(1, limit);
        if (operation.paging() != null) {
            size = Math.min(size, operation.paging().maxSize());
        }
        Instant end = clock.instant();
        Instant start = end.minus(WINDOW);
        PageRequest page = PageRequest.first(size);
        Map<String, Object> params = new LinkedHashMap<>();
        if (operation.window() != null) {
            params.putAll(operation.window().params(start, end));
        }
        params.putAll(Variables.fill(source.params(), start, end, page.index(), page.size()));
        try {
            List<JsonNode> found = client.query(connection, operation.id(), params, page).records();
            return found.size() > limit ? List.copyOf(found.subList(0, Math.max(0, limit))) : found;
        } catch (ConnectorException e) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.sample.fetchFailed", operation.id(),
                    e.stored().store());
        }
    }

    /**
     * A sample as a solution's mapping sees it: as {@link #fetch}, then, when the solution splits its records
     * (明细拆分), their lines (at most {@code limit}); a record that cannot be split is shown whole.
     */
    public List<JsonNode> fetch(SolutionSpec.Source source, SolutionSpec.Split split, int limit) {
        List<JsonNode> lines = SourceLines.of(split).lines(fetch(source, limit));
        return lines.size() > limit ? List.copyOf(lines.subList(0, Math.max(0, limit))) : lines;
    }

    /** The record the solution staged last, if it has staged any and its content is still kept. */
    @Transactional(readOnly = true)
    public Optional<JsonNode> lastStaged(long solutionId) {
        return records.findFirstBySolutionIdOrderByIdDesc(solutionId).flatMap(contents::readIfKept);
    }

    private OperationDefinition queryOperation(String connectorId, String operationId) {
        ConnectorDefinition connector = registry.find(connectorId).orElseThrow(() -> Problem.coded(
                Problem.Kind.INVALID, "source.connection", "problem.sample.connectorMissing", connectorId));
        if (operationId == null || operationId.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "source.operation", "problem.sample.noOperation");
        }
        OperationDefinition operation = connector.operation(operationId).orElseThrow(() -> Problem.coded(
                Problem.Kind.INVALID, "source.operation", "problem.sample.unknownOperation", connectorId,
                operationId));
        if (operation.role() != OperationRole.QUERY) {
            throw Problem.coded(Problem.Kind.INVALID, "source.operation", "problem.sample.notQuery", operationId);
        }
        return operation;
    }
}
