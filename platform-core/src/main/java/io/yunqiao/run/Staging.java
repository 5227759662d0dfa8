package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stages fetched pages: one transaction per page; the page that completes a window also advances the checkpoint in
 * the same transaction, so a crash can lose neither a staged record nor the place to restart from.
 */
@Component
class Staging {

    private final SourceRecordRepository records;
    private final CheckpointRepository checkpoints;
    private final RecordLogRepository logs;
    private final Clock clock;

    Staging(SourceRecordRepository records, CheckpointRepository checkpoints, RecordLogRepository logs, Clock clock) {
        this.records = records;
        this.checkpoints = checkpoints;
        this.logs = logs;
        this.clock = clock;
    }

    /**
     * What staging one page did.
     *
     * @param pending the records this page made pending (new or changed), in page order, with their parsed content:
     *                what a writer of the same run maps without reading them back
     */
    record Staged(int fetched, int duplicates, int withoutKey, List<StagedRecord> pending) {
    }

    /** A record staged pending, with the content it was staged with. */
    record StagedRecord(long id, JsonNode content) {
    }

    /**
     * @param completesWindowAt the window end to record as the checkpoint, or {@code null} when more pages follow
     */
    @Transactional
    public Staged stage(long solutionId, long runId, OperationDefinition source, List<JsonNode> page,
            Instant completesWindowAt) {
        Instant now = clock.instant();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        int withoutKey = 0;
        for (JsonNode record : page) {
            String key = JsonPaths.text(record, source.key());
            if (key == null) {
                withoutKey++;
                logs.save(new RecordLog(runId, null, RecordStatus.FAILED, 0, null, record.toString(), "VALIDATION",
                        null, "the record has no primary key '" + source.key() + "' and cannot be staged", 0, now));
            } else {
                byKey.put(key, record);
            }
        }
        Map<String, SourceRecord> existing = new HashMap<>();
        if (!byKey.isEmpty()) {
            records.findBySolutionIdAndSourceKeyIn(solutionId, byKey.keySet())
                    .forEach(r -> existing.put(r.getSourceKey(), r));
        }
        int duplicates = 0;
        List<SourceRecord> added = new ArrayList<>();
        List<SourceRecord> changed = new ArrayList<>();
        Map<SourceRecord, JsonNode> contents = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : byKey.entrySet()) {
            JsonNode record = entry.getValue();
            String hash = ContentHash.of(record);
            String code = source.code() == null ? null : JsonPaths.text(record, source.code());
            SourceRecord known = existing.get(entry.getKey());
            if (known == null) {
                SourceRecord staged = new SourceRecord(solutionId, entry.getKey(), code, hash, record.toString(),
                        runId, now);
                added.add(staged);
                contents.put(staged, record);
            } else if (!known.getContentHash().equals(hash)) {
                known.refetched(code, hash, record.toString(), runId, now);
                changed.add(known);
                contents.put(known, record);
            } else if (known.getStatus() == RecordStatus.SUCCESS || known.getStatus() == RecordStatus.SKIPPED) {
                duplicates++;
            }
        }
        records.saveAll(added);
        records.flush();
        List<StagedRecord> pending = new ArrayList<>();
        contents.forEach((staged, content) -> pending.add(new StagedRecord(staged.getId(), content)));
        if (completesWindowAt != null) {
            checkpoints.findById(solutionId).ifPresentOrElse(c -> c.advanceTo(completesWindowAt, now),
                    () -> checkpoints.save(new Checkpoint(solutionId, completesWindowAt, now)));
        }
        return new Staged(page.size(), duplicates, withoutKey, pending);
    }

    /** Where the last complete fetch of a solution ended, or {@code null}. */
    @Transactional(readOnly = true)
    public Instant checkpoint(long solutionId) {
        return checkpoints.findById(solutionId).map(Checkpoint::getWindowEnd).orElse(null);
    }
}
