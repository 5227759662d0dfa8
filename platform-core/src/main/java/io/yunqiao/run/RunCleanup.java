package io.yunqiao.run;

import io.yunqiao.solution.SolutionDeleted;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes a deleted solution's runs, logs, staged records and checkpoint, in the deleting transaction. */
@Component
class RunCleanup {

    private final RunRepository runs;
    private final RecordLogRepository logs;
    private final SourceRecordRepository records;
    private final CheckpointRepository checkpoints;
    private final WrittenKeyRepository writtenKeys;

    RunCleanup(RunRepository runs, RecordLogRepository logs, SourceRecordRepository records,
            CheckpointRepository checkpoints, WrittenKeyRepository writtenKeys) {
        this.runs = runs;
        this.logs = logs;
        this.records = records;
        this.checkpoints = checkpoints;
        this.writtenKeys = writtenKeys;
    }

    @EventListener
    public void on(SolutionDeleted deleted) {
        List<Long> runIds = runs.findBySolutionIdOrderByStartedAtDesc(deleted.solutionId(),
                org.springframework.data.domain.Pageable.unpaged()).stream().map(Run::getId).toList();
        if (!runIds.isEmpty()) {
            logs.deleteByRunIdIn(runIds);
        }
        runs.deleteBySolutionId(deleted.solutionId());
        records.deleteBySolutionId(deleted.solutionId());
        writtenKeys.deleteBySolution(deleted.solutionId());
        checkpoints.findById(deleted.solutionId()).ifPresent(checkpoints::delete);
    }
}
