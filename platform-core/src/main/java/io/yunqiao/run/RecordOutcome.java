package io.yunqiao.run;

import java.time.Instant;

/**
 * What happened to one claimed record in a run, before it is saved with the rest of its batch.
 *
 * @param mayHaveBeenSent whether a request for it may have reached the target
 * @param finishedAt      when the record was handled (its log's time, not its batch's)
 */
record RecordOutcome(long sourceRecordId, RecordStatus status, int attempts, boolean mayHaveBeenSent,
        String targetKey, String request, String response, String errorClass, String vendorCode, String message,
        long durationMillis, Instant finishedAt) {
}
