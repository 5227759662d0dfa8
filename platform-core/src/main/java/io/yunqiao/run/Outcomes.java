package io.yunqiao.run;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The write side's transactions: claiming staged records and recording each outcome with its log. */
@Component
class Outcomes {

    private final SourceRecordRepository records;
    private final RecordLogRepository logs;
    private final RunRepository runs;
    private final WrittenKeyRepository writtenKeys;
    private final Clock clock;

    Outcomes(SourceRecordRepository records, RecordLogRepository logs, RunRepository runs,
            WrittenKeyRepository writtenKeys, Clock clock) {
        this.records = records;
        this.logs = logs;
        this.runs = runs;
        this.writtenKeys = writtenKeys;
        this.clock = clock;
    }

    /** Claims up to {@code limit} pending records of a solution, oldest first. */
    @Transactional
    public List<SourceRecord> claimPending(long solutionId, long runId, int limit) {
        List<SourceRecord> claimed = records.findBySolutionIdAndStatusOrderById(solutionId, RecordStatus.PENDING,
                Limit.of(limit));
        Instant now = clock.instant();
        claimed.forEach(r -> r.moveTo(RecordStatus.PROCESSING, runId, now));
        return claimed;
    }

    /**
     * Makes the given records of a solution pending again (re-push).
     *
     * @return how many were made pending
     */
    @Transactional
    public int requeue(long solutionId, Collection<Long> ids, long runId) {
        Instant now = clock.instant();
        List<SourceRecord> found = records.findAllById(ids);
        int requeued = 0;
        for (SourceRecord record : found) {
            if (record.getSolutionId() == solutionId && record.getStatus() != RecordStatus.PROCESSING) {
                record.moveTo(RecordStatus.PENDING, runId, now);
                requeued++;
            }
        }
        return requeued;
    }

    /** Records that a crashed writer had claimed become pending again, marked as possibly sent. */
    @Transactional
    public int releaseClaims(long solutionId) {
        return records.releaseClaims(solutionId);
    }

    /** The source records whose log in a run says FAILED. */
    @Transactional(readOnly = true)
    public List<Long> failedRecordsOf(long runId) {
        return logs.findByRunIdAndStatusOrderById(runId, RecordStatus.FAILED,
                org.springframework.data.domain.Pageable.unpaged()).stream()
                .map(RecordLog::getSourceRecordId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    @Transactional(readOnly = true)
    public boolean targetKeyWritten(long solutionId, String targetKey) {
        return writtenKeys.existsById(new WrittenKey.Id(solutionId, targetKey));
    }

    /** The final outcome of one record in a run, and its log. */
    @Transactional
    public void record(long runId, long sourceRecordId, RecordStatus status, int attempts, boolean mayHaveBeenSent,
            String targetKey, String request, String response, String errorClass, String vendorCode, String message,
            long durationMillis) {
        Instant now = clock.instant();
        SourceRecord record = records.findById(sourceRecordId).orElseThrow();
        record.attempted(record.getAttempts() + attempts, mayHaveBeenSent, now);
        record.targetKey(targetKey);
        record.moveTo(status, runId, now);
        if (status == RecordStatus.SUCCESS && targetKey != null
                && !writtenKeys.existsById(new WrittenKey.Id(record.getSolutionId(), targetKey))) {
            writtenKeys.save(new WrittenKey(record.getSolutionId(), targetKey, sourceRecordId, now));
        }
        logs.save(new RecordLog(runId, record, status, attempts, request, response, errorClass, vendorCode, message,
                durationMillis, now));
    }

    /** A log of a dry run: mapped and validated, nothing staged or sent. */
    @Transactional
    public void dryRunLog(long runId, String sourceKey, RecordStatus status, String request, String message) {
        logs.save(new RecordLog(runId, null, status, 0, request, null, status == RecordStatus.FAILED ? "VALIDATION"
                : null, null, message, 0, clock.instant()).withSourceKey(sourceKey));
    }

    /** Adds counts to a run, so progress shows while it works. */
    @Transactional
    public void count(long runId, int fetched, int pages, int written, int skipped, int failed) {
        Run run = runs.findById(runId).orElseThrow();
        run.count(fetched, pages);
        run.outcomes(written, skipped, failed);
    }
}
