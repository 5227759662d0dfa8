package io.yunqiao.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sign-in limits on their own, with a clock the test moves. */
class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock a test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovingClock clock = new MovingClock();

    /** The defaults of application.yml. */
    private LoginThrottle throttle(int maxEntries) {
        return new LoginThrottle(new LoginThrottle.Limits(5, 10, 10, 30, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1), maxEntries), clock);
    }

    /** Tries and fails, as the password check does, until refused; the number of tries admitted. */
    private static int failUntilRefused(LoginThrottle throttle, String user, String address) {
        int admitted = 0;
        while (throttle.admit(user, address).admitted()) {
            admitted++;
        }
        return admitted;
    }

    @Test
    void fiveWrongPasswordsPassAndTheSixthWaitsASecond() {
        LoginThrottle throttle = throttle(100);

        int admitted = failUntilRefused(throttle, "alice", "10.0.0.1");

        assertThat(admitted).isEqualTo(5);
        LoginThrottle.Decision refused = throttle.admit("alice", "10.0.0.1");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds(clock.instant())).isEqualTo(1);
    }

    @Test
    void theWaitDoublesWithEachFurtherFailure() {
        LoginThrottle throttle = throttle(100);
        failUntilRefused(throttle, "alice", "10.0.0.1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.admit("alice", "10.0.0.1").admitted()).isTrue();

        assertThat(throttle.admit("alice", "10.0.0.1").retryAfterSeconds(clock.instant())).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.admit("alice", "10.0.0.1").admitted()).isTrue();
        assertThat(throttle.admit("alice", "10.0.0.1").retryAfterSeconds(clock.instant())).isEqualTo(4);
    }

    @Test
    void aTenthWrongPasswordLocksTheUserForFifteenMinutes() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 10; i++) {
            // a patient attacker waits out every delay
            clock.advance(Duration.ofSeconds(30));
            assertThat(throttle.admit("alice", "10.0.0." + i).admitted()).as("try %d", i + 1).isTrue();
        }

        LoginThrottle.Decision refused = throttle.admit("alice", "10.0.0.99");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds(clock.instant())).isEqualTo(15 * 60);
        assertThat(throttle.waitsUntil("Alice")).contains(clock.instant().plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.admit("alice", "10.0.0.99").admitted()).isTrue();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedAfterThirtyTries() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(throttle.admit("user" + i, "203.0.113.7").admitted()).as("try %d", i + 1).isTrue();
        }

        LoginThrottle.Decision refused = throttle.admit("someone-else", "203.0.113.7");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds(clock.instant())).isEqualTo(15 * 60);
        assertThat(throttle.admit("someone-else", "203.0.113.8").admitted()).isTrue();
    }

    @Test
    void aSuccessClearsTheUsersCountAndGivesTheAddressItsTryBack() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 4; i++) {
            throttle.admit("alice", "10.0.0.1");
        }
        throttle.admit("alice", "10.0.0.1");
        throttle.succeeded("alice", "10.0.0.1");

        // five more free tries for the name; the address has counted only the four failures
        assertThat(failUntilRefused(throttle, "alice", "10.0.0.1")).isEqualTo(5);
    }

    @Test
    void manySuccessfulSignInsFromOneAddressNeverWait() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.admit("script", "10.0.0.5").admitted()).isTrue();
            throttle.succeeded("script", "10.0.0.5");
        }
    }

    @Test
    void countsAreForgottenAfterAnHourWithoutTries() {
        LoginThrottle throttle = throttle(100);
        failUntilRefused(throttle, "alice", "10.0.0.1");

        clock.advance(Duration.ofMinutes(61));

        assertThat(failUntilRefused(throttle, "alice", "10.0.0.1")).isEqualTo(5);
    }

    @Test
    void anAdministratorReleasesALockedUser() {
        LoginThrottle throttle = throttle(100);
        failUntilRefused(throttle, "alice", "10.0.0.1");
        assertThat(throttle.waitsUntil("alice")).isPresent();

        throttle.release("alice");

        assertThat(throttle.waitsUntil("alice")).isEmpty();
        assertThat(throttle.admit("alice", "10.0.0.2").admitted()).isTrue();
    }

    @Test
    void anAttackerCyclingNamesAndAddressesCannotGrowMemoryBeyondTheBound() {
        LoginThrottle throttle = throttle(1000);

        for (int i = 0; i < 50_000; i++) {
            throttle.admit("name-" + i, "198.51." + (i / 256 % 256) + "." + (i % 256));
        }

        assertThat(throttle.size()).isEqualTo(2000);
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(30));
            throttle.admit("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.admit("other", "2001:db8:1:2:ffff::1").admitted()).isFalse();
        assertThat(throttle.admit("other", "2001:db8:1:3::1").admitted()).isTrue();
    }

    @Test
    void userNamesCountWithoutRegardToCase() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 5; i++) {
            throttle.admit(i % 2 == 0 ? "Alice" : "ALICE", "10.0.0." + i);
        }

        assertThat(throttle.admit("alice", "10.0.0.9").admitted()).isFalse();
    }
}
