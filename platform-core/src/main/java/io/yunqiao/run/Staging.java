package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stages fetched pages: one transaction per page; the page that completes a window also advances the checkpoint in
 * the same transaction, so a crash can lose neither a staged record nor the place to restart from.
 */
@Component
class Staging {

    private static final Logger LOG = LoggerFactory.getLogger(Staging.class);

    private final SourceRecordRepository records;
    private final CheckpointRepository checkpoints;
    private final RecordLogRepository logs;
    private final Clock clock;
    private final ContentDictionaries dictionaries;
    private final RunRepository runs;
    private final SourceContentRepository contents;

    Staging(SourceRecordRepository records, CheckpointRepository checkpoints, RecordLogRepository logs, Clock clock,
            ContentDictionaries dictionaries, RunRepository runs, SourceContentRepository contents) {
        this.records = records;
        this.contents = contents;
        this.runs = runs;
        this.dictionaries = dictionaries;
        this.checkpoints = checkpoints;
        this.logs = logs;
        this.clock = clock;
    }

    /**
     * What staging one page did.
     *
     * @param fetched    the page's records, or their lines when the solution splits
     * @param duplicates counted as skipped: records staged before with the same content and written, and records
     *                   without lines
     * @param withoutKey counted as failed: records or lines that could not be staged (no key, no line, no group key)
     * @param pending    the records this page made pending (new or changed), in page order, with their parsed
     *                   content: what a writer of the same run maps without reading them back
     */
    record Staged(int fetched, int duplicates, int withoutKey, List<StagedRecord> pending) {
    }

    /** A record staged pending, with the content it was staged with. */
    record StagedRecord(long id, JsonNode content) {
    }

    /**
     * Stages a page and adds it to the run's counts (fetched, pages, duplicates as skipped, records without a key as
     * failed). With a split, each record is staged as its lines (and counted per line); with grouping, each record's
     * group key is computed and stored with it. What cannot be staged (no key, no lines, no group key) is logged
     * with its content and a coded message: failed, or skipped for a record that has no lines.
     *
     * @param completesWindowAt the window end to record as the checkpoint, or {@code null} when more pages follow
     */
    @Transactional
    public Staged stage(long solutionId, long runId, OperationDefinition source, SourceShapes.Shape shape,
            List<JsonNode> page, Instant completesWindowAt) {
        Instant now = clock.instant();
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        int withoutKey = 0;
        int empty = 0;
        int units = 0;
        for (JsonNode record : page) {
            String key = JsonPaths.text(record, source.key());
            if (key == null) {
                withoutKey++;
                units++;
                logs.save(new RecordLog(runId, null, RecordStatus.FAILED, 0, null, record.toString(), "VALIDATION",
                        null, StoredMessage.of("record.source.noKey", source.key()).store(), 0, now));
                continue;
            }
            String code = source.code() == null ? null : JsonPaths.text(record, source.code());
            SourceLines.Split split = shape.lines().split(record, key, code);
            for (SourceLines.Refusal refusal : split.refusals()) {
                units++;
                if (refusal.empty()) {
                    empty++;
                } else {
                    withoutKey++;
                }
                logs.save(new RecordLog(runId, null, refusal.empty() ? RecordStatus.SKIPPED : RecordStatus.FAILED,
                        0, null, refusal.content().toString(), refusal.empty() ? null : "VALIDATION", null,
                        refusal.message(), 0, now).withSourceKey(refusal.key()));
            }
            for (SourceLines.Line line : split.lines()) {
                units++;
                String groupKey = null;
                if (shape.grouped()) {
                    groupKey = shape.groups().keyOf(line.content(), shape.context());
                    if (groupKey == null) {
                        withoutKey++;
                        logs.save(new RecordLog(runId, null, RecordStatus.FAILED, 0, null, line.content().toString(),
                                "VALIDATION", null, StoredMessage.of("record.group.noKey",
                                        line.code() == null ? line.key() : line.code(), shape.groups().expression(),
                                        SourceGroups.MAX_KEY_LENGTH).store(), 0, now).withSourceKey(line.key()));
                        continue;
                    }
                }
                byKey.put(line.key(), new Candidate(line.content(), line.code(), groupKey));
            }
        }
        Map<String, SourceRecord> existing = new HashMap<>();
        if (!byKey.isEmpty()) {
            records.findBySourceKeyIn(byKey.keySet()).stream().filter(r -> r.getSolutionId() == solutionId)
                    .forEach(r -> existing.put(r.getSourceKey(), r));
        }
        int duplicates = 0;
        // each new or changed record is serialized once, then compressed with the page's dictionary
        List<Entry> toStore = new ArrayList<>();
        for (Map.Entry<String, Candidate> entry : byKey.entrySet()) {
            Candidate candidate = entry.getValue();
            JsonNode record = candidate.content();
            String hash = ContentHash.of(record);
            SourceRecord known = existing.get(entry.getKey());
            if (known == null || !known.getContentHash().equals(hash)) {
                toStore.add(new Entry(entry.getKey(), record, hash, known, StagedContents.json(record),
                        candidate.code(), candidate.groupKey()));
            } else if (known.getStatus().isWritten()) {
                duplicates++;
            }
        }
        CompressedText.Dictionary dictionary = toStore.isEmpty() ? null
                : dictionaries.forStaging(solutionId, toStore.stream().map(Entry::json).toList());
        List<SourceRecord> added = new ArrayList<>();
        Map<SourceRecord, Entry> staged = new LinkedHashMap<>();
        for (Entry entry : toStore) {
            SourceRecord record = entry.known();
            if (record == null) {
                record = new SourceRecord(solutionId, entry.key(), entry.code(), entry.hash(), runId, now);
                added.add(record);
            } else {
                record.refetched(entry.code(), entry.hash(), runId, now);
            }
            record.groupKey(entry.groupKey());
            staged.put(record, entry);
        }
        try {
            // inserted in JDBC batches (hibernate.jdbc.batch_size, sequence ids allocated 50 at a time); the records
            // first, as their contents refer to them
            records.saveAll(added);
            records.flush();
            contents.saveAll(contentsOf(staged, dictionary));
            contents.flush();
        } catch (DataAccessException e) {
            throw refused(solutionId, runId, toStore.size(), e);
        }
        List<StagedRecord> pending = new ArrayList<>();
        staged.forEach((record, entry) -> pending.add(new StagedRecord(record.getId(), entry.record())));
        if (completesWindowAt != null) {
            checkpoints.findById(solutionId).ifPresentOrElse(c -> c.advanceTo(completesWindowAt, now),
                    () -> checkpoints.save(new Checkpoint(solutionId, completesWindowAt, now)));
        }
        // the run's counts move with what they count, in the same transaction
        runs.addCounts(runId, units, 1, 0, duplicates + empty, withoutKey);
        return new Staged(units, duplicates + empty, withoutKey, pending);
    }

    /**
     * The compressed contents of the records staged: new rows for new records (and for records staged before V8,
     * which kept their text in their own row), the stored rows changed for records whose content changed.
     */
    private List<SourceContent> contentsOf(Map<SourceRecord, Entry> staged, CompressedText.Dictionary dictionary) {
        Map<Long, SourceContent> known = new HashMap<>();
        List<Long> changed = staged.entrySet().stream().filter(e -> e.getValue().known() != null)
                .map(e -> e.getKey().getId()).toList();
        if (!changed.isEmpty()) {
            contents.findAllById(changed).forEach(content -> known.put(content.getId(), content));
        }
        List<SourceContent> result = new ArrayList<>();
        staged.forEach((record, entry) -> {
            StagedContents.Stored stored = StagedContents.compress(entry.json(), dictionary);
            SourceContent content = known.get(record.getId());
            if (content == null) {
                result.add(new SourceContent(record.getId(), stored));
            } else {
                content.replace(stored);
                result.add(content);
            }
        });
        return result;
    }

    /** A record to store: new ({@code known} is null) or changed. */
    private record Entry(String key, JsonNode record, String hash, SourceRecord known, byte[] json, String code,
            String groupKey) {
    }

    /** A record (or line) of the page, with its display code and group key. */
    private record Candidate(JsonNode content, String code, String groupKey) {
    }

    /**
     * The database refused the page (a full disk, a broken connection): nothing of it is kept and the checkpoint
     * stays; the reason names the SQLState only, the database's own text (which quotes SQL) goes to the log.
     */
    private static Problem refused(long solutionId, long runId, int count, DataAccessException e) {
        SQLException sql = null;
        for (Throwable cause = e; cause != null && sql == null; cause = cause.getCause()) {
            sql = cause instanceof SQLException found ? found : null;
        }
        String state = sql == null || sql.getSQLState() == null ? "?" : sql.getSQLState();
        LOG.warn("solution {} run {}: the database refused to stage a page of {} records", solutionId, runId, count,
                e);
        Problem refusal = Problem.coded(Problem.Kind.CONFLICT, null, "problem.engine.stagingRefused",
                String.valueOf(count), state);
        refusal.initCause(e);
        return refusal;
    }

    /** Where the last complete fetch of a solution ended, or {@code null}. */
    @Transactional(readOnly = true)
    public Instant checkpoint(long solutionId) {
        return checkpoints.findById(solutionId).map(Checkpoint::getWindowEnd).orElse(null);
    }
}
