package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The run status rules of docs/solutions.md: SUCCESS, PARTIAL, FAILED by a run's counts, and the reason kept. */
class RunEndingTest {

    @Test
    void everyRecordWrittenOrSkippedIsSuccess() {
        assertThat(RunEnding.of(null, false, 10, 7, 3, 0, 0).status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void someFailedIsPartialAndNamesTheCount() {
        RunEnding ending = RunEnding.of(null, false, 10, 7, 0, 3, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(english(ending.reason())).startsWith("3 of 10 records failed");
        assertThat(chinese(ending.reason())).startsWith("10 条记录中有 3 条失败");
    }

    @Test
    void everyRecordFailedIsFailed() {
        RunEnding ending = RunEnding.of(null, false, 5, 0, 0, 5, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.FAILED);
        assertThat(english(ending.reason())).startsWith("All 5 records failed");
        assertThat(chinese(ending.reason())).startsWith("全部 5 条记录都失败了");
    }

    @Test
    void aDryRunWhoseEveryRecordFailsValidationIsFailed() {
        RunEnding ending = RunEnding.of(null, true, 4, 0, 0, 4, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.FAILED);
        assertThat(english(ending.reason())).startsWith("None of the 4 records passed validation")
                .doesNotContain("re-push");
    }

    @Test
    void aDryRunWithSomeInvalidRecordsIsPartial() {
        assertThat(RunEnding.of(null, true, 4, 0, 0, 1, 0).status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void unconfirmedRecordsMakeARunPartialNotFailed() {
        RunEnding ending = RunEnding.of(null, false, 3, 0, 0, 0, 3);
        assertThat(ending.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(english(ending.reason())).contains("3 records got no answer", "the next run sends them again");
    }

    @Test
    void aFetchThatStoppedEarlyIsFailedWhateverWasWritten() {
        RunEnding ending = RunEnding.of("fetching page 2 failed", false, 100, 100, 0, 0, 0);
        assertThat(ending.status()).isEqualTo(RunStatus.FAILED);
        assertThat(english(ending.reason())).isEqualTo("fetching page 2 failed; records fetched before it were written.");
    }

    @Test
    void failedAndUnconfirmedRecordsAreBothNamedInOneReason() {
        RunEnding ending = RunEnding.of(null, false, 10, 6, 0, 3, 1);
        assertThat(ending.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(english(ending.reason())).startsWith("3 of 10 records failed").contains("1 got no answer");
    }

    private static String english(String stored) {
        return StoredMessage.render(stored, Locale.ENGLISH);
    }

    private static String chinese(String stored) {
        return StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE);
    }
}
