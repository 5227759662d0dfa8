package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run status rules of docs/solutions.md: SUCCESS, PARTIAL, FAILED by a run's counts. */
class RunEndingTest {

    @Test
    void everyRecordWrittenOrSkippedIsSuccess() {
        assertThat(RunEnding.of(null, false, 10, 7, 3, 0, 0).status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void someFailedIsPartialAndNamesTheCount() {
        RunEnding ending = RunEnding.of(null, false, 10, 7, 0, 3, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(ending.reason()).startsWith("3 of 10 records failed");
    }

    @Test
    void everyRecordFailedIsFailed() {
        RunEnding ending = RunEnding.of(null, false, 5, 0, 0, 5, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.FAILED);
        assertThat(ending.reason()).contains("every record failed (5)");
    }

    @Test
    void aDryRunWhoseEveryRecordFailsValidationIsFailed() {
        assertThat(RunEnding.of(null, true, 4, 0, 0, 4, 0).status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aDryRunWithSomeInvalidRecordsIsPartial() {
        assertThat(RunEnding.of(null, true, 4, 0, 0, 1, 0).status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void unconfirmedRecordsMakeARunPartialNotFailed() {
        RunEnding ending = RunEnding.of(null, false, 3, 0, 0, 0, 3);
        assertThat(ending.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(ending.reason()).contains("3 records got no answer", "the next run sends them again");
    }

    @Test
    void aFetchThatStoppedEarlyIsFailedWhateverWasWritten() {
        RunEnding ending = RunEnding.of("fetching page 2 failed", false, 100, 100, 0, 0, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.FAILED);
        assertThat(ending.reason()).isEqualTo("fetching page 2 failed; records staged before it were written");
    }
}
