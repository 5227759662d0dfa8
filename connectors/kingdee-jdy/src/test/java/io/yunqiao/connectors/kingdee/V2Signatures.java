package io.yunqiao.connectors.kingdee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthSpec;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OutgoingRequest;
import io.yunqiao.connector.auth.DeclarativeAuth;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-Api-* headers exactly as the real kingdee-jdy-v2.yaml's hmac-headers scheme makes them, with a chosen nonce
 * and timestamp: for known-answer tests and for raw calls to the sandbox.
 */
final class V2Signatures {

    static final ConnectorDefinition V2 = ConnectorRegistry.discover(V2Signatures.class.getClassLoader())
            .definition("kingdee-jdy-v2");

    private V2Signatures() {
    }

    /** The headers of one request, signed by the definition's hmac-headers scheme alone. */
    static Map<String, String> headers(String clientId, String clientSecret, String method, String path,
            Map<String, String> query, String nonce, long millis) {
        ConnectorDefinition signingOnly = new ConnectorDefinition(V2.id(), V2.name(), V2.vendor(), V2.version(),
                V2.description(), new AuthSpec(null, List.of(V2.auth().chain().get(1))), V2.connection(),
                V2.success(), V2.errors(), V2.operations(), V2.check(), V2.source(), null);
        OutgoingRequest request = new OutgoingRequest(method, "http://gateway", path, null);
        request.query().putAll(query);
        Connection connection = new Connection("k2", "金蝶V2", V2.id(), Map.of("baseUrl", "http://gateway",
                "clientId", clientId, "clientSecret", clientSecret, "appKey", "k", "appSecret", "s"));
        DeclarativeAuth.scheme(signingOnly).authenticate(connection, request, new Fixed(nonce, millis));
        return request.headers();
    }

    /** {@code Base64(hex(HMAC-SHA256(key = appSecret, message = appKey)))}, computed here independently. */
    static String appSignature(String appKey, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(appKey.getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixed nonce and clock; signing alone never calls out. */
    record Fixed(String nonce, long millis) implements AuthContext {

        @Override
        public ObjectMapper json() {
            return new ObjectMapper();
        }

        @Override
        public Clock clock() {
            return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }

        @Override
        public JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            throw new AssertionError("signing must not call out, but tried to: " + purpose);
        }
    }
}
