package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.problem.StoredMessage;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The writing side of a grouped solution's run (合并): claims the pending records of one group at a time (at most
 * the group's line limit; a larger group is the next claim's too), maps the group's first record with every record
 * of the group under {@code group.into}, sends that one body as every write is sent, and gives each record of the
 * group the group's outcome, all in one transaction. Claims and outcomes follow the same rules as single records:
 * a crash leaves the claimed group to be sent again as possibly sent, never lost.
 *
 * <p>Groups are written one after the other by the run's owner, after its fetch has ended: a group may span
 * pages, and other nodes do not help with grouped solutions' backlogs.
 */
final class GroupWriter {

    private final RecordWriter writer;
    private final Outcomes outcomes;
    private final StagedClaims claims;
    private final StagedContents contents;
    private final EngineMetrics metrics;
    private final Clock clock;

    GroupWriter(RecordWriter writer, Outcomes outcomes, StagedClaims claims, StagedContents contents,
            EngineMetrics metrics, Clock clock) {
        this.writer = writer;
        this.outcomes = outcomes;
        this.claims = claims;
        this.contents = contents;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Writes group after group until nothing of the solution is pending. */
    RecordWriter.Written drain(long solutionId, long runId, RecordWriter.Target target, SourceShapes.Shape shape,
            String instance) throws InterruptedException {
        RecordWriter.Written total = RecordWriter.Written.NONE;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the run was stopped");
            }
            if (writer.draining()) {
                // this node is stopping: the groups not claimed yet stay pending for the run that continues
                throw new NodeStopping();
            }
            List<SourceRecord> group = claims.claimGroup(solutionId, runId, shape.groups().maxLines(), instance);
            if (group.isEmpty()) {
                return total;
            }
            total = total.plus(write(solutionId, runId, target, shape, group));
        }
    }

    private RecordWriter.Written write(long solutionId, long runId, RecordWriter.Target target,
            SourceShapes.Shape shape, List<SourceRecord> group) {
        List<Long> ids = group.stream().map(SourceRecord::getId).toList();
        Set<Long> sending = ConcurrentHashMap.newKeySet();
        try {
            Function<SourceRecord, JsonNode> reader = contents.reader(group);
            SourceRecord first = group.get(0);
            if (first.getGroupKey() == null) {
                return findGroup(solutionId, runId, target, shape, first, reader.apply(first));
            }
            Prepared prepared = target.preparation().prepare(shape.groups().merged(group.stream().map(reader)
                    .toList()));
            // a record of the group that may have been sent before makes "already exists" the group's own write
            SourceRecord representative = group.stream().filter(SourceRecord::isSent).findFirst().orElse(first);
            RecordOutcome outcome = prepared.targetKey() != null
                    && !outcomes.writtenKeys(solutionId, List.of(prepared.targetKey())).isEmpty()
                    ? duplicate(representative, prepared, first.getGroupKey())
                    : writer.send(solutionId, target, representative, prepared, sending);
            return record(solutionId, runId, target, group.stream().map(record -> forRecord(outcome, record))
                    .toList());
        } catch (RuntimeException e) {
            // nothing of the group may stay claimed by this live node: back to the queue, possibly sent if it was
            if (sending.isEmpty()) {
                outcomes.unclaimUnsent(ids);
            } else {
                outcomes.unclaim(ids);
            }
            throw e;
        }
    }

    /**
     * A record staged before its solution grouped: its key is found now and it goes back to be claimed with its
     * group; a record without one fails, naming the expression.
     */
    private RecordWriter.Written findGroup(long solutionId, long runId, RecordWriter.Target target,
            SourceShapes.Shape shape, SourceRecord record, JsonNode content) {
        String key = shape.groups().keyOf(content, shape.context());
        if (key != null) {
            claims.grouped(record.getId(), key, runId);
            return RecordWriter.Written.NONE;
        }
        String message = StoredMessage.of("record.group.noKey", record.getCode() == null ? record.getSourceKey()
                : record.getCode(), shape.groups().expression(), SourceGroups.MAX_KEY_LENGTH).store();
        return record(solutionId, runId, target, List.of(new RecordOutcome(record.getId(), RecordStatus.FAILED, 0,
                false, null, null, content.toString(), "VALIDATION", null, message, 0, clock.instant())));
    }

    /** The group's target key was written before: every record of the group is a skipped duplicate. */
    private RecordOutcome duplicate(SourceRecord record, Prepared prepared, String groupKey) {
        return new RecordOutcome(record.getId(), RecordStatus.SKIPPED, 0, false, prepared.targetKey(),
                prepared.body() == null ? null : prepared.body().toString(), null, null, null,
                StoredMessage.of("record.group.duplicate", groupKey, prepared.targetKey()).store(), 0,
                clock.instant());
    }

    /** The group's outcome as one record's. */
    private static RecordOutcome forRecord(RecordOutcome outcome, SourceRecord record) {
        return new RecordOutcome(record.getId(), outcome.status(), outcome.attempts(), outcome.mayHaveBeenSent(),
                outcome.targetKey(), outcome.request(), outcome.response(), outcome.errorClass(),
                outcome.vendorCode(), outcome.message(), outcome.durationMillis(), outcome.finishedAt());
    }

    private RecordWriter.Written record(long solutionId, long runId, RecordWriter.Target target,
            List<RecordOutcome> results) {
        RecordWriter.Written recorded = outcomes.recordAll(solutionId, runId, results, target.logLevel());
        metrics.records(solutionId, "written", recorded.written());
        metrics.records(solutionId, "skipped", recorded.skipped());
        metrics.records(solutionId, "failed", recorded.failed());
        return recorded;
    }
}
