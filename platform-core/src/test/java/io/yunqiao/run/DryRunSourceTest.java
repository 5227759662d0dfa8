package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.problem.Problem;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a dry run may be asked to try, and the coded refusals of what it may not. */
class DryRunSourceTest {

    private static void refused(Runnable choice, Problem.Kind kind, String code) {
        assertThatThrownBy(choice::run).isInstanceOfSatisfying(Problem.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aRunRequestWithoutADryRunIsARealRun() {
        assertThat(DryRunSource.of(false, null, null)).isNull();
    }

    @Test
    void aDryRunWithoutAChoiceReadsTheWindow() {
        assertThat(DryRunSource.of(true, null, null)).isEqualTo(DryRunSource.WINDOW);
    }

    @Test
    void theLastNStagedRecordsAreFromOneToAHundred() {
        assertThat(DryRunSource.of(true, 100, null).last()).isEqualTo(100);
        assertThat(DryRunSource.lastStaged(1).kind()).isEqualTo(DryRunSource.Kind.LAST_STAGED);
        refused(() -> DryRunSource.lastStaged(0), Problem.Kind.INVALID, "problem.dryrun.lastOutOfRange");
        refused(() -> DryRunSource.lastStaged(101), Problem.Kind.INVALID, "problem.dryrun.lastOutOfRange");
    }

    @Test
    void aPastedObjectIsOneRecordAndAnArrayIsSeveral() {
        assertThat(DryRunSource.sample("{\"id\": 1}").records()).hasSize(1);
        assertThat(DryRunSource.sample("[{\"id\": 1}, {\"id\": 2}]").records()).hasSize(2);
    }

    @Test
    void pastedTextThatIsNotJsonIsRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> DryRunSource.sample("{\n  \"id\": 1\n  \"name\": \"x\"\n}"))
                .isInstanceOfSatisfying(Problem.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.dryrun.sampleBadJson");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("第 3 行");
                });
    }

    @Test
    void pastedValuesThatAreNotRecordsAreRefusedNamingTheFirst() {
        refused(() -> DryRunSource.sample("[{\"id\": 1}, 2]"), Problem.Kind.INVALID,
                "problem.dryrun.sampleNotRecords");
        refused(() -> DryRunSource.sample("\"text\""), Problem.Kind.INVALID, "problem.dryrun.sampleNotRecords");
        refused(() -> DryRunSource.sample("[]"), Problem.Kind.INVALID, "problem.dryrun.sampleNotRecords");
        refused(() -> DryRunSource.sample("  "), Problem.Kind.INVALID, "problem.dryrun.sampleEmpty");
    }

    @Test
    void aSampleTooLargeOrWithTooManyRecordsIsRefused() {
        refused(() -> DryRunSource.sample("{\"a\": \"" + "x".repeat(DryRunSource.MAX_SAMPLE_BYTES) + "\"}"),
                Problem.Kind.TOO_LARGE, "problem.dryrun.sampleTooLarge");
        refused(() -> DryRunSource.sample("[" + "{},".repeat(DryRunSource.MAX_LAST) + "{}]"),
                Problem.Kind.TOO_LARGE, "problem.dryrun.sampleTooMany");
    }

    @Test
    void lastAndSampleTogetherOrWithoutADryRunAreRefused() {
        refused(() -> DryRunSource.of(true, 5, "{}"), Problem.Kind.INVALID, "problem.dryrun.oneSource");
        refused(() -> DryRunSource.of(false, 5, null), Problem.Kind.INVALID, "problem.dryrun.notDry");
        refused(() -> DryRunSource.of(false, null, "{}"), Problem.Kind.INVALID, "problem.dryrun.notDry");
    }
}
