package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a token stops being used: its lifetime minus a margin of a tenth, at most five minutes. */
class TokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aLifetimeInSecondsEndsFiveMinutesEarly() {
        assertThat(TokenLifetime.expiresAt(NOW, NODES.numberNode(7200))).isEqualTo(NOW.plusSeconds(7200 - 300));
    }

    @Test
    void aShortLifetimeLosesATenth() {
        assertThat(TokenLifetime.expiresAt(NOW, NODES.textNode("600"))).isEqualTo(NOW.plusSeconds(540));
    }

    @Test
    void anAbsoluteExpiryInMillisecondsIsRead() {
        Instant expiry = NOW.plusSeconds(3600);
        assertThat(TokenLifetime.expiresAt(NOW, NODES.numberNode(expiry.toEpochMilli())))
                .isEqualTo(expiry.minusSeconds(300));
    }

    @Test
    void anAbsoluteExpiryInSecondsIsRead() {
        Instant expiry = NOW.plusSeconds(3600);
        assertThat(TokenLifetime.expiresAt(NOW, NODES.numberNode(expiry.getEpochSecond())))
                .isEqualTo(expiry.minusSeconds(300));
    }

    @Test
    void noLifetimeMeansAboutAnHour() {
        assertThat(TokenLifetime.expiresAt(NOW, MissingNode.getInstance())).isEqualTo(NOW.plusSeconds(3300));
    }
}
