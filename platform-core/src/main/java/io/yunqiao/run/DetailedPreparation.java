package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.PagingSpec;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.problem.StoredMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's preparation of records with detail lookups: for each record, each detail in order evaluates its
 * parameters on the record (as merged so far, so a later detail may use an earlier one's answer), calls its QUERY
 * operation and adds the answer to a copy of the record under the detail's name; the mapping then prepares the
 * merged record. A detail with {@code all} pages through its operation as a run's source does, up to a limit of
 * records; a larger answer fails the record rather than being cut. Answers (and refusals) are kept in a bounded
 * cache by detail and parameters, so a run calls once per distinct parameter set. A refusal fails that record
 * alone, with a coded message naming the detail, the operation and the vendor's answer.
 */
final class DetailedPreparation implements RecordPreparation {

    /** Longest vendor text kept in a record's message. */
    private static final int VENDOR_TEXT_AT_MOST = 500;

    /** One detail of the run, with the connection it calls and the guards of the calls. */
    record Call(int index, DetailLookups.CompiledDetail detail, Connection connection, RateLimiter limiter,
            Retry retry) {
    }

    /**
     * An answer: the value to merge (absent = {@code null}), or the stored message of a refusal; a refusal that was
     * retryable (the retries ran out) is not cached, so a later record with the same parameters tries again.
     */
    private record Answer(JsonNode value, String refusal, boolean retryable) {
    }

    private final List<Call> calls;
    private final ConnectorClient client;
    private final MappingContext context;
    private final RecordPreparation mapping;
    private final Map<String, Answer> cache;
    private final int maxRecords;
    private long callsMade;

    /**
     * @param maxRecords the most records a detail with {@code all} may answer (its operation paged through); a larger
     *                   answer fails the record with a coded message instead of being cut
     */
    DetailedPreparation(List<Call> calls, ConnectorClient client, MappingContext context, RecordPreparation mapping,
            int cacheSize, int maxRecords) {
        this.calls = List.copyOf(calls);
        this.client = client;
        this.context = context;
        this.mapping = mapping;
        this.maxRecords = maxRecords;
        // least recently used out first: a run over many bills keeps the answers it still meets
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > cacheSize;
            }
        };
    }

    @Override
    public Prepared prepare(JsonNode record) {
        if (!(record instanceof ObjectNode object)) {
            return mapping.prepare(record);
        }
        ObjectNode merged = object.deepCopy();
        for (Call call : calls) {
            String problem = merge(call, merged);
            if (problem != null) {
                return new Prepared(null, null, problem);
            }
        }
        return mapping.prepare(merged);
    }

    /** The calls made so far (cache misses): what the cache saved shows in the run's log. */
    synchronized long callsMade() {
        return callsMade;
    }

    /** Adds one detail's answer to {@code record}; answers the stored refusal instead when there is one. */
    private String merge(Call call, ObjectNode record) {
        String name = call.detail().spec().name();
        String operation = call.detail().operation().id();
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Mapping> param : call.detail().params().entrySet()) {
            MappingResult value = param.getValue().evaluate(record, context);
            if (value.isFailure()) {
                return StoredMessage.of("record.detail.paramFailed", name, param.getKey(), operation,
                        value.error()).store();
            }
            if (!value.hasOutput() || value.output().isNull() || value.output().isMissingNode()) {
                return StoredMessage.of("record.detail.paramMissing", name, param.getKey(), operation,
                        param.getValue().expression()).store();
            }
            params.put(param.getKey(), plain(value.output()));
        }
        String key = call.index() + "|" + params;
        Answer answer;
        synchronized (this) {
            answer = cache.get(key);
        }
        if (answer == null) {
            answer = call(call, params);
            synchronized (this) {
                callsMade++;
                if (!answer.retryable()) {
                    cache.put(key, answer);
                }
            }
        }
        if (answer.refusal() != null) {
            return answer.refusal();
        }
        if (answer.value() != null) {
            record.set(name, answer.value().deepCopy());
        }
        return null;
    }

    private Answer call(Call call, Map<String, Object> params) {
        DetailLookups.CompiledDetail detail = call.detail();
        PagingSpec paging = detail.operation().paging();
        int pageSize = paging == null ? 1 : paging.defaultSize();
        try {
            QueryPage page = page(call, params, PageRequest.first(pageSize));
            if (!detail.spec().all()) {
                List<JsonNode> records = page.records();
                return new Answer(records.isEmpty() ? null : records.get(0), null, false);
            }
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            while (true) {
                page.records().forEach(all::add);
                // a part of the answer would map as if it were all of it (a count, a sum, a "not found"): refuse
                if (all.size() > maxRecords || (page.total() != null && page.total() > maxRecords)) {
                    return new Answer(null, StoredMessage.of("record.detail.tooMany", detail.spec().name(),
                            detail.operation().id(), String.valueOf(maxRecords)).store(), false);
                }
                // an empty page brings nothing more, whatever the stop rule says: stop rather than page forever
                if (paging == null || !page.hasMore() || page.records().isEmpty()) {
                    return new Answer(all, null, false);
                }
                page = page(call, params, page.next());
            }
        } catch (ConnectorException e) {
            String vendor = e.detail();
            // a coded message is kept whole (cutting it would break it); a vendor's own text is shortened
            if (vendor != null && vendor.length() > VENDOR_TEXT_AT_MOST && StoredMessage.read(vendor).isEmpty()) {
                vendor = vendor.substring(0, VENDOR_TEXT_AT_MOST) + "…";
            }
            return new Answer(null, StoredMessage.of("record.detail.refused", detail.spec().name(),
                    detail.operation().id(), call.connection().name(),
                    StoredMessage.of("connector.errorClass." + e.errorClass()).store(), vendor).store(),
                    e.errorClass().retryable());
        }
    }

    /** One page of the detail's operation, waiting for the rate limiter and retried like the other calls. */
    private QueryPage page(Call call, Map<String, Object> params, PageRequest request) {
        return Retry.decorateSupplier(call.retry(), () -> {
            if (call.limiter() != null) {
                RateLimiter.waitForPermission(call.limiter());
            }
            return client.query(call.connection(), call.detail().operation().id(), params, request);
        }).get();
    }

    /** A parameter's value as the connector client sends it: text, number or boolean as such, else the JSON. */
    private static Object plain(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value;
    }
}
