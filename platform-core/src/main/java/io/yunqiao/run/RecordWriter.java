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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    RecordWriter(ConnectorClient client, Outcomes outcomes, ExecutorService writers, int batchSize) {
        this.client = client;
        this.outcomes = outcomes;
        this.writers = writers;
        this.batchSize = batchSize;
    }

    Written drain(long solutionId, long runId, Target target) throws InterruptedException {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<SourceRecord> batch;
        while (!(batch = outcomes.claimPending(solutionId, runId, batchSize)).isEmpty()) {
            int writtenBefore = written.get();
            int skippedBefore = skipped.get();
            int failedBefore = failed.get();
            List<Future<?>> groups = new ArrayList<>();
            for (List<Item> group : groupByTargetKey(batch, target.preparation()).values()) {
                groups.add(writers.submit(() -> writeGroup(solutionId, runId, target, group, written, skipped,
                        failed)));
            }
            for (Future<?> group : groups) {
                try {
                    group.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a writer failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            outcomes.count(runId, 0, 0, written.get() - writtenBefore, skipped.get() - skippedBefore,
                    failed.get() - failedBefore);
        }
        return new Written(written.get(), skipped.get(), failed.get());
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

    private void writeGroup(long solutionId, long runId, Target target, List<Item> group, AtomicInteger written,
            AtomicInteger skipped, AtomicInteger failed) {
        for (Item item : group) {
            switch (writeOne(solutionId, runId, target, item.record(), item.prepared())) {
                case SUCCESS -> written.incrementAndGet();
                case SKIPPED -> skipped.incrementAndGet();
                default -> failed.incrementAndGet();
            }
        }
    }

    private RecordStatus writeOne(long solutionId, long runId, Target target, SourceRecord record,
            Prepared prepared) {
        long started = System.nanoTime();
        String request = prepared.body() == null ? null : prepared.body().toString();
        if (!prepared.sendable()) {
            outcomes.record(runId, record.getId(), RecordStatus.FAILED, 0, false, prepared.targetKey(), request, null,
                    ErrorClass.VALIDATION.name(), null, prepared.problem(), millisSince(started));
            return RecordStatus.FAILED;
        }
        if (prepared.targetKey() != null && outcomes.targetKeyWritten(solutionId, prepared.targetKey())) {
            outcomes.record(runId, record.getId(), RecordStatus.SKIPPED, 0, false, prepared.targetKey(), request, null,
                    null, null, "target key '" + prepared.targetKey() + "' was already written: skipped as a"
                            + " duplicate", millisSince(started));
            return RecordStatus.SKIPPED;
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
        RecordStatus status = success ? RecordStatus.SUCCESS : RecordStatus.FAILED;
        outcomes.record(runId, record.getId(), status, attempts.get(), true, prepared.targetKey(),
                result.request() != null ? result.request() : request, result.response(),
                success ? null : result.errorClass() == null ? null : result.errorClass().name(), result.vendorCode(),
                message, millisSince(started));
        return status;
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
