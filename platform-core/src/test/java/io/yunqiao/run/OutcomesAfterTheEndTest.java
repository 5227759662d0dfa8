package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.yunqiao.solution.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Outcomes that arrive for a run after it ended (a node helping a run whose node died, which was taken over): the
 * ended run's counts are frozen, and the outcomes belong to the run that continues the work.
 */
class OutcomesAfterTheEndTest {

    private static final long SOLUTION = 7;
    private static final long ENDED = 70;
    private static final long CONTINUING = 71;
    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private final SourceRecordRepository records = mock(SourceRecordRepository.class);
    private final RecordLogRepository logs = mock(RecordLogRepository.class);
    private final RunRepository runs = mock(RunRepository.class);
    private final WrittenKeyRepository writtenKeys = mock(WrittenKeyRepository.class);
    private final Outcomes outcomes = new Outcomes(records, logs, runs, writtenKeys, Clock.fixed(NOW, ZoneOffset.UTC));

    private final List<RecordOutcome> twoWritten = List.of(written(1), written(2));

    private static RecordOutcome written(long id) {
        return new RecordOutcome(id, RecordStatus.SUCCESS, 1, true, "C-" + id, "{}", "{}", null, null, null, 5, NOW);
    }

    private static Run run(long id, RunStatus status) {
        Run run = new Run(SOLUTION, 1, RunTrigger.MANUAL, false, NOW, "node", "instance");
        ReflectionTestUtils.setField(run, "id", id);
        ReflectionTestUtils.setField(run, "status", status);
        return run;
    }

    @BeforeEach
    void twoClaimedRecords() {
        SourceRecord one = mock(SourceRecord.class);
        when(one.getId()).thenReturn(1L);
        when(one.getStatus()).thenReturn(RecordStatus.PROCESSING);
        SourceRecord two = mock(SourceRecord.class);
        when(two.getId()).thenReturn(2L);
        when(two.getStatus()).thenReturn(RecordStatus.PROCESSING);
        when(records.findAllById(anyIterable())).thenReturn(List.of(one, two));
        when(writtenKeys.findAllById(anyIterable())).thenReturn(List.of());
    }

    @Test
    void outcomesForAnEndedRunAreLoggedAndCountedInTheRunThatContinuesItsWork() {
        // given the run the records were written for ended INTERRUPTED, and a recovery run holds the solution
        when(runs.lockById(ENDED)).thenReturn(Optional.of(run(ENDED, RunStatus.INTERRUPTED)));
        Run continuing = run(CONTINUING, RunStatus.RUNNING);
        when(runs.findBySolutionIdAndStatusOrderByIdDesc(SOLUTION, RunStatus.RUNNING)).thenReturn(List.of(continuing));
        when(runs.lockById(CONTINUING)).thenReturn(Optional.of(continuing));

        // when their outcomes arrive
        RecordWriter.Written written = outcomes.recordAll(SOLUTION, ENDED, twoWritten, LogLevel.ALL);

        // then they are logged in the continuing run and counted there, carried into it so that its counts add up
        assertThat(written.written()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordLog>> saved = ArgumentCaptor.forClass(List.class);
        verify(logs).saveAll(saved.capture());
        assertThat(saved.getValue()).extracting(RecordLog::getRunId).containsOnly(CONTINUING);
        verify(runs).addCounts(CONTINUING, 0, 0, 2, 0, 0);
        verify(runs).addOtherCounts(CONTINUING, 0, 2, 0, 0);
        // and the ended run's counts are not touched
        verify(runs, never()).addCounts(eq(ENDED), anyInt(), anyInt(), anyInt(), anyInt(), anyInt());
        verify(runs, never()).addOtherCounts(eq(ENDED), anyInt(), anyInt(), anyInt(), anyInt());
    }

    @Test
    void outcomesForARunStillRunningAreItsOwn() {
        when(runs.lockById(ENDED)).thenReturn(Optional.of(run(ENDED, RunStatus.RUNNING)));

        outcomes.recordAll(SOLUTION, ENDED, twoWritten, LogLevel.ALL);

        verify(runs).addCounts(ENDED, 0, 0, 2, 0, 0);
        verify(runs, never()).addOtherCounts(anyLong(), anyInt(), anyInt(), anyInt(), anyInt());
        verify(runs, never()).findBySolutionIdAndStatusOrderByIdDesc(anyLong(), eq(RunStatus.RUNNING));
    }
}
