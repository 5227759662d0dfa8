package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vendor failures are classified as the connector definition says. */
class KingdeeFaultsIT extends KingdeeSandboxSupport {

    private static final String LIST_PATH = "/jdy/pur/pur_inbound_list";

    private ConnectorDefinition definition() {
        return registry.definition("kingdee-jdy");
    }

    /** A connection that already holds its token, so faults hit the business call only. */
    private Connection loggedIn() {
        Connection connection = v1Connection();
        client.query(connection, LIST, Map.of(), PageRequest.first(1));
        return connection;
    }

    private ConnectorException failureOf(Connection connection) {
        try {
            client.query(connection, LIST, Map.of(), PageRequest.first(10));
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("the query was expected to fail");
    }

    @Test
    void theVendorsThrottleAnswerIsThrottled() {
        // given the vendor throttles the next call
        Connection connection = loggedIn();
        installFault("THROTTLE", 1, LIST_PATH);

        // when queried, then the answer is classified by its throttle code
        ConnectorException e = failureOf(connection);
        assertThat(e.errorClass()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(definition().errors().classes().get(ErrorClass.THROTTLED)).contains(e.vendorCode());
        assertThat(e).hasMessageContaining("请求过于频繁");
        // and the next call goes through
        assertThat(client.query(connection, LIST, Map.of(), PageRequest.first(10)).records()).hasSize(10);
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
    void anHttp500IsRetryable() {
        Connection connection = loggedIn();
        installFault("HTTP_500", 1, LIST_PATH);

        ConnectorException e = failureOf(connection);
        assertThat(e.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.connectionName()).isEqualTo(connection.name());
    }

    @Test
    void aMalformedBodyIsClassifiedAsTheDefinitionSays() {
        Connection connection = loggedIn();
        installFault("MALFORMED", 1, LIST_PATH);

        ConnectorException e = failureOf(connection);
        assertThat(e.errorClass()).isEqualTo(definition().errors().malformed()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(e).hasMessageContaining("not a JSON object");
    }

    @Test
    void aDroppedConnectionIsClassifiedAsTheDefinitionSays() {
        Connection connection = loggedIn();
        installFault("DROP", 1, LIST_PATH);

        ConnectorException e = failureOf(connection);
        assertThat(e.errorClass()).isEqualTo(definition().errors().transport()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(e.httpStatus()).isZero();
        assertThat(e).hasMessageContaining("no answer");
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
