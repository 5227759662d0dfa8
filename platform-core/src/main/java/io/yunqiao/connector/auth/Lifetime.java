package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * When a token should stop being used: its expiry minus a safety margin ({@code refreshBefore}, but at most a tenth
 * of the lifetime, so a short-lived token is still used).
 *
 * @param fallback      the lifetime when the answer gives none
 * @param refreshBefore how long before its expiry a token is renewed
 */
record Lifetime(Duration fallback, Duration refreshBefore) {

    /**
     * The instant to stop using a token.
     *
     * @param value the answer's lifetime in seconds, or an absolute expiry in epoch seconds or milliseconds (values
     *              that large cannot be lifetimes); missing or unreadable = {@link #fallback()}
     */
    Instant expiresAt(Instant now, JsonNode value) {
        Instant expiry = now.plus(fallback);
        if (value != null && (value.isNumber() || value.isTextual()) && !value.asText().isBlank()) {
            long number;
            try {
                number = Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number > 100_000_000_000L) {
                expiry = Instant.ofEpochMilli(number);
            } else if (number > 1_000_000_000L) {
                expiry = Instant.ofEpochSecond(number);
            } else if (number > 0) {
                expiry = now.plusSeconds(number);
            }
        }
        Duration lifetime = Duration.between(now, expiry);
        if (lifetime.isNegative() || lifetime.isZero()) {
            return now;
        }
        Duration margin = lifetime.dividedBy(10);
        return expiry.minus(margin.compareTo(refreshBefore) > 0 ? refreshBefore : margin);
    }
}
