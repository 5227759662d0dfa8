package io.yunqiao.sandbox;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A per-caller request rate limit, as vendors enforce per app key; 0 requests per second means unlimited. */
final class RateLimits {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private volatile int perSecond;

    RateLimits(int perSecond) {
        this.perSecond = perSecond;
    }

    int perSecond() {
        return perSecond;
    }

    void set(int newPerSecond) {
        if (newPerSecond < 0) {
            throw new IllegalArgumentException("perSecond must be 0 (unlimited) or more");
        }
        perSecond = newPerSecond;
        limiters.clear();
    }

    /** Whether one more call of {@code caller} is within the limit now; never waits. */
    boolean allow(String caller) {
        int limit = perSecond;
        if (limit == 0) {
            return true;
        }
        RateLimiter limiter = limiters.computeIfAbsent(caller == null ? "" : caller, key -> RateLimiter.of(
                "sandbox-" + key, RateLimiterConfig.custom()
                        .limitForPeriod(limit)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ZERO)
                        .build()));
        return limiter.acquirePermission();
    }
}
