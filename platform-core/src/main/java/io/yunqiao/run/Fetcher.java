package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.retry.Retry;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Variables;
import io.yunqiao.solution.WindowPlan;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fetching side of a run: the windows from the checkpoint to now, page by page with retries; each page staged in
 * its own transaction (the page that completes a window advances the checkpoint in it) and handed to the writer; a
 * dry run maps and validates each page instead, and stages nothing.
 */
@Component
class Fetcher {

    private final ConnectorRegistry registry;
    private final ConnectorClient client;
    private final Staging staging;
    private final Outcomes outcomes;
    private final EngineMetrics metrics;
    private final RunRepository runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Fetcher(ConnectorRegistry registry, ConnectorClient client, Staging staging, Outcomes outcomes,
            EngineMetrics metrics, RunRepository runs, TransactionTemplate transactions, Clock clock) {
        this.registry = registry;
        this.client = client;
        this.staging = staging;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Fetches and stages every window, handing each staged page to the writer.
     *
     * @param handOff where staged pages go; {@code null} for a dry run
     * @return why fetching stopped early, or {@code null} (also when it stopped because the writer stopped: the
     *         writer's failure is the run's)
     */
    String fetch(Run run, SolutionSpec spec, Connection source, RecordPreparation preparation, Retry retry,
            HandOff handOff) throws InterruptedException {
        long runId = run.getId();
        long solutionId = run.getSolutionId();
        OperationDefinition operation = registry.operation(source.connectorId(), spec.source().operation());
        int pageSize = spec.source().pageSize() > 0 ? spec.source().pageSize()
                : operation.paging() != null ? operation.paging().defaultSize() : 100;
        List<WindowPlan.Span> spans = WindowPlan.of(spec.window(), staging.checkpoint(solutionId), clock.instant());
        transactions.executeWithoutResult(status -> runs.findById(runId).orElseThrow()
                .window(spans.get(0).start(), spans.get(spans.size() - 1).end()));
        for (WindowPlan.Span span : spans) {
            PageRequest page = PageRequest.first(pageSize);
            while (true) {
                if (handOff != null && handOff.abandoned()) {
                    return null;
                }
                Map<String, Object> params = paramsFor(spec, operation, span, page);
                QueryPage answer;
                try {
                    PageRequest current = page;
                    answer = Retry.decorateSupplier(retry,
                            () -> client.query(source, operation.id(), params, current)).get();
                } catch (ConnectorException e) {
                    return "fetching page " + (page.index() + 1) + " of the window " + span.start() + " .. "
                            + span.end() + " failed: " + e.getMessage();
                }
                if (handOff == null) {
                    dryRun(runId, operation, answer.records(), preparation);
                } else {
                    Staging.Staged staged = staging.stage(solutionId, runId, operation, answer.records(),
                            answer.hasMore() ? null : span.end());
                    metrics.records(solutionId, "fetched", staged.fetched());
                    metrics.records(solutionId, "skipped", staged.duplicates());
                    metrics.records(solutionId, "failed", staged.withoutKey());
                    if (!handOff.put(new HandOff.Page(staged.pending(), clock.instant()))) {
                        return null;
                    }
                }
                if (!answer.hasMore()) {
                    break;
                }
                page = answer.next();
            }
        }
        return null;
    }

    /** A page's query parameters: the operation's window parameters, then the solution's, variables filled. */
    static Map<String, Object> paramsFor(SolutionSpec spec, OperationDefinition operation, WindowPlan.Span span,
            PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (operation.window() != null) {
            params.putAll(operation.window().params(span.start(), span.end()));
        }
        params.putAll(Variables.fill(spec.source().params(), span.start(), span.end(), page.index(), page.size()));
        return params;
    }

    private void dryRun(long runId, OperationDefinition operation, List<JsonNode> records,
            RecordPreparation preparation) {
        int failed = 0;
        for (JsonNode record : records) {
            Prepared prepared = preparation.prepare(record);
            String key = JsonPaths.text(record, operation.key());
            outcomes.dryRunLog(runId, key, prepared.sendable() ? RecordStatus.DRY_RUN : RecordStatus.FAILED,
                    prepared.body() == null ? null : prepared.body().toString(),
                    prepared.sendable() ? "valid: would be sent" : prepared.problem());
            failed += prepared.sendable() ? 0 : 1;
        }
        outcomes.count(runId, records.size(), 1, 0, 0, failed);
    }
}
