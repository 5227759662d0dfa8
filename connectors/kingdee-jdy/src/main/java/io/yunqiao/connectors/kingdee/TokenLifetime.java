package io.yunqiao.connectors.kingdee;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** When a token handed out by Kingdee should stop being used: its lifetime minus a safety margin. */
final class TokenLifetime {

    /** Used when an answer says nothing about the lifetime: about an hour was seen in public clients. */
    static final Duration DEFAULT = Duration.ofHours(1);

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private TokenLifetime() {
    }

    /**
     * The instant to stop using a token, from a lifetime or expiry value of the answer.
     *
     * @param value {@code expires_in} / {@code expires}: seconds of lifetime, or an absolute expiry in epoch seconds
     *              or milliseconds (values that large cannot be lifetimes); missing = {@link #DEFAULT}
     */
    static Instant expiresAt(Instant now, JsonNode value) {
        Instant expiry = now.plus(DEFAULT);
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
        return expiry.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }
}
