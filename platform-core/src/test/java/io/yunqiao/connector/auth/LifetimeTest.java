package io.yunqiao.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a token stops being used: its lifetime minus a margin of a tenth, at most refreshBefore. */
class LifetimeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Kingdee's: an hour when the answer says nothing, renewed five minutes early. */
    private static final Lifetime LIFETIME = new Lifetime(Duration.ofHours(1), Duration.ofMinutes(5));

    @Test
    void aLifetimeInSecondsEndsFiveMinutesEarly() {
        assertThat(LIFETIME.expiresAt(NOW, NODES.numberNode(7200))).isEqualTo(NOW.plusSeconds(7200 - 300));
    }

    @Test
    void aShortLifetimeLosesATenth() {
        assertThat(LIFETIME.expiresAt(NOW, NODES.textNode("600"))).isEqualTo(NOW.plusSeconds(540));
    }

    @Test
    void anAbsoluteExpiryInMillisecondsIsRead() {
        Instant expiry = NOW.plusSeconds(3600);
        assertThat(LIFETIME.expiresAt(NOW, NODES.numberNode(expiry.toEpochMilli())))
                .isEqualTo(expiry.minusSeconds(300));
    }

    @Test
    void anAbsoluteExpiryInSecondsIsRead() {
        Instant expiry = NOW.plusSeconds(3600);
        assertThat(LIFETIME.expiresAt(NOW, NODES.numberNode(expiry.getEpochSecond())))
                .isEqualTo(expiry.minusSeconds(300));
    }

    @Test
    void noLifetimeMeansAboutAnHour() {
        assertThat(LIFETIME.expiresAt(NOW, MissingNode.getInstance())).isEqualTo(NOW.plusSeconds(3300));
    }
}
