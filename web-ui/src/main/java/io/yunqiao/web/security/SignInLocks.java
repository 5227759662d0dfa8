package io.yunqiao.web.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The sign-in locks of this node (they are kept per node, as the Users screen says), for the REST API: when a name
 * may try again, and releasing it at once ("解锁").
 */
@Component
public class SignInLocks {

    private final LoginThrottle throttle;

    SignInLocks(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Until when {@code username} waits or is locked on this node; empty when it may try now. */
    public Optional<Instant> lockedUntil(String username) {
        return throttle.waitsUntil(username);
    }

    public void release(String username) {
        throttle.release(username);
    }
}
