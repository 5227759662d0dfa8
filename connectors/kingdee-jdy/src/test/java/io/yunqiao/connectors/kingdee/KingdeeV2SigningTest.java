package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OutgoingRequest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V2 gateway signing of the real definition (kingdee-jdy-v2.yaml: session-token + hmac-headers) against the
 * known-answer vectors of docs/connectors/kingdee-jdy.md, with a fixed clock and nonce.
 */
class KingdeeV2SigningTest {

    private static final String APP_SIGNATURE =
            "ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDkxMTkzNjdiOTFjNzUyZQ==";
    private static final String TOKEN_PATH = "/jdyconnector/app_management/kingdee_auth_token";
    /** Over "GET\n%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\napp_key=abc&app_signature=…%253D%253D\n
     * x-api-nonce:12345\nx-api-timestamp:1764324000000\n" with client_secret cs-0001. */
    private static final String SIGNATURE =
            "NmM3NmQzZTdlMjRkY2NiNzdjMWNiYjE4ZjJiYjA0OTgxMDc1MzBhOGQ3ZDBhYTBhYWI0MmM1MTFjNDFkZmIxNg==";
    private static final long TIMESTAMP = 1764324000000L;

    private final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
    private final AuthScheme auth = registry.authSchemeOf(registry.definition("kingdee-jdy-v2"));
    private final Connection connection = new Connection("k2", "金蝶V2", "kingdee-jdy-v2", Map.of(
            "baseUrl", "http://gateway", "clientId", "cid-1", "clientSecret", "cs-0001", "appKey", "abc",
            "appSecret", "abc123"));

    @Test
    void theAppTokenRequestCarriesTheKnownAppSignatureAndIsSignedWithTheKnownSignature() {
        // given the vector's connection, nonce and clock
        Recording context = new Recording();

        // when a business request is authenticated (which first fetches the app-token)
        auth.authenticate(connection, new OutgoingRequest("GET", "http://gateway", "/jdy/v2/scm/pur_inbound", null),
                context);

        // then the app-token request is the vector's, with the vector's app_signature and X-Api-Signature
        HttpRequest login = context.sent.get(0);
        assertThat(login.method()).isEqualTo("GET");
        assertThat(login.uri().getRawPath()).isEqualTo(TOKEN_PATH);
        assertThat(login.uri().getRawQuery()).isEqualTo("app_key=abc&app_signature="
                + URLEncoder.encode(APP_SIGNATURE, StandardCharsets.UTF_8));
        assertThat(login.headers().firstValue("X-Api-Signature")).hasValue(SIGNATURE);
        assertThat(login.headers().firstValue("X-Api-Nonce")).hasValue("12345");
        assertThat(login.headers().firstValue("X-Api-TimeStamp")).hasValue(Long.toString(TIMESTAMP));
    }

    @Test
    void theHmacSchemeSignsTheVectorRequestWithTheVendorsSixHeaders() {
        // given the vector's token request, with its query in another order than it is signed
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_signature", APP_SIGNATURE);
        query.put("app_key", "abc");

        // when the definition's hmac-headers scheme signs it
        Map<String, String> headers = V2Signatures.headers("cid-1", "cs-0001", "GET", TOKEN_PATH, query, "12345",
                TIMESTAMP);

        // then they are the six X-Api headers, in the vendor's order, with the vector's signature
        assertThat(headers).containsExactly(
                Map.entry("X-Api-ClientID", "cid-1"),
                Map.entry("X-Api-Auth-Version", "2.0"),
                Map.entry("X-Api-TimeStamp", "1764324000000"),
                Map.entry("X-Api-Nonce", "12345"),
                Map.entry("X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce"),
                Map.entry("X-Api-Signature", SIGNATURE));
    }

    @Test
    void theAppSignatureOfTheDefinitionIsTheVendorsExample() {
        // given app_key abc and app_secret abc123, then an independent computation gives the vendor's example value
        assertThat(V2Signatures.appSignature("abc", "abc123")).isEqualTo(APP_SIGNATURE);
    }

    @Test
    void businessCallsCarryTheAppTokenAndTheirOwnSignature() {
        // given a fetched app-token
        Recording context = new Recording();
        OutgoingRequest request = new OutgoingRequest("GET", "http://gateway", "/jdy/v2/scm/pur_inbound", null);
        request.query().put("page", "1");

        // when a business request is authenticated
        auth.authenticate(connection, request, context);

        // then it carries the app-token and a signature of its own, not the token request's
        assertThat(request.headers()).containsEntry("app-token", "token-1")
                .containsEntry("X-Api-ClientID", "cid-1")
                .containsKey("X-Api-Signature");
        assertThat(request.headers().get("X-Api-Signature")).isNotEqualTo(SIGNATURE);
    }

    @Test
    void masksTheSignatureTheAppTokenAndTheAppSignature() {
        // given the definition's chain, then what proves or grants access is masked wherever a request is logged
        assertThat(auth.maskedFields()).containsExactlyInAnyOrder("X-Api-Signature", "app-token", "app_signature");
    }

    /** Fixed clock and nonce; answers the app-token request with a token and records what was sent. */
    private static final class Recording implements AuthContext {

        final List<HttpRequest> sent = new ArrayList<>();

        @Override
        public ObjectMapper json() {
            return new ObjectMapper();
        }

        @Override
        public Clock clock() {
            return Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC);
        }

        @Override
        public String nonce() {
            return "12345";
        }

        @Override
        public JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            sent.add(request.build());
            return json().createObjectNode().put("errcode", 0).set("data", json().createObjectNode()
                    .put("app-token", "token-1").put("expires", 7200));
        }
    }
}
