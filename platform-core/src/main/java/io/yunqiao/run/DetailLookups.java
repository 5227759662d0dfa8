package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Detail lookups (关联查询, {@link SolutionSpec.Detail}): compiles each detail's parameter expressions once per
 * solution version, and gives each run a {@link DetailedPreparation} that calls the details of every record before
 * its mapping, with a cache of its own. The calls share the rate limiter of their connection at the solution's rate
 * ({@link WriteGuards#limiter}: a detail on the target connection and the writes then share one limit, as the vendor
 * counts them together) and are retried with the solution's retry policy when their failure is retryable.
 */
@Component
public class DetailLookups {

    private final MappingEngine engine;
    private final ConnectorClient client;
    private final Connections connections;
    private final WriteGuards guards;
    private final Preparations preparations;
    private final int cacheSize;
    private final int maxRecords;
    private final Map<String, List<CompiledDetail>> compiled = new ConcurrentHashMap<>();

    DetailLookups(MappingEngine engine, ConnectorClient client, Connections connections, WriteGuards guards,
            Preparations preparations, @Value("${yunqiao.engine.detail-cache:10000}") int cacheSize,
            @Value("${yunqiao.engine.detail-max-records:1000}") int maxRecords) {
        this.engine = engine;
        this.client = client;
        this.connections = connections;
        this.guards = guards;
        this.preparations = preparations;
        this.cacheSize = Math.max(0, cacheSize);
        this.maxRecords = Math.max(1, maxRecords);
    }

    /** One detail of a solution version, ready to call: its operation, connection and compiled parameters. */
    record CompiledDetail(SolutionSpec.Detail spec, OperationDefinition operation, Map<String, Mapping> params) {
    }

    /**
     * What a run prepares its records with: {@code mapping} itself when the solution has no details, else the details
     * of each record first (with a cache for this run alone), then {@code mapping} on the merged record.
     *
     * @param source the run's source connection, for details without a connection of their own
     */
    RecordPreparation forRun(long solutionId, int version, SolutionSpec spec, Connection source,
            RecordPreparation mapping) {
        if (spec.details().isEmpty()) {
            return mapping;
        }
        List<CompiledDetail> details = compiled.computeIfAbsent(solutionId + "@" + version,
                key -> compile(spec, source.connectorId()));
        List<DetailedPreparation.Call> calls = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CompiledDetail detail = details.get(i);
            Connection connection = detail.spec().connection() == null ? source
                    : connection(i, detail.spec().connection());
            RateLimiter limiter = guards.limiter(connection.id(), spec.rateLimit().perSecond());
            Retry retry = WriteGuards.fetchRetry("detail-" + solutionId + "-" + i, spec.retry());
            calls.add(new DetailedPreparation.Call(i, detail, connection, limiter, retry));
        }
        return new DetailedPreparation(calls, client, preparations.context(), mapping, cacheSize, maxRecords);
    }

    /**
     * Sample records as a run's mapping would see them, for the mapping preview: each with the answers of the
     * solution's detail lookups merged in (called now, through the source connection or the detail's own).
     *
     * @throws Problem {@code problem.detail.previewRefused} with the record's coded reason when a detail refuses,
     *                 and the refusals of a solution that could not be saved
     */
    public List<JsonNode> merged(SolutionSpec spec, List<JsonNode> records) {
        if (spec.details().isEmpty() || records.isEmpty()) {
            return records;
        }
        Long sourceId = spec.source() == null ? null : spec.source().connection();
        if (sourceId == null || !connections.exists(sourceId)) {
            throw Problem.coded(Problem.Kind.INVALID, "source.connection", "problem.detail.previewNoConnection");
        }
        Connection source = connections.runtime(sourceId);
        List<CompiledDetail> details = compile(spec, source.connectorId());
        List<DetailedPreparation.Call> calls = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CompiledDetail detail = details.get(i);
            Connection connection = detail.spec().connection() == null ? source
                    : connection(i, detail.spec().connection());
            calls.add(new DetailedPreparation.Call(i, detail, connection, null,
                    WriteGuards.fetchRetry("detail-preview", spec.retry())));
        }
        DetailedPreparation preparation = new DetailedPreparation(calls, client, preparations.context(),
                record -> new Prepared(record, null, null), cacheSize, maxRecords);
        List<JsonNode> merged = new ArrayList<>();
        for (JsonNode record : records) {
            Prepared prepared = preparation.prepare(record);
            if (!prepared.sendable()) {
                throw Problem.coded(Problem.Kind.CONFLICT, "details", "problem.detail.previewRefused",
                        StoredMessage.render(prepared.problem(), java.util.Locale.SIMPLIFIED_CHINESE));
            }
            merged.add(prepared.body());
        }
        return merged;
    }

    private List<CompiledDetail> compile(SolutionSpec spec, String sourceConnector) {
        List<CompiledDetail> details = new ArrayList<>();
        for (SolutionSpec.Detail detail : spec.details()) {
            String connector = detail.connector() == null ? sourceConnector : detail.connector();
            OperationDefinition operation = client.registry().operation(connector, detail.operation());
            Map<String, Mapping> params = new LinkedHashMap<>();
            detail.params().forEach((name, expression) -> params.put(name, engine.compile(expression)));
            details.add(new CompiledDetail(detail, operation, params));
        }
        return List.copyOf(details);
    }

    private Connection connection(int index, long id) {
        if (!connections.exists(id)) {
            throw Problem.coded(Problem.Kind.INVALID, "details[" + index + "].connection",
                    "problem.detail.connectionUnknown", String.valueOf(id));
        }
        return connections.runtime(id);
    }
}
