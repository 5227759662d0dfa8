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
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Variables;
import io.yunqiao.solution.WindowPlan;
import java.time.Clock;
import java.util.ArrayList;
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
    private final SourceShapes shapes;
    private final EngineThreads threads;

    Fetcher(ConnectorRegistry registry, ConnectorClient client, Staging staging, Outcomes outcomes,
            EngineMetrics metrics, RunRepository runs, TransactionTemplate transactions, Clock clock,
            SourceShapes shapes, EngineThreads threads) {
        this.shapes = shapes;
        this.threads = threads;
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
     * Fetches and stages every window, handing each staged page to the writer. A grouped solution hands nothing
     * off: its groups are written from the database once the fetch has ended (a group may span pages).
     *
     * @param handOff where staged pages go; {@code null} for a dry run
     * @return why fetching stopped early, or {@code null} (also when it stopped because the writer stopped: the
     *         writer's failure is the run's)
     * @throws NodeStopping before the next page when this node is stopping: the checkpoint stays where the last
     *                      completed window left it, so the run that continues fetches the rest
     */
    String fetch(Run run, SolutionSpec spec, Connection source, RecordPreparation preparation, Retry retry,
            HandOff handOff) throws InterruptedException {
        long runId = run.getId();
        long solutionId = run.getSolutionId();
        OperationDefinition operation = registry.operation(source.connectorId(), spec.source().operation());
        int pageSize = spec.source().pageSize() > 0 ? spec.source().pageSize()
                : operation.paging() != null ? operation.paging().defaultSize() : 100;
        SourceShapes.Shape shape = shapes.of(spec);
        List<WindowPlan.Span> spans = WindowPlan.of(spec.window(), staging.checkpoint(solutionId), clock.instant());
        transactions.executeWithoutResult(status -> runs.findById(runId).orElseThrow()
                .window(spans.get(0).start(), spans.get(spans.size() - 1).end()));
        for (WindowPlan.Span span : spans) {
            PageRequest page = PageRequest.first(pageSize);
            while (true) {
                if (handOff != null && handOff.abandoned()) {
                    return null;
                }
                if (threads.draining()) {
                    throw new NodeStopping();
                }
                Map<String, Object> params = paramsFor(spec, operation, span, page);
                QueryPage answer;
                try {
                    PageRequest current = page;
                    answer = Retry.decorateSupplier(retry,
                            () -> client.query(source, operation.id(), params, current)).get();
                } catch (ConnectorException e) {
                    return StoredMessage.of("run.fetch.failed", page.index() + 1, span.start(), span.end(),
                            e.stored().store()).store();
                }
                if (handOff == null) {
                    dryRun(runId, operation, answer.records(), preparation, shape);
                } else {
                    Staging.Staged staged = staging.stage(solutionId, runId, operation, shape, answer.records(),
                            answer.hasMore() ? null : span.end());
                    metrics.records(solutionId, "fetched", staged.fetched());
                    metrics.records(solutionId, "skipped", staged.duplicates());
                    metrics.records(solutionId, "failed", staged.withoutKey());
                    if (!shape.grouped() && !handOff.put(new HandOff.Page(staged.pending(), clock.instant()))) {
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

    /** What a solution's records become before they are written: lines, groups, or themselves. */
    SourceShapes.Shape shape(SolutionSpec spec) {
        return shapes.of(spec);
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

    /**
     * Maps and validates a page as a run would write it: per line when the solution splits, per group (of this page)
     * when it groups; each record or line gets a log, the lines of a group their group's.
     */
    private void dryRun(long runId, OperationDefinition operation, List<JsonNode> records,
            RecordPreparation preparation, SourceShapes.Shape shape) {
        int units = 0;
        int skipped = 0;
        int failed = 0;
        int valid = 0;
        Map<String, List<SourceLines.Line>> groups = new LinkedHashMap<>();
        for (JsonNode record : records) {
            String key = JsonPaths.text(record, operation.key());
            String code = operation.code() == null ? null : JsonPaths.text(record, operation.code());
            SourceLines.Split split = key == null ? new SourceLines.Split(List.of(new SourceLines.Line(null, code,
                    record)), List.of()) : shape.lines().split(record, key, code);
            for (SourceLines.Refusal refusal : split.refusals()) {
                units++;
                RecordStatus status = refusal.empty() ? RecordStatus.SKIPPED : RecordStatus.FAILED;
                outcomes.dryRunLog(runId, refusal.key(), status, null, refusal.message());
                skipped += refusal.empty() ? 1 : 0;
                failed += refusal.empty() ? 0 : 1;
            }
            for (SourceLines.Line line : split.lines()) {
                units++;
                if (!shape.grouped()) {
                    Prepared prepared = preparation.prepare(line.content());
                    failed += dryRunLog(runId, List.of(line), prepared);
                    valid += prepared.sendable() ? 1 : 0;
                    continue;
                }
                String group = shape.groups().keyOf(line.content(), shape.context());
                if (group == null) {
                    failed++;
                    outcomes.dryRunLog(runId, line.key(), RecordStatus.FAILED, null, StoredMessage.of(
                            "record.group.noKey", line.code() == null ? line.key() : line.code(),
                            shape.groups().expression(), SourceGroups.MAX_KEY_LENGTH).store());
                } else {
                    groups.computeIfAbsent(group, k -> new ArrayList<>()).add(line);
                }
            }
        }
        for (List<SourceLines.Line> group : groups.values()) {
            for (int from = 0; from < group.size(); from += shape.groups().maxLines()) {
                List<SourceLines.Line> part = group.subList(from, Math.min(group.size(),
                        from + shape.groups().maxLines()));
                Prepared prepared = preparation.prepare(shape.groups().merged(part.stream()
                        .map(SourceLines.Line::content).toList()));
                failed += dryRunLog(runId, part, prepared);
                valid += prepared.sendable() ? part.size() : 0;
            }
        }
        outcomes.count(runId, units, 1, 0, skipped, failed);
        outcomes.countValid(runId, valid);
    }

    /**
     * Logs the dry-run outcome of some lines mapped as one record; answers how many failed. Lines the record filter
     * leaves out are logged and counted as skipped.
     */
    private int dryRunLog(long runId, List<SourceLines.Line> lines, Prepared prepared) {
        for (SourceLines.Line line : lines) {
            outcomes.dryRunLog(runId, line.key(), prepared.leftOut() ? RecordStatus.SKIPPED
                    : prepared.sendable() ? RecordStatus.DRY_RUN : RecordStatus.FAILED,
                    prepared.body() == null ? null : prepared.body().toString(),
                    prepared.sendable() ? StoredMessage.of("record.dryRun.valid").store() : prepared.problem());
        }
        if (prepared.leftOut()) {
            outcomes.count(runId, 0, 0, 0, lines.size(), 0);
        }
        return prepared.sendable() || prepared.leftOut() ? 0 : lines.size();
    }
}
