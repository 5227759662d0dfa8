package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JackyunMd5AuthTest {

    /** 2026-11-28 10:00:00 in Shanghai: the vector's timestamp. */
    static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

    final JackyunMd5Auth auth = new JackyunMd5Auth();

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
                "appKey", "100200", "appSecret", JackyunSignatureTest.SECRET));
        values.putAll(overrides);
        return new Connection("c1", "吉客云正式账套", "jackyun", values);
    }

    @Test
    void addsAppkeyTimestampAndTheSignOfTheVector() {
        // given the vector's gateway form, connection and clock
        OutgoingRequest request = vectorRequest();
        // when authenticated
        auth.authenticate(connection(Map.of()), request, new FixedContext(VECTOR_TIME));
        // then the common fields are there and the sign is the vector's
        assertThat(request.form())
                .containsEntry("appkey", "100200")
                .containsEntry("timestamp", "2026-11-28 10:00:00")
                .containsEntry("sign", JackyunSignatureTest.VECTOR_SIGN)
                .doesNotContainKey("token");
    }

    @Test
    void declaresEveryValueItAddsThatProvesOrGrantsAccessAsMasked() {
        // given a request authenticated with a token
        OutgoingRequest request = vectorRequest();
        auth.authenticate(connection(Map.of("token", "isv-token")), request, new FixedContext(VECTOR_TIME));
        // then the sign and the token, and nothing else it added, are masked wherever the request is logged
        assertThat(request.form()).containsKeys("sign", "token");
        assertThat(auth.maskedFields()).containsExactlyInAnyOrder("sign", "token");
    }

    @Test
    void writesTheTimestampInChinaStandardTimeWhateverTheClockZone() {
        // given a clock at 23:30 UTC, which is 07:30 the next day in Shanghai
        Clock lateUtc = Clock.fixed(Instant.parse("2026-11-27T23:30:05Z"), ZoneOffset.UTC);
        OutgoingRequest request = vectorRequest();
        // when authenticated
        auth.authenticate(connection(Map.of()), request, new FixedContext(lateUtc));
        // then the timestamp is Shanghai's wall-clock time
        assertThat(request.form()).containsEntry("timestamp", "2026-11-28 07:30:05");
    }

    @Test
    void sendsTheTokenWithoutSigningIt() {
        // given a connection with a token
        OutgoingRequest request = vectorRequest();
        // when authenticated
        auth.authenticate(connection(Map.of("token", "isv-token-1")), request, new FixedContext(VECTOR_TIME));
        // then the token travels and the sign is still the vector's
        assertThat(request.form()).containsEntry("token", "isv-token-1")
                .containsEntry("sign", JackyunSignatureTest.VECTOR_SIGN);
    }

    @Test
    void refusesAConnectionWithoutAppSecretNamingTheFieldAndTheConnection() {
        // given a connection whose secret is empty
        Connection incomplete = connection(Map.of("appSecret", ""));
        // when authenticated
        // then an AUTH error says which connection lacks which field
        assertThatThrownBy(() -> auth.authenticate(incomplete, vectorRequest(), new FixedContext(VECTOR_TIME)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("吉客云正式账套").hasMessageContaining("appSecret");
    }

    @Test
    void refusesARequestThatIsNotAGatewayForm() {
        // given a JSON request without a gateway method
        OutgoingRequest json = new OutgoingRequest("POST", "http://gateway", "/x", new ObjectMapper()
                .createObjectNode());
        // when authenticated
        // then the definition error is named
        assertThatThrownBy(() -> auth.authenticate(connection(Map.of()), json, new FixedContext(VECTOR_TIME)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION))
                .hasMessageContaining("form-json-field");
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
            throw new AssertionError("jackyun-md5 must not call out, but tried to: " + purpose);
        }
    }
}
