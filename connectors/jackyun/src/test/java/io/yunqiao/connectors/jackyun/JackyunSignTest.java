package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway sign of the real definition (jackyun.yaml, a declarative signed-params scheme) against the known-answer
 * vector of docs/connectors/jackyun.md, with a fixed clock.
 */
class JackyunSignTest {

    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String VECTOR_SIGN = "5ff86033368b8044c7f01bc04ad89b3f";
    /** 2026-11-28 10:00:00 in Shanghai: the vector's timestamp. */
    static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

    final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
    final AuthScheme auth = registry.authSchemeOf(registry.definition(JackyunConnector.ID));

    static OutgoingRequest vectorRequest() {
        OutgoingRequest request = new OutgoingRequest("POST", "http://gateway/open/openapi/do", "", null);
        request.form().put("method", "crm.customer.add");
        request.form().put("version", "v1.0");
        request.form().put("contenttype", "json");
        request.form().put("bizcontent", "{\"customerCode\":\"C2026112800001\",\"nickname\":\"杭州测试供应商\"}");
        return request;
    }

    static Connection connection(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", "http://gateway/open/openapi/do",
                "appKey", "100200", "appSecret", SECRET));
        values.putAll(overrides);
        return new Connection("c1", "吉客云正式账套", "jackyun", values);
    }

    private OutgoingRequest signed(OutgoingRequest request, Map<String, String> connection, Clock clock) {
        auth.authenticate(connection(connection), request, new FixedContext(clock));
        return request;
    }

    @Test
    void addsAppkeyTimestampAndTheSignOfTheKnownAnswerVector() {
        // given the vector's gateway form, connection and clock, when authenticated by the YAML's scheme
        OutgoingRequest request = signed(vectorRequest(), Map.of(), VECTOR_TIME);

        // then the common fields are there and the sign is the vector's
        assertThat(request.form())
                .containsEntry("appkey", "100200")
                .containsEntry("timestamp", "2026-11-28 10:00:00")
                .containsEntry("sign", VECTOR_SIGN)
                .doesNotContainKey("token");
    }

    @Test
    void sendsTheTokenWithoutSigningIt() {
        // given a connection with an ISV token, when authenticated
        OutgoingRequest request = signed(vectorRequest(), Map.of("token", "isv-token-1"), VECTOR_TIME);

        // then the token travels and the sign is still the vector's
        assertThat(request.form()).containsEntry("token", "isv-token-1").containsEntry("sign", VECTOR_SIGN);
    }

    @Test
    void leavesContextidAndAnEarlierSignOutOfTheSign() {
        // given the vector's form that also carries a context id and some old sign
        OutgoingRequest request = vectorRequest();
        request.form().put("contextid", "ctx-42");
        request.form().put("sign", "0123456789abcdef0123456789abcdef");

        // when authenticated, then they change nothing
        assertThat(signed(request, Map.of(), VECTOR_TIME).form()).containsEntry("sign", VECTOR_SIGN);
    }

    @Test
    void signsTheBusinessContent() {
        // given the vector with another customer code in bizcontent
        OutgoingRequest request = vectorRequest();
        request.form().put("bizcontent", "{\"customerCode\":\"C2026112800002\",\"nickname\":\"杭州测试供应商\"}");

        // when authenticated, then the sign differs
        assertThat(signed(request, Map.of(), VECTOR_TIME).form().get("sign")).isNotEqualTo(VECTOR_SIGN).hasSize(32);
    }

    @Test
    void signsWithTheSecret() {
        // given another secret, when authenticated, then the sign differs
        assertThat(signed(vectorRequest(), Map.of("appSecret", "ffffffffffffffffffffffffffffffff"), VECTOR_TIME)
                .form().get("sign")).isNotEqualTo(VECTOR_SIGN);
    }

    @Test
    void writesTheTimestampInChinaStandardTimeWhateverTheClockZone() {
        // given a clock at 23:30 UTC, which is 07:30 the next day in Shanghai
        Clock lateUtc = Clock.fixed(Instant.parse("2026-11-27T23:30:05Z"), ZoneOffset.UTC);

        // when authenticated, then the timestamp is Shanghai's wall-clock time
        assertThat(signed(vectorRequest(), Map.of(), lateUtc).form())
                .containsEntry("timestamp", "2026-11-28 07:30:05");
    }

    @Test
    void masksTheSignAndTheTokenAndNothingElseItAdds() {
        // given the definition's scheme, then the sign and the token are masked wherever a request is logged
        assertThat(auth.maskedFields()).containsExactlyInAnyOrder("sign", "token");
    }

    @Test
    void refusesAConnectionWithoutAppSecretNamingTheFieldAndTheConnection() {
        // given a connection whose secret is empty, when authenticated
        // then an AUTH error says which connection lacks which field
        assertThatThrownBy(() -> signed(vectorRequest(), Map.of("appSecret", ""), VECTOR_TIME))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("吉客云正式账套").hasMessageContaining("appSecret");
    }

    /** The runtime's services with a fixed clock; this scheme never calls the vendor itself. */
    private record FixedContext(Clock clock) implements AuthContext {

        @Override
        public ObjectMapper json() {
            return new ObjectMapper();
        }

        @Override
        public JsonNode sendForJson(Connection connection, String purpose, String fix,
                HttpRequest.Builder request) {
            throw new AssertionError("signed-params must not call out, but tried to: " + purpose);
        }
    }
}
