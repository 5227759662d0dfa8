package io.yunqiao.run;

import io.yunqiao.solution.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The write side's transactions: claiming staged records and recording each outcome with its log. */
@Component
class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

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

    /**
     * Claims up to {@code limit} pending records of a solution for this node; records another node is claiming at
     * the same moment are skipped, not waited for.
     */
    @Transactional
    public List<SourceRecord> claimPending(long solutionId, long runId, int limit, String instance) {
        List<SourceRecord> claimed = records.findBySolutionIdAndStatus(solutionId, RecordStatus.PENDING,
                Limit.of(limit));
        Instant now = clock.instant();
        carried(runId, claimed);
        claimed.forEach(r -> r.claim(runId, instance, now));
        return claimed;
    }

    /**
     * Counts the claimed records another run staged (re-pushed, retried, left over) as carried into this run, in the
     * claiming transaction: a record this run staged, or claimed and gave back before, carries this run's id.
     */
    void carried(long runId, List<SourceRecord> claimed) {
        int carried = (int) claimed.stream().filter(r -> r.getLastRunId() == null || r.getLastRunId() != runId)
                .count();
        if (carried > 0) {
            runs.addOtherCounts(runId, 0, carried, 0, 0);
        }
    }

    /** The run no longer writes (its node is stopping): other nodes stop helping it. */
    @Transactional
    public void stopWriting(long runId) {
        runs.stopWriting(runId);
    }

    /** Adds a dry run's valid records to its counts. */
    @Transactional
    public void countValid(long runId, int valid) {
        if (valid > 0) {
            runs.addOtherCounts(runId, 0, 0, 0, valid);
        }
    }

    @Transactional(readOnly = true)
    public boolean hasPending(long solutionId) {
        return records.existsBySolutionIdAndStatus(solutionId, RecordStatus.PENDING);
    }

    @Transactional(readOnly = true)
    public boolean hasClaimed(long solutionId) {
        return records.existsBySolutionIdAndStatus(solutionId, RecordStatus.PROCESSING);
    }

    @Transactional(readOnly = true)
    public long pending(long solutionId) {
        return records.countBySolutionIdAndStatus(solutionId, RecordStatus.PENDING);
    }

    /** A batch whose outcomes could not be recorded goes back to the queue, marked as possibly sent. */
    @Transactional
    public int unclaim(Collection<Long> ids) {
        return ids.isEmpty() ? 0 : records.unclaim(ids);
    }

    /** Claimed records whose sending never began go back to the queue as they were. */
    @Transactional
    public int unclaimUnsent(Collection<Long> ids) {
        return ids.isEmpty() ? 0 : records.unclaimUnsent(ids);
    }

    /** Records an earlier run left unconfirmed are queued again, still possibly sent. */
    @Transactional
    public int requeueUnconfirmed(long solutionId) {
        return records.requeueUnconfirmed(solutionId);
    }

    /**
     * The solution's failed records that later runs may still retry ({@code laterRuns} of its retry policy) are
     * queued again for this run, each counting one automatic retry; a record that failed as often stays failed until
     * it is re-pushed by hand or fetched with new content.
     *
     * @return how many were queued
     */
    @Transactional
    public int retryFailed(long solutionId, int laterRuns) {
        return laterRuns <= 0 ? 0 : records.retryFailed(solutionId, laterRuns);
    }

    /** How many records a run left unconfirmed. */
    @Transactional(readOnly = true)
    public long unconfirmedOf(long runId) {
        return logs.countByRunIdAndStatus(runId, RecordStatus.UNCONFIRMED);
    }

    /**
     * Makes the given records of a solution pending again (re-push), those still FAILED.
     *
     * @return how many were made pending
     */
    @Transactional
    public int requeue(long solutionId, Collection<Long> ids, long runId) {
        Instant now = clock.instant();
        List<SourceRecord> found = records.findAllById(ids);
        int requeued = 0;
        for (SourceRecord record : found) {
            if (record.getSolutionId() == solutionId && record.getStatus() == RecordStatus.FAILED) {
                record.moveTo(RecordStatus.PENDING, runId, now);
                requeued++;
            }
        }
        // taken over from the runs that failed them: counted here, as their claim will find this run's id on them
        if (requeued > 0) {
            runs.addOtherCounts(runId, 0, requeued, 0, 0);
        }
        return requeued;
    }

    /**
     * Records that a dead node had claimed become pending again, marked as possibly sent.
     *
     * @param aliveInstances the nodes whose claims stay
     */
    @Transactional
    public int releaseClaims(long solutionId, Collection<String> aliveInstances) {
        return records.releaseClaims(solutionId, aliveInstances);
    }

    /**
     * The source records a run may re-push: those whose log in the run says FAILED and that are still FAILED
     * (not written since by another run).
     */
    @Transactional(readOnly = true)
    public List<Long> failedRecordsOf(long runId) {
        List<Long> logged = logs.findByRunIdAndStatusOrderById(runId, RecordStatus.FAILED,
                org.springframework.data.domain.Pageable.unpaged()).stream()
                .map(RecordLog::getSourceRecordId).filter(java.util.Objects::nonNull).distinct().toList();
        Set<Long> stillFailed = records.findAllById(logged).stream()
                .filter(r -> r.getStatus() == RecordStatus.FAILED).map(SourceRecord::getId)
                .collect(Collectors.toSet());
        return logged.stream().filter(stillFailed::contains).toList();
    }

    /** Which of these target keys the solution has written successfully. */
    @Transactional(readOnly = true)
    public Set<String> writtenKeys(long solutionId, Collection<String> targetKeys) {
        if (targetKeys.isEmpty()) {
            return Set.of();
        }
        return writtenKeys.findAllById(targetKeys.stream().map(key -> new WrittenKey.Id(solutionId, key)).toList())
                .stream().map(WrittenKey::targetKey).collect(Collectors.toSet());
    }

    /**
     * The outcomes of some records, their logs and the run's counts, in one transaction. The counts are the same at
     * every log level; the level only decides how much of a written or skipped record the log keeps.
     *
     * @param logLevel how much of each record the solution keeps in its log; {@code null} means {@link LogLevel#ALL}
     *
     * <p>A run's counts are frozen once it is final. Outcomes that arrive for a run that has ended meanwhile (a node
     * helping a run whose node died, and which was taken over) belong to the run that now holds the solution's lock
     * and continues the work: they are logged and counted there, as carried into it. When no run holds it, they are
     * logged in the ended run, and its counts stay as they were.
     *
     * @return how many were written, skipped and failed (for this call's run or the run that took them)
     */
    @Transactional
    public RecordWriter.Written recordAll(long solutionId, long runId, List<RecordOutcome> results,
            LogLevel logLevel) {
        // the run's row stays locked until this commits: it cannot end between this look and the counts
        Run run = runs.lockById(runId).orElse(null);
        if (run != null && run.getStatus() == RunStatus.RUNNING) {
            return record(solutionId, runId, results, logLevel, false);
        }
        Run continuing = runs.findBySolutionIdAndStatusOrderByIdDesc(solutionId, RunStatus.RUNNING).stream()
                // a dry run writes nothing: it cannot carry records that were written
                .filter(r -> r.getId() != runId && !r.isDryRun()).findFirst()
                .flatMap(r -> runs.lockById(r.getId())).filter(r -> r.getStatus() == RunStatus.RUNNING)
                .orElse(null);
        if (continuing != null) {
            LOG.info("run {} has ended: the outcomes of {} records written for it are counted in run {}, which"
                    + " continues its work", runId, results.size(), continuing.getId());
            return record(solutionId, continuing.getId(), results, logLevel, true);
        }
        // the records' outcomes are kept (a record written stays written, and is not sent again) and logged in the
        // run they were sent for, whose counts stay as they were when it ended
        LOG.info("run {} has ended and no run continues it yet: the outcomes of {} records written for it are"
                + " logged there, its counts stay as they were", runId, results.size());
        return record(solutionId, runId, results, logLevel, false);
    }

    private RecordWriter.Written record(long solutionId, long runId, List<RecordOutcome> results,
            LogLevel logLevel, boolean carriedIn) {
        Instant now = clock.instant();
        Map<Long, SourceRecord> byId = records.findAllById(results.stream().map(RecordOutcome::sourceRecordId)
                .toList()).stream().collect(Collectors.toMap(SourceRecord::getId, r -> r));
        Set<String> keysWritten = writtenKeys(solutionId, results.stream()
                .filter(o -> o.status() == RecordStatus.SUCCESS && o.targetKey() != null)
                .map(RecordOutcome::targetKey).toList());
        List<RecordLog> newLogs = new ArrayList<>();
        List<WrittenKey> newKeys = new ArrayList<>();
        int written = 0;
        int skipped = 0;
        int failed = 0;
        int unconfirmed = 0;
        for (RecordOutcome outcome : results) {
            SourceRecord record = byId.get(outcome.sourceRecordId());
            if (record.getStatus() == RecordStatus.PENDING) {
                // fetched again with new content while this send was under way: the outcome is logged and
                // counted, but the record stays pending, so its new content is written too (possibly sent)
                record.attempted(record.getAttempts(), outcome.mayHaveBeenSent(), now);
            } else {
                record.attempted(record.getAttempts() + outcome.attempts(), outcome.mayHaveBeenSent(), now);
                record.targetKey(outcome.targetKey());
                record.moveTo(outcome.status(), runId, now);
            }
            if (outcome.status() == RecordStatus.SUCCESS && outcome.targetKey() != null
                    && keysWritten.add(outcome.targetKey())) {
                newKeys.add(new WrittenKey(solutionId, outcome.targetKey(), record.getId(), now));
            }
            RecordLog log = logOf(runId, record, outcome, logLevel);
            if (log != null) {
                newLogs.add(log);
            }
            switch (outcome.status()) {
                case SUCCESS -> written++;
                case SKIPPED -> skipped++;
                case UNCONFIRMED -> unconfirmed++;
                default -> failed++;
            }
        }
        writtenKeys.saveAll(newKeys);
        logs.saveAll(newLogs);
        runs.addCounts(runId, 0, 0, written, skipped, failed);
        if (unconfirmed > 0 || carriedIn) {
            // records another run claimed are carried into this one: its counts still add up
            runs.addOtherCounts(runId, 0, carriedIn ? results.size() : 0, unconfirmed, 0);
        }
        return new RecordWriter.Written(written, skipped, failed, unconfirmed);
    }

    /**
     * The log line of one outcome at a solution's log level, or {@code null} for none. A record that was not written
     * (FAILED, UNCONFIRMED) is always logged in full, with request and response: that is what a user needs to
     * understand it and re-push it.
     */
    static RecordLog logOf(long runId, SourceRecord record, RecordOutcome outcome, LogLevel logLevel) {
        LogLevel level = logLevel == null || !outcome.status().isWritten() ? LogLevel.ALL : logLevel;
        return switch (level) {
            case SUMMARY -> null;
            case FAILURES -> new RecordLog(runId, record, outcome.status(), outcome.attempts(), null, null,
                    outcome.errorClass(), outcome.vendorCode(), outcome.message(), outcome.durationMillis(),
                    outcome.finishedAt());
            case ALL -> new RecordLog(runId, record, outcome.status(), outcome.attempts(), outcome.request(),
                    outcome.response(), outcome.errorClass(), outcome.vendorCode(), outcome.message(),
                    outcome.durationMillis(), outcome.finishedAt());
        };
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
        runs.addCounts(runId, fetched, pages, written, skipped, failed);
    }
}
