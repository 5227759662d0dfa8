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
import io.yunqiao.connector.Presence;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of one run (or of one node's help with another node's run): takes the pages its fetcher hands
 * off and claims their records by id, then claims whatever else is pending batch by batch; prepares each record
 * (mapping, validation, target key; a handed-off record from the tree its page was parsed into, any other from its
 * stored content) and sends them with the rate limit and retries. Records sharing a target key within a batch are
 * handled one after the other, so that a duplicate is skipped instead of racing the first write. One instance
 * serves one run on this node, its batches one after the other: the in-flight bound holds for the whole run.
 */
final class RecordWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The target side of one run, resolved once. */
    record Target(Connection connection, String operation, RecordPreparation preparation, RateLimiter limiter,
            Retry retry, LogLevel logLevel) {
    }

    /** What the write phase did; {@code unconfirmed} records may have been stored, no answer said so. */
    record Written(int written, int skipped, int failed, int unconfirmed) {

        static final Written NONE = new Written(0, 0, 0, 0);

        Written plus(Written more) {
            return new Written(written + more.written, skipped + more.skipped, failed + more.failed,
                    unconfirmed + more.unconfirmed);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);

    /** Outcomes are recorded at least this often while a batch is being sent... */
    private static final long RECORD_EVERY_MILLIS = 100;

    /** ...and whenever this many are ready. */
    private static final int RECORD_AT_MOST = 20;

    /**
     * At most this many records are sent (or being sent) without their outcome recorded: writers wait when the
     * recording falls behind, so that a crash can make the next run send again no more than these.
     */
    private static final int UNRECORDED_AT_MOST = 40;

    /** How often the owner looks whether helping nodes have finished their batches. */
    private static final long SETTLE_POLL_MILLIS = 200;

    private final ConnectorClient client;
    private final Outcomes outcomes;
    private final ExecutorService writers;
    private final int batchSize;
    private final Clock clock;
    private final EngineMetrics metrics;
    private final StagedContents contents;
    private final StagedClaims claims;
    /** Whether this node is stopping: no new batch is claimed, and a batch's records not yet sent go back. */
    private final BooleanSupplier draining;
    /**
     * The run's records sent (or being sent) without their outcome recorded, at most {@value #UNRECORDED_AT_MOST}:
     * one budget for every batch of the run, handed-off pages and backlog alike.
     */
    private final Semaphore unrecordedBudget = new Semaphore(UNRECORDED_AT_MOST);

    RecordWriter(ConnectorClient client, Outcomes outcomes, ExecutorService writers, int batchSize, Clock clock,
            EngineMetrics metrics, StagedContents contents, StagedClaims claims) {
        this(client, outcomes, writers, batchSize, clock, metrics, contents, claims, () -> false);
    }

    RecordWriter(ConnectorClient client, Outcomes outcomes, ExecutorService writers, int batchSize, Clock clock,
            EngineMetrics metrics, StagedContents contents, StagedClaims claims, BooleanSupplier draining) {
        this.draining = draining;
        this.contents = contents;
        this.claims = claims;
        this.client = client;
        this.outcomes = outcomes;
        this.writers = writers;
        this.batchSize = batchSize;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Writes what the run's fetcher hands off, page by page as it is staged, while later pages are still being
     * fetched; once the fetch has ended, writes whatever else is pending as {@link #drain} does (older backlog, records
     * another node gave back, pages whose hand-off the writer could not take).
     *
     * @throws NodeStopping when this node stops before everything is written: what was not claimed stays pending
     */
    void writeHandedOff(long solutionId, long runId, Target target, HandOff handOff, ClusterNodes nodes)
            throws InterruptedException {
        HandOff.Page page;
        while ((page = handOff.take()) != null) {
            stopIfDraining(solutionId, runId);
            // small pages that are already waiting make one batch: fewer claims, fewer waits for a batch's slowest
            List<Handed> records = new ArrayList<>();
            do {
                for (Staging.StagedRecord record : page.records()) {
                    records.add(new Handed(record, page.stagedBy()));
                }
            } while (records.size() < batchSize && (page = handOff.poll()) != null);
            for (int from = 0; from < records.size(); from += batchSize) {
                stopIfDraining(solutionId, runId);
                writeStaged(solutionId, runId, target, records.subList(from, Math.min(records.size(),
                        from + batchSize)), nodes.self());
            }
        }
        drain(solutionId, runId, target, nodes);
    }

    /** A handed-off record, with the instant its page's staging had committed by. */
    record Handed(Staging.StagedRecord record, Instant stagedBy) {

        /**
         * Whether the record was staged again since this page (changed content on a later page), by the fetch time
         * stored with it: then this page's tree is outdated and the stored content is the one to write.
         */
        boolean outdatedBy(Instant storedFetchedAt) {
            return !storedFetchedAt.isBefore(stagedBy);
        }
    }

    /**
     * Claims the handed-off records that are still pending and writes them, mapping the trees their pages were parsed
     * into: nothing is read back from the database, unless a later page staged a record again meanwhile (then its
     * stored content is the newer one).
     */
    Written writeStaged(long solutionId, long runId, Target target, List<Handed> handed, String instance)
            throws InterruptedException {
        Map<Long, Handed> byId = new HashMap<>();
        // a record handed off twice: the later page's tree is the newer
        handed.forEach(record -> byId.put(record.record().id(), record));
        List<SourceRecord> batch = claims.claim(runId, handed.stream().map(h -> h.record().id()).toList(),
                instance);
        if (batch.isEmpty()) {
            return Written.NONE;
        }
        Map<Long, JsonNode> trees = new HashMap<>();
        List<SourceRecord> outdated = new ArrayList<>();
        for (SourceRecord record : batch) {
            Handed tree = byId.get(record.getId());
            if (tree != null && !tree.outdatedBy(record.getFetchedAt())) {
                trees.put(record.getId(), tree.record().content());
            } else {
                outdated.add(record);
            }
        }
        // reads the stored contents (one query) only when a record needs them
        Function<SourceRecord, JsonNode> stored = contents.reader(outdated);
        return writeBatch(solutionId, runId, target, batch, record -> {
            JsonNode tree = trees.get(record.getId());
            return tree != null ? tree : stored.apply(record);
        });
    }

    /**
     * Writes the solution's backlog as the run's owner: batch after batch until nothing is pending, then waits for
     * the batches other nodes took to help (see {@link WriteAssist}) and takes back those of nodes that died. What
     * was written is in the run's counts, which every node adds to.
     */
    void drain(long solutionId, long runId, Target target, ClusterNodes nodes) throws InterruptedException {
        while (true) {
            writeWhilePending(solutionId, runId, target, nodes.self(), () -> true);
            stopIfDraining(solutionId, runId);
            if (outcomes.releaseClaims(solutionId, nodes.alive()) > 0 || outcomes.hasPending(solutionId)) {
                continue;
            }
            if (!outcomes.hasClaimed(solutionId)) {
                return;
            }
            Thread.sleep(SETTLE_POLL_MILLIS);
        }
    }

    /** Whether this node is stopping deliberately: no new batch then. */
    boolean draining() {
        return draining.getAsBoolean();
    }

    /**
     * Stops the run's writing when this node is stopping, after waiting (until the grace ends) for the batches other
     * nodes claimed to help it: their outcomes then still count for this run.
     */
    private void stopIfDraining(long solutionId, long runId) throws InterruptedException {
        if (!draining()) {
            return;
        }
        // helping nodes claim no more batches of a run that no longer writes (WriteAssist)
        outcomes.stopWriting(runId);
        while (outcomes.hasClaimed(solutionId)) {
            Thread.sleep(SETTLE_POLL_MILLIS);
        }
        throw new NodeStopping();
    }

    /**
     * Claims and writes batches while records are pending and {@code keepGoing} says so: the owner's loop, and a
     * helping node's.
     *
     * @return what this node wrote
     */
    Written writeWhilePending(long solutionId, long runId, Target target, String instance,
            BooleanSupplier keepGoing) throws InterruptedException {
        Written total = Written.NONE;
        List<SourceRecord> batch;
        while (keepGoing.getAsBoolean() && !draining()
                && !(batch = outcomes.claimPending(solutionId, runId, batchSize, instance)).isEmpty()) {
            total = total.plus(writeBatch(solutionId, runId, target, batch, contents.reader(batch)));
        }
        return total;
    }

    /**
     * Sends a claimed batch with the writer threads and records the outcomes as they come, a few at a time: what a
     * crash can leave sent but unrecorded (and so sent again, as "possibly sent") is at most
     * {@value #UNRECORDED_AT_MOST} records, not the whole batch.
     */
    private Written writeBatch(long solutionId, long runId, Target target, List<SourceRecord> batch,
            Function<SourceRecord, JsonNode> content) throws InterruptedException {
        Map<String, List<Item>> groups;
        Written total;
        try {
            groups = groupByTargetKey(batch, target.preparation(), content);
            Set<String> alreadyWritten = outcomes.writtenKeys(solutionId, groups.values().stream()
                    .map(group -> group.get(0).prepared().targetKey()).filter(Objects::nonNull).toList());
            total = recordDuplicates(solutionId, runId, target.logLevel(), groups, alreadyWritten);
        } catch (RuntimeException e) {
            // e.g. stored content that cannot be read, or duplicates that could not be recorded: nothing was sent,
            // so the batch goes back as it was; a claim this live node kept would make every later run wait for it
            outcomes.unclaimUnsent(batch.stream().map(SourceRecord::getId).toList());
            throw e;
        }
        CompletionService<List<RecordOutcome>> sent = new ExecutorCompletionService<>(writers);
        List<Future<List<RecordOutcome>>> futures = new ArrayList<>();
        // the records whose sending began: only these may have reached the target
        Set<Long> sending = ConcurrentHashMap.newKeySet();
        for (List<Item> group : groups.values()) {
            futures.add(sent.submit(() -> {
                if (draining()) {
                    // this node is stopping: what was not sent yet goes back as it was, not "possibly sent"
                    return List.of();
                }
                unrecordedBudget.acquire(permits(group.size()));
                if (draining()) {
                    // the stop began while this group waited for the budget: it goes back unsent all the same
                    unrecordedBudget.release(permits(group.size()));
                    return List.of();
                }
                return writeGroup(solutionId, target, group, sending);
            }));
        }
        Set<Long> unrecorded = new HashSet<>();
        groups.values().forEach(group -> group.forEach(item -> unrecorded.add(item.record().getId())));
        List<RecordOutcome> ready = new ArrayList<>();
        int readyPermits = 0;
        long lastRecorded = System.nanoTime();
        int refusals = 0;
        try {
            for (int done = 0; done < futures.size(); ) {
                Future<List<RecordOutcome>> group = sent.poll(RECORD_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (group != null) {
                    List<RecordOutcome> outcomesOfGroup = result(group);
                    ready.addAll(outcomesOfGroup);
                    readyPermits += permits(outcomesOfGroup.size());
                    done++;
                }
                boolean due = ready.size() >= RECORD_AT_MOST || done == futures.size()
                        || System.nanoTime() - lastRecorded >= RECORD_EVERY_MILLIS * 1_000_000;
                if (!ready.isEmpty() && due) {
                    List<Long> ids = ready.stream().map(RecordOutcome::sourceRecordId).toList();
                    try {
                        total = total.plus(record(solutionId, runId, ready, target.logLevel()));
                        refusals = 0;
                    } catch (RuntimeException e) {
                        // e.g. another node recorded the same target key at the same instant: send again,
                        // idempotently; but a database that keeps refusing ends the run instead
                        giveBack(ids, sending);
                        if (++refusals >= 3) {
                            throw e;
                        }
                        LOG.warn("run {}: the outcomes of {} records could not be recorded ({}); they are queued"
                                + " again as possibly sent", runId, ids.size(), e.getMessage());
                    }
                    ids.forEach(unrecorded::remove);
                    unrecordedBudget.release(readyPermits);
                    readyPermits = 0;
                    ready.clear();
                    lastRecorded = System.nanoTime();
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            // a claim this live node keeps would stay PROCESSING for ever: give back what was not recorded
            futures.forEach(future -> future.cancel(true));
            giveBack(unrecorded, sending);
            throw e;
        }
        if (!unrecorded.isEmpty()) {
            // groups left unsent because this node is stopping
            giveBack(unrecorded, sending);
        }
        return total;
    }

    /**
     * Takes out of {@code groups} those whose target key the solution has written already and records them as
     * skipped duplicates, in one transaction: nothing of them is sent, so they need no place in the in-flight budget
     * (which bounds what was sent but not recorded) and no writer thread.
     */
    private Written recordDuplicates(long solutionId, long runId, LogLevel logLevel, Map<String, List<Item>> groups,
            Set<String> alreadyWritten) {
        List<RecordOutcome> duplicates = new ArrayList<>();
        for (var it = groups.values().iterator(); it.hasNext(); ) {
            List<Item> group = it.next();
            String key = group.get(0).prepared().targetKey();
            if (key != null && alreadyWritten.contains(key)) {
                group.forEach(item -> duplicates.add(skipped(item, 0)));
                it.remove();
            }
        }
        return duplicates.isEmpty() ? Written.NONE : record(solutionId, runId, duplicates, logLevel);
    }

    /** Claimed records go back to the queue: possibly sent if their sending began, as they were if not. */
    private void giveBack(Collection<Long> ids, Set<Long> sending) {
        outcomes.unclaim(ids.stream().filter(sending::contains).toList());
        outcomes.unclaimUnsent(ids.stream().filter(id -> !sending.contains(id)).toList());
    }

    /** A group's share of the unrecorded budget: its size, but never more than the whole budget. */
    private static int permits(int groupSize) {
        return Math.min(groupSize, UNRECORDED_AT_MOST);
    }

    private static List<RecordOutcome> result(Future<List<RecordOutcome>> group) throws InterruptedException {
        try {
            return group.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a writer failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Records outcomes and their logs in one transaction, then adds them to the run's counts and the metrics. */
    private Written record(long solutionId, long runId, List<RecordOutcome> results, LogLevel logLevel) {
        Written recorded = outcomes.recordAll(solutionId, runId, results, logLevel);
        metrics.records(solutionId, "written", recorded.written());
        metrics.records(solutionId, "skipped", recorded.skipped());
        metrics.records(solutionId, "failed", recorded.failed());
        return recorded;
    }

    /** A claimed record with its mapped body. */
    private record Item(SourceRecord record, Prepared prepared) {
    }

    private static Map<String, List<Item>> groupByTargetKey(List<SourceRecord> batch, RecordPreparation preparation,
            Function<SourceRecord, JsonNode> content) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (SourceRecord record : batch) {
            Prepared prepared = preparation.prepare(content.apply(record));
            String group = prepared.targetKey() != null ? "key:" + prepared.targetKey() : "id:" + record.getId();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Item(record, prepared));
        }
        return groups;
    }

    /**
     * Writes the records of one target key in order: after the first success (or skip: the target holds the key)
     * the rest are duplicates. (A key written before the batch does not get here: {@link #recordDuplicates} took
     * its records.)
     */
    private List<RecordOutcome> writeGroup(long solutionId, Target target, List<Item> group, Set<Long> sending) {
        List<RecordOutcome> results = new ArrayList<>();
        boolean keyWritten = false;
        for (Item item : group) {
            String key = item.prepared().targetKey();
            RecordOutcome outcome = keyWritten
                    ? skipped(item, 0)
                    : writeOne(solutionId, target, item.record(), item.prepared(), sending);
            // skipped too: the target holds the key (another node wrote it, or it already existed there)
            keyWritten = keyWritten || key != null && outcome.status().isWritten();
            results.add(outcome);
        }
        return results;
    }

    private RecordOutcome skipped(Item item, int attempts) {
        Prepared prepared = item.prepared();
        return new RecordOutcome(item.record().getId(), RecordStatus.SKIPPED, attempts, attempts > 0,
                prepared.targetKey(),
                prepared.body() == null ? null : prepared.body().toString(), null, null, null,
                StoredMessage.of("record.duplicate.skipped", prepared.targetKey()).store(), 0, clock.instant());
    }

    /** A record the solution's filter left out: skipped, nothing sent, the filter's message in its log. */
    private RecordOutcome leftOut(SourceRecord record, Prepared prepared) {
        return new RecordOutcome(record.getId(), RecordStatus.SKIPPED, 0, false, null, null, null, null, null,
                prepared.problem(), 0, clock.instant());
    }

    /**
     * Sends one prepared body as every write of the run is sent (rate limit, retries, verdict): the target record a
     * group of a grouped solution is mapped into ({@link GroupWriter}), sent on behalf of {@code record}.
     */
    RecordOutcome send(long solutionId, Target target, SourceRecord record, Prepared prepared, Set<Long> sending) {
        return writeOne(solutionId, target, record, prepared, sending);
    }

    private RecordOutcome writeOne(long solutionId, Target target, SourceRecord record, Prepared prepared,
            Set<Long> sending) {
        long started = System.nanoTime();
        String request = prepared.body() == null ? null : prepared.body().toString();
        if (prepared.leftOut()) {
            return leftOut(record, prepared);
        }
        if (!prepared.sendable()) {
            return new RecordOutcome(record.getId(), RecordStatus.FAILED, 0, false, prepared.targetKey(), request,
                    null, ErrorClass.VALIDATION.name(), null, prepared.problem(), millisSince(started),
                    clock.instant());
        }
        AtomicInteger attempts = new AtomicInteger();
        boolean[] mayHaveBeenSent = {record.isSent()};
        ExecuteResult result = send(target, target.operation(), prepared.body(), record, sending, attempts,
                mayHaveBeenSent);
        if (!result.success() && result.errorClass() == ErrorClass.ALREADY_EXISTS && !mayHaveBeenSent[0]
                && prepared.targetKey() != null
                && !outcomes.writtenKeys(solutionId, List.of(prepared.targetKey())).isEmpty()) {
            // another node wrote a record with this target key a moment ago (nodes helping with one backlog)
            return skipped(new Item(record, prepared), attempts.get());
        }
        if (target.preparation().existing().settles(result, mayHaveBeenSent[0])) {
            return existing(target, record, prepared, result, sending, attempts, mayHaveBeenSent, started);
        }
        Verdict verdict = verdict(result, mayHaveBeenSent[0],
                () -> client.lookUp(target.connection(), target.operation(), prepared.body()));
        boolean failed = verdict.status() != RecordStatus.SUCCESS;
        return new RecordOutcome(record.getId(), verdict.status(), attempts.get(), mayHaveBeenSent[0],
                prepared.targetKey(), result.request() != null ? result.request() : request, result.response(),
                failed && result.errorClass() != null ? result.errorClass().name() : null, result.vendorCode(),
                verdict.message(), millisSince(started), clock.instant());
    }

    /**
     * Sends one request of a record with the rate limit and retries: the record's own request, or the update its
     * already-exists policy sends.
     */
    private ExecuteResult send(Target target, String operation, JsonNode body, SourceRecord record,
            Set<Long> sending, AtomicInteger attempts, boolean[] mayHaveBeenSent) {
        return target.retry().executeSupplier(() -> {
            if (target.limiter() != null) {
                long waitStarted = System.nanoTime();
                RateLimiter.waitForPermission(target.limiter());
                metrics.rateLimitWait(target.connection().name(), System.nanoTime() - waitStarted);
            }
            attempts.incrementAndGet();
            sending.add(record.getId());
            ExecuteResult attempt = client.execute(target.connection(), operation, body);
            // Without a clear refusal the request may have been applied: a later "already exists" is then ours.
            if (mayHaveApplied(attempt)) {
                mayHaveBeenSent[0] = true;
            }
            return attempt;
        });
    }

    /** A record the target already holds from elsewhere, settled by the solution's already-exists policy. */
    private RecordOutcome existing(Target target, SourceRecord record, Prepared prepared, ExecuteResult refused,
            Set<Long> sending, AtomicInteger attempts, boolean[] mayHaveBeenSent, long started) {
        ExistingPolicy.Settled settled = target.preparation().existing().settle(prepared, refused,
                new ExistingPolicy.Sender() {
                    @Override
                    public ExecuteResult send(String operation, JsonNode body) {
                        return RecordWriter.this.send(target, operation, body, record, sending, attempts,
                                mayHaveBeenSent);
                    }

                    @Override
                    public boolean mayHaveBeenSent() {
                        return mayHaveBeenSent[0];
                    }

                    @Override
                    public Presence lookUp(String operation, JsonNode body) {
                        return client.lookUp(target.connection(), operation, body);
                    }
                });
        return new RecordOutcome(record.getId(), settled.status(), attempts.get(), mayHaveBeenSent[0],
                prepared.targetKey(), settled.request(), settled.response(), settled.errorClass(),
                settled.vendorCode(), settled.message(), millisSince(started), clock.instant());
    }

    /** A record's status after sending, and the log message that says why. */
    record Verdict(RecordStatus status, String message) {
    }

    /**
     * Whether a failed attempt may have been applied: the request may have reached the target (a timeout, a broken
     * connection, a garbled answer, a 5xx) and was not refused outright (a throttle answer is a refusal).
     */
    static boolean mayHaveApplied(ExecuteResult attempt) {
        return !attempt.success() && attempt.retryable() && attempt.errorClass() != ErrorClass.THROTTLED
                && attempt.possiblySent();
    }

    /**
     * Whether an attempt that may have been applied got no readable answer at all (a timeout, a broken connection,
     * a truncated body): only the target can then tell what happened. A 5xx is an answer, a failure that stays
     * possibly sent (re-pushable; "already exists" then counts as written).
     */
    static boolean answerLost(ExecuteResult attempt) {
        return mayHaveApplied(attempt) && (attempt.httpStatus() == 0 || attempt.httpStatus() / 100 == 2);
    }

    /**
     * What sending a record came to. "Already exists" after a possible earlier send is ours: written. A last
     * attempt whose answer was lost is settled by asking the target ({@code lookUp}, the operation's declared look-up):
     * found is written, not found is failed, and without an answer the record is UNCONFIRMED, never failed for
     * a timeout alone.
     *
     * @param mayHaveBeenSent whether this or an earlier attempt (of this run or an earlier one) may have been applied
     */
    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static Verdict verdict(ExecuteResult last, boolean mayHaveBeenSent, Supplier<Presence> lookUp) {
        if (last.success()) {
            return new Verdict(RecordStatus.SUCCESS, last.message());
        }
        if (last.errorClass() == ErrorClass.ALREADY_EXISTS && mayHaveBeenSent) {
            return new Verdict(RecordStatus.SUCCESS,
                    StoredMessage.of("record.sent.alreadyExistsOurs", nonNull(last.message())).store());
        }
        if (!answerLost(last)) {
            return new Verdict(RecordStatus.FAILED, last.message());
        }
        return switch (lookUp.get()) {
            case PRESENT -> new Verdict(RecordStatus.SUCCESS,
                    StoredMessage.of("record.sent.lostFound", nonNull(last.message())).store());
            case ABSENT -> new Verdict(RecordStatus.FAILED,
                    StoredMessage.of("record.sent.lostAbsent", nonNull(last.message())).store());
            case UNKNOWN -> new Verdict(RecordStatus.UNCONFIRMED,
                    StoredMessage.of("record.sent.lostUnknown", nonNull(last.message())).store());
        };
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
