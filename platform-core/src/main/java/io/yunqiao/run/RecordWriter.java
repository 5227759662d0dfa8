package io.yunqiao.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write phase of one run: claims pending records batch by batch, prepares them (mapping, validation, target
 * key), and sends them with the rate limit and retries. Records sharing a target key within a batch are handled one
 * after the other, so that a duplicate is skipped instead of racing the first write.
 */
final class RecordWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The target side of one run, resolved once. */
    record Target(Connection connection, String operation, RecordPreparation preparation, RateLimiter limiter,
            Retry retry) {
    }

    /** What the write phase did. */
    record Written(int written, int skipped, int failed) {
    }

    private final ConnectorClient client;
    private final Outcomes outcomes;
    private final ExecutorService writers;
    private final int batchSize;
    private final Clock clock;

    RecordWriter(ConnectorClient client, Outcomes outcomes, ExecutorService writers, int batchSize, Clock clock) {
        this.client = client;
        this.outcomes = outcomes;
        this.writers = writers;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    Written drain(long solutionId, long runId, Target target) throws InterruptedException {
        int written = 0;
        int skipped = 0;
        int failed = 0;
        List<SourceRecord> batch;
        while (!(batch = outcomes.claimPending(solutionId, runId, batchSize)).isEmpty()) {
            Map<String, List<Item>> groups = groupByTargetKey(batch, target.preparation());
            Set<String> alreadyWritten = outcomes.writtenKeys(solutionId, groups.values().stream()
                    .map(group -> group.get(0).prepared().targetKey()).filter(Objects::nonNull).toList());
            List<Future<List<RecordOutcome>>> sent = new ArrayList<>();
            for (List<Item> group : groups.values()) {
                sent.add(writers.submit(() -> writeGroup(target, group, alreadyWritten)));
            }
            List<RecordOutcome> results = new ArrayList<>();
            for (Future<List<RecordOutcome>> group : sent) {
                try {
                    results.addAll(group.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a writer failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            // One transaction per batch: a crash before it leaves the batch claimed, and the next run sends it
            // again as "possibly sent", so an "already exists" answer then counts as written.
            outcomes.recordAll(solutionId, runId, results);
            int batchWritten = count(results, RecordStatus.SUCCESS);
            int batchSkipped = count(results, RecordStatus.SKIPPED);
            int batchFailed = count(results, RecordStatus.FAILED);
            outcomes.count(runId, 0, 0, batchWritten, batchSkipped, batchFailed);
            written += batchWritten;
            skipped += batchSkipped;
            failed += batchFailed;
        }
        return new Written(written, skipped, failed);
    }

    private static int count(List<RecordOutcome> results, RecordStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    /** A claimed record with its mapped body. */
    private record Item(SourceRecord record, Prepared prepared) {
    }

    private static Map<String, List<Item>> groupByTargetKey(List<SourceRecord> batch, RecordPreparation preparation) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (SourceRecord record : batch) {
            Prepared prepared = preparation.prepare(read(record.getContent()));
            String group = prepared.targetKey() != null ? "key:" + prepared.targetKey() : "id:" + record.getId();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Item(record, prepared));
        }
        return groups;
    }

    /** Writes the records of one target key in order: after the first success the rest are duplicates. */
    private List<RecordOutcome> writeGroup(Target target, List<Item> group, Set<String> alreadyWritten) {
        List<RecordOutcome> results = new ArrayList<>();
        boolean keyWritten = false;
        for (Item item : group) {
            String key = item.prepared().targetKey();
            RecordOutcome outcome = keyWritten || key != null && alreadyWritten.contains(key)
                    ? skipped(item)
                    : writeOne(target, item.record(), item.prepared());
            keyWritten = keyWritten || key != null && outcome.status() == RecordStatus.SUCCESS;
            results.add(outcome);
        }
        return results;
    }

    private RecordOutcome skipped(Item item) {
        Prepared prepared = item.prepared();
        return new RecordOutcome(item.record().getId(), RecordStatus.SKIPPED, 0, false, prepared.targetKey(),
                prepared.body() == null ? null : prepared.body().toString(), null, null, null, "target key '"
                        + prepared.targetKey() + "' was already written: skipped as a duplicate", 0, clock.instant());
    }

    private RecordOutcome writeOne(Target target, SourceRecord record, Prepared prepared) {
        long started = System.nanoTime();
        String request = prepared.body() == null ? null : prepared.body().toString();
        if (!prepared.sendable()) {
            return new RecordOutcome(record.getId(), RecordStatus.FAILED, 0, false, prepared.targetKey(), request,
                    null, ErrorClass.VALIDATION.name(), null, prepared.problem(), millisSince(started),
                    clock.instant());
        }
        AtomicInteger attempts = new AtomicInteger();
        boolean[] mayHaveBeenSent = {record.isSent()};
        ExecuteResult result = target.retry().executeSupplier(() -> {
            if (target.limiter() != null) {
                RateLimiter.waitForPermission(target.limiter());
            }
            attempts.incrementAndGet();
            ExecuteResult attempt = client.execute(target.connection(), target.operation(), prepared.body());
            // Without a clear refusal the request may have been applied: a later "already exists" is then ours.
            if (!attempt.success() && attempt.retryable() && attempt.errorClass() != ErrorClass.THROTTLED) {
                mayHaveBeenSent[0] = true;
            }
            return attempt;
        });
        boolean success = result.success()
                || result.errorClass() == ErrorClass.ALREADY_EXISTS && mayHaveBeenSent[0];
        String message = result.success() ? result.message()
                : success ? "already exists, and an earlier attempt of this record may have created it: counted as"
                        + " written (" + result.message() + ")"
                        : result.message();
        return new RecordOutcome(record.getId(), success ? RecordStatus.SUCCESS : RecordStatus.FAILED,
                attempts.get(), true, prepared.targetKey(), result.request() != null ? result.request() : request,
                result.response(), success || result.errorClass() == null ? null : result.errorClass().name(),
                result.vendorCode(), message, millisSince(started), clock.instant());
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static JsonNode read(String content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a staged record is not JSON", e);
        }
    }
}
