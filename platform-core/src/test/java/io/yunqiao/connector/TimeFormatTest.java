package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    /** 2026-11-28 10:00:00 in Beijing is 02:00 UTC. */
    private static final Instant TEN_AM_BEIJING = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void writesEpochFormatsAsNumbers() {
        assertThat(TimeFormat.EPOCH_SECONDS.format(TEN_AM_BEIJING)).isEqualTo(1_795_831_200L);
        assertThat(TimeFormat.EPOCH_MILLIS.format(TEN_AM_BEIJING)).isEqualTo(1_795_831_200_000L);
    }

    @Test
    void writesCalendarFormatsInChinaStandardTime() {
        assertThat(TimeFormat.DATETIME.format(TEN_AM_BEIJING)).isEqualTo("2026-11-28 10:00:00");
        assertThat(TimeFormat.DATE.format(Instant.parse("2026-11-27T16:30:00Z"))).isEqualTo("2026-11-28");
    }
}
