package io.yunqiao.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.solution.SolutionSpec;
import org.junit.jupiter.api.Test;

/** The platform's retention settings {@code yunqiao.retention.*}, checked at start. */
class RetentionSettingsTest {

    private static RetentionSettings settings(String logDays, String contentDays, String emptyDays, String cron,
            String batch, String refresh) {
        return new RetentionSettings(logDays, contentDays, emptyDays, cron, batch, refresh);
    }

    @Test
    void theShippedDefaultsKeepLogsAndContentThirtyDaysAndCleanUpAtHalfPastThree() {
        RetentionSettings defaults = settings("30", "30", "1", "0 30 3 * * ?", "500", "15");

        assertThat(defaults.recordLogDays()).isEqualTo(30);
        assertThat(defaults.contentDays()).isEqualTo(30);
        assertThat(defaults.emptyRunsDays()).isEqualTo(1);
        assertThat(defaults.cron()).isEqualTo("0 30 3 * * ?");
        assertThat(defaults.batchSize()).isEqualTo(500);
        assertThat(defaults.usageRefreshMinutes()).isEqualTo(15);
    }

    @Test
    void aSolutionsOwnDaysWinAndWhatItLeavesOutFollowsThePlatform() {
        RetentionSettings platform = settings("30", "30", "1", "0 30 3 * * ?", "500", "15");

        assertThat(platform.recordLogDays(new SolutionSpec.Retention(90, null))).isEqualTo(90);
        assertThat(platform.contentDays(new SolutionSpec.Retention(90, null))).isEqualTo(30);
        assertThat(platform.contentDays(new SolutionSpec.Retention(null, 7))).isEqualTo(7);
        assertThat(platform.recordLogDays(null)).isEqualTo(30);
    }

    @Test
    void aBlankCronOrADashMeansOnlyOnDemand() {
        assertThat(settings("30", "30", "1", "", "500", "15").cron()).isNull();
        assertThat(settings("30", "30", "1", " - ", "500", "15").cron()).isNull();
    }

    @Test
    void daysOutOfRangeAreRefusedNamingTheSettingAndTheRange() {
        for (String wrong : new String[] {"0", "-1", "3651", "many", "", "1.5"}) {
            assertThatThrownBy(() -> settings(wrong, "30", "1", "0 30 3 * * ?", "500", "15"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("yunqiao.retention.record-log-days").hasMessageContaining("from 1 to 3650")
                    .hasMessageContaining("'" + wrong + "'");
            assertThatThrownBy(() -> settings("30", wrong, "1", "0 30 3 * * ?", "500", "15"))
                    .hasMessageContaining("yunqiao.retention.content-days").hasMessageContaining("from 1 to 3650");
            assertThatThrownBy(() -> settings("30", "30", wrong, "0 30 3 * * ?", "500", "15"))
                    .hasMessageContaining("yunqiao.retention.empty-runs-days").hasMessageContaining("from 1 to 3650");
        }
    }

    @Test
    void aBatchSizeOrRefreshOutOfRangeIsRefusedWithItsRange() {
        assertThatThrownBy(() -> settings("30", "30", "1", "0 30 3 * * ?", "9", "15"))
                .hasMessageContaining("yunqiao.retention.batch-size").hasMessageContaining("from 10 to 10000");
        assertThatThrownBy(() -> settings("30", "30", "1", "0 30 3 * * ?", "500", "0"))
                .hasMessageContaining("yunqiao.retention.disk-usage-refresh-minutes")
                .hasMessageContaining("from 1 to 1440");
    }

    @Test
    void aCronQuartzRefusesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> settings("30", "30", "1", "every night", "500", "15"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yunqiao.retention.cron")
                .hasMessageContaining("'every night'");
    }
}
