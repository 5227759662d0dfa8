package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.problem.Problem;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minimum schedule interval: a cron whose fire times come closer than it is refused at save and import. */
class ScheduleIntervalTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Problem refusal(String cron, Duration minimum) {
        return catchThrowableOfType(Problem.class,
                () -> SolutionValidator.checkCron(new SolutionSpec.Schedule(cron, true), minimum));
    }

    @Test
    void aCronFiringEverySecondIsRefusedNamingTheMinimumAndTheKey() {
        Problem refusal = refusal("* * * * * ?", MINUTE);

        assertThat(refusal.code()).isEqualTo("problem.limit.scheduleTooFrequent");
        assertThat(refusal.field()).isEqualTo("schedule.cron");
        assertThat(refusal.message(Locale.ENGLISH)).contains("only 1 s apart").contains("60 s")
                .contains("yunqiao.limits.min-schedule-interval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/10 * * * * ?", "0,30 * * * * ?", "*/59 * * * * ?", "0 0 9,10 * * ? *"})
    void aCronWhoseFireTimesComeCloserThanTheMinimumIsRefused(String cron) {
        Duration minimum = cron.startsWith("0 0 9,10") ? Duration.ofHours(2) : MINUTE;

        assertThat(refusal(cron, minimum).code()).isEqualTo("problem.limit.scheduleTooFrequent");
    }

    @Test
    void twoFireTimesCloseTogetherOnceAnHourAreRefusedThoughTheCronIsMostlyHourly() {
        assertThat(refusal("0,30 0 * * * ?", MINUTE).code()).isEqualTo("problem.limit.scheduleTooFrequent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 * * * * ?", "0 */5 * * * ?", "0 0 2 * * ?", "0 0 9 ? * MON-FRI", "0 30 8 1 * ?"})
    void everyPresetOfTheScreenIsAccepted(String cron) {
        assertThatCode(() -> SolutionValidator.checkCron(new SolutionSpec.Schedule(cron, true), MINUTE))
                .doesNotThrowAnyException();
    }

    @Test
    void aLowerMinimumLetsAFasterCronThrough() {
        assertThatCode(() -> SolutionValidator.checkCron(new SolutionSpec.Schedule("*/10 * * * * ?", true),
                Duration.ofSeconds(1))).doesNotThrowAnyException();
    }

    @Test
    void theShortestIntervalIsFoundAmongTheNextFireTimes() {
        assertThat(SolutionValidator.shortestInterval("0 0/15 * * * ?")).contains(Duration.ofMinutes(15));
        assertThat(SolutionValidator.shortestInterval("5,10 0 0 * * ?")).contains(Duration.ofSeconds(5));
    }

    @Test
    void aCronThatFiresOnceOrNeverHasNoIntervalToRefuse() {
        assertThat(SolutionValidator.shortestInterval("0 0 0 1 1 ? 2020")).isEmpty();
        assertThatCode(() -> SolutionValidator.checkCron(new SolutionSpec.Schedule("0 0 0 1 1 ? 2020", true),
                MINUTE)).doesNotThrowAnyException();
    }
}
