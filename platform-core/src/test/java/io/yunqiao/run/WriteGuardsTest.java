package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A target's rate limit: R requests per second set, evenly spaced and a little under R sent. */
class WriteGuardsTest {

    @Test
    void permitsAreSpacedSoThatNoSecondHoldsMoreThanTheLimitYetAtLeastNinetyFivePercentOfIt() {
        // given a limit of 50 requests per second
        Duration spacing = WriteGuards.spacing(50);

        // then a second holds fewer than 50 evenly spaced requests, with room for a request's jitter, and not fewer
        // than 95% of the limit
        double perSecond = 1e9 / spacing.toNanos();
        assertThat(perSecond).isLessThan(49.0).isGreaterThanOrEqualTo(0.95 * 50);
    }

    @Test
    void noLimitMeansNoLimiter() {
        assertThat(new WriteGuards().limiter("jackyun", 0)).isNull();
    }

    @Test
    void oneLimiterServesEverySolutionWritingToTheSameConnectionAtTheSameRate() {
        WriteGuards guards = new WriteGuards();

        assertThat(guards.limiter("jackyun", 20)).isSameAs(guards.limiter("jackyun", 20))
                .isNotSameAs(guards.limiter("other", 20));
    }
}
