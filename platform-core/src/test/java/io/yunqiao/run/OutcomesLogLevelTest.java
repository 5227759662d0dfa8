package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.yunqiao.solution.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * How much of a batch's outcomes {@link Outcomes#recordAll} keeps in the record log at each log level: the run's
 * counts are the same at every level, and a record that was not written is always logged in full.
 */
class OutcomesLogLevelTest {

    private static final long SOLUTION = 7;
    private static final long RUN = 70;
    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private final SourceRecordRepository records = mock(SourceRecordRepository.class);
    private final RecordLogRepository logs = mock(RecordLogRepository.class);
    private final RunRepository runs = mock(RunRepository.class);
    private final WrittenKeyRepository writtenKeys = mock(WrittenKeyRepository.class);
    private final Outcomes outcomes = new Outcomes(records, logs, runs, writtenKeys,
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** One written, one skipped, one failed and one unconfirmed record, each with its request and response. */
    private final List<RecordOutcome> batch = List.of(
            outcome(1, RecordStatus.SUCCESS, "C-1", null),
            outcome(2, RecordStatus.SKIPPED, null, "target key C-1 was already written"),
            outcome(3, RecordStatus.FAILED, null, "nickname is required"),
            outcome(4, RecordStatus.UNCONFIRMED, null, "no answer: read timed out"));

    private static RecordOutcome outcome(long id, RecordStatus status, String targetKey, String message) {
        return new RecordOutcome(id, status, 1, status != RecordStatus.FAILED, targetKey,
                "{\"customerCode\":\"C-" + id + "\"}", "{\"code\":" + (status == RecordStatus.FAILED ? 400 : 200)
                        + "}", status == RecordStatus.FAILED ? "VALIDATION" : null, null, message, 12, NOW);
    }

    @BeforeEach
    void fourStagedRecords() {
        List<SourceRecord> staged = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            SourceRecord record = mock(SourceRecord.class);
            when(record.getId()).thenReturn(id);
            when(record.getSourceKey()).thenReturn("bill-" + id);
            staged.add(record);
        }
        when(records.findAllById(anyIterable())).thenReturn(staged);
        when(writtenKeys.findAllById(anyIterable())).thenReturn(List.of());
        // the run is still running: the outcomes are its own
        when(runs.lockById(RUN)).thenReturn(java.util.Optional.of(new Run(SOLUTION, 1, RunTrigger.MANUAL, false,
                NOW, "node", "instance")));
    }

    @SuppressWarnings("unchecked")
    private List<RecordLog> logged(LogLevel level) {
        RecordWriter.Written written = outcomes.recordAll(SOLUTION, RUN, batch, level);
        assertThat(written).isEqualTo(new RecordWriter.Written(1, 1, 1, 1));
        verify(runs).addCounts(RUN, 0, 0, 1, 1, 1);
        ArgumentCaptor<List<RecordLog>> saved = ArgumentCaptor.forClass(List.class);
        verify(logs).saveAll(saved.capture());
        return saved.getValue();
    }

    @Test
    void allLogsEveryRecordWithRequestAndResponse() {
        List<RecordLog> logged = logged(LogLevel.ALL);

        assertThat(logged).extracting(RecordLog::getStatus).containsExactly(RecordStatus.SUCCESS,
                RecordStatus.SKIPPED, RecordStatus.FAILED, RecordStatus.UNCONFIRMED);
        assertThat(logged).allSatisfy(log -> {
            assertThat(log.getRequest()).startsWith("{\"customerCode\"");
            assertThat(log.getResponse()).startsWith("{\"code\"");
        });
    }

    @Test
    void aSpecWithoutALevelLogsLikeAll() {
        List<RecordLog> logged = logged(null);

        assertThat(logged).hasSize(4).allSatisfy(log -> assertThat(log.getRequest()).isNotNull());
    }

    @Test
    void failuresKeepALineForEveryRecordButBodiesOnlyForThoseNotWritten() {
        List<RecordLog> logged = logged(LogLevel.FAILURES);

        assertThat(logged).extracting(RecordLog::getStatus).containsExactly(RecordStatus.SUCCESS,
                RecordStatus.SKIPPED, RecordStatus.FAILED, RecordStatus.UNCONFIRMED);
        assertThat(logged.subList(0, 2)).allSatisfy(log -> {
            assertThat(log.getRequest()).isNull();
            assertThat(log.getResponse()).isNull();
        });
        assertThat(logged.get(1).getMessage()).isEqualTo("target key C-1 was already written");
        assertThat(logged.subList(2, 4)).allSatisfy(log -> {
            assertThat(log.getRequest()).isEqualTo("{\"customerCode\":\"C-" + log.getSourceKey().substring(5)
                    + "\"}");
            assertThat(log.getResponse()).isNotNull();
            assertThat(log.getMessage()).isNotBlank();
        });
    }

    @Test
    void summaryLogsOnlyTheRecordsNotWrittenInFull() {
        List<RecordLog> logged = logged(LogLevel.SUMMARY);

        assertThat(logged).extracting(RecordLog::getSourceKey).containsExactly("bill-3", "bill-4");
        assertThat(logged.get(0).getErrorClass()).isEqualTo("VALIDATION");
        assertThat(logged).allSatisfy(log -> {
            assertThat(log.getRequest()).isNotNull();
            assertThat(log.getResponse()).isNotNull();
        });
    }

    @Test
    void theWrittenKeysAreRememberedAtEveryLevel() {
        outcomes.recordAll(SOLUTION, RUN, batch, LogLevel.SUMMARY);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<WrittenKey>> keys = ArgumentCaptor.forClass(List.class);
        verify(writtenKeys).saveAll(keys.capture());
        assertThat(keys.getValue()).extracting(WrittenKey::targetKey).containsExactly("C-1");
        verify(records).findAllById(anyCollection());
    }
}
