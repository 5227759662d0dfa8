package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kingdee's own refusals (rate limit, a throttled login, a parameter error), classified as the definition says.
 * Throttle, HTTP 500, malformed and dropped answers are checked for every connector by the conformance suite
 * ({@link KingdeeV1ConformanceIT}, {@link KingdeeV2ConformanceIT}).
 */
class KingdeeFaultsIT extends KingdeeSandboxSupport {

    private static final String LIST_PATH = "/jdy/pur/pur_inbound_list";

    /** A connection that already holds its token, so faults hit the business call only. */
    private Connection loggedIn() {
        Connection connection = v1Connection();
        client.query(connection, LIST, Map.of(), PageRequest.first(1));
        return connection;
    }

    @Test
    void callsBeyondTheRateLimitAreThrottled() {
        // given a limit of 1 business call per second per client_id
        Connection connection = loggedIn();
        admin("POST", "/_admin/rate-limit", "{\"perSecond\":1}");

        // when 6 calls are made at once
        List<ErrorClass> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try {
                client.query(connection, LIST, Map.of(), PageRequest.first(1));
                outcomes.add(null);
            } catch (ConnectorException e) {
                outcomes.add(e.errorClass());
            }
        }

        // then some were throttled, and nothing failed otherwise
        assertThat(outcomes).contains(ErrorClass.THROTTLED).containsOnly(null, ErrorClass.THROTTLED);
        assertThat(callsTo(LIST_PATH)).extracting(c -> c.path("caller").asText()).containsOnly("yunqiao-demo");
    }

    @Test
    void aThrottledTokenRequestIsThrottledNotAnAuthError() {
        // given the vendor throttles the token request of a connection that has not logged in
        installFault("THROTTLE", 1, "/auth/");

        // when it queries, then it is told to come back later rather than to fix its credentials
        assertThatThrownBy(() -> client.query(v1Connection(), LIST, Map.of(), PageRequest.first(1)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.THROTTLED))
                .hasMessageContaining("retry later");
    }

    @Test
    void aVendorParameterErrorIsAValidationError() {
        // given a date the vendor cannot read, when queried, then the vendor's refusal is VALIDATION
        Connection connection = loggedIn();
        assertThatThrownBy(() -> client.query(connection, LIST, Map.of("startdate", "2026/11/01"),
                PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION);
                    assertThat(e.vendorCode()).isEqualTo("10001");
                })
                .hasMessageContaining("startdate");
    }
}
