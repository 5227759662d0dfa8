package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.problem.Problem;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A solution's own retention: absent for older specs, its place in the JSON, and days out of range. */
class SolutionRetentionTest {

    @Test
    void aSpecWithoutRetentionFollowsThePlatformAndWritesAsBefore() {
        // given an export made before retention existed
        SolutionSpec spec = Solutions.read("{ \"name\": \"旧方案\" }");

        // then it has none of its own, and writing it adds none
        assertThat(spec.retention()).isNull();
        assertThat(Solutions.write(spec)).doesNotContain("retention");
    }

    @Test
    void aRetentionThatSaysNothingIsLeftOut() {
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\", \"retention\": {} }");

        assertThat(spec.retention()).isNull();
        assertThat(Solutions.write(spec)).doesNotContain("retention");
    }

    @Test
    void ownDaysAreWrittenLastWithWhatIsGivenOnlyAndReadBackTheSame() {
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\", \"filter\": \"a = 1\" }")
                .withRetention(new SolutionSpec.Retention(90, null));

        String json = Solutions.write(spec);

        assertThat(json.replaceAll("\\s", "")).contains("\"retention\":{\"recordLogDays\":90}}");
        assertThat(json.indexOf("\"retention\"")).isGreaterThan(json.indexOf("\"filter\""));
        assertThat(Solutions.read(json)).isEqualTo(spec);
    }

    @Test
    void everyChangeOfAnotherPartKeepsTheRetention() {
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\", \"source\": { \"operation\": \"q\" },"
                + " \"target\": { \"operation\": \"w\" }, \"retention\": { \"contentDays\": 7 } }");

        assertThat(spec.withName("m").withSchedule(new SolutionSpec.Schedule(null, false))
                .withAlerts(SolutionSpec.Alerts.OFF).withConnections(1L, 2L).withTarget(spec.target())
                .withFilter("x").withLogLevel(LogLevel.SUMMARY).withExisting(SolutionSpec.Existing.FAIL)
                .retention()).isEqualTo(new SolutionSpec.Retention(null, 7));
    }

    @Test
    void daysWithinOneToTenYearsPass() {
        assertThatCode(() -> SolutionValidator.checkRetention(new SolutionSpec.Retention(1, 3650)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SolutionValidator.checkRetention(null)).doesNotThrowAnyException();
    }

    @Test
    void logDaysOutOfRangeAreRefusedOnTheirFieldWithTheAllowedRange() {
        Problem refusal = catchThrowableOfType(Problem.class,
                () -> SolutionValidator.checkRetention(new SolutionSpec.Retention(0, null)));

        assertThat(refusal.field()).isEqualTo("retention.recordLogDays");
        assertThat(refusal.code()).isEqualTo("problem.solution.retentionLogDays");
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("数据日志", "1 到 3650");
        assertThat(refusal.message(Locale.ENGLISH)).contains("record logs", "from 1 to 3650");
    }

    @Test
    void contentDaysOutOfRangeAreRefusedOnTheirFieldWithTheAllowedRange() {
        Problem refusal = catchThrowableOfType(Problem.class,
                () -> SolutionValidator.checkRetention(new SolutionSpec.Retention(null, 3651)));

        assertThat(refusal.field()).isEqualTo("retention.contentDays");
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("3651", "1 到 3650");
        assertThat(refusal.message(Locale.ENGLISH)).contains("3651", "from 1 to 3650");
    }
}
