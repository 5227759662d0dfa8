package io.yunqiao.run;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.solution.SolutionSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The rate limiters (one per target connection, shared by every run that writes to it) and the retry policies of
 * the write phase, built with Resilience4j.
 */
@Component
class WriteGuards {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    /**
     * Of the rate a user sets, what the platform sends: a little less, so that requests spaced evenly but arriving
     * with the network's jitter never put R + 1 of them into one of the vendor's one-second windows (which answer the
     * extra call with "too many calls").
     */
    static final double RATE_MARGIN = 0.97;

    /**
     * The limiter of a connection at a rate; permits are spaced evenly (1 per 1/({@value #RATE_MARGIN} × rate)
     * seconds) rather than granted in bursts, so a vendor sees a steady rate just under its limit. {@code null} for
     * no limit.
     */
    RateLimiter limiter(String connectionId, double perSecond) {
        if (perSecond <= 0) {
            return null;
        }
        String key = connectionId + "@" + perSecond;
        return limiters.computeIfAbsent(key, k -> RateLimiter.of("target-" + k, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(spacing(perSecond))
                .timeoutDuration(Duration.ofMinutes(10))
                .build()));
    }

    /** The time between two permits at a rate the user set. */
    static Duration spacing(double perSecond) {
        return Duration.ofNanos(Math.max(1, (long) (1_000_000_000L / (perSecond * RATE_MARGIN))));
    }

    /** Retries retryable results (throttled, 5xx, timeouts) with exponential backoff and jitter. */
    static Retry writeRetry(String name, SolutionSpec.Retry policy) {
        return Retry.of(name, RetryConfig.<ExecuteResult>custom()
                .maxAttempts(Math.max(1, policy.attempts()))
                .intervalFunction(backoff(policy))
                .retryOnResult(ExecuteResult::retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    /** Retries a source page whose query failed with a retryable class, with the same backoff. */
    static Retry fetchRetry(String name, SolutionSpec.Retry policy) {
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, policy.attempts()))
                .intervalFunction(backoff(policy))
                .retryOnException(e -> e instanceof ConnectorException failure && failure.errorClass().retryable())
                .build());
    }

    private static IntervalFunction backoff(SolutionSpec.Retry policy) {
        Duration first = Duration.ofMillis(Math.max(1, policy.backoffMillis()));
        double multiplier = Math.max(1.0, policy.multiplier());
        return policy.jitter() > 0
                ? IntervalFunction.ofExponentialRandomBackoff(first, multiplier, Math.min(0.99, policy.jitter()))
                : IntervalFunction.ofExponentialBackoff(first, multiplier);
    }
}
