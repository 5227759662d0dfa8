package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The test connector's token flow: {@code POST /token} with user and secret, then a bearer header. */
public class ShopTokenAuth implements AuthScheme {

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "test-token";
    }

    @Override
    public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
        String token = tokens.computeIfAbsent(connection.cacheKey(), key -> fetch(connection, request, context));
        request.headers().put("Authorization", "Bearer " + token);
        if (!request.form().isEmpty()) {
            // Like gateways that want a credential among the form fields: it must never reach a log.
            request.form().put("credential", connection.require("secret"));
            // and a signature over the form, which would let a reader of the log guess the secret offline
            request.form().put("Signature", Integer.toHexString((request.form() + connection.require("secret"))
                    .hashCode()));
        }
    }

    @Override
    public Set<String> maskedFields() {
        return Set.of("signature");
    }

    private static String fetch(Connection connection, OutgoingRequest request, AuthContext context) {
        String form = ConnectorClient.urlEncoded(Map.of("user", connection.require("user"), "secret",
                connection.require("secret")));
        JsonNode answer = context.sendForJson(connection, "the token request", "check the user and the secret",
                HttpRequest.newBuilder(URI.create(request.baseUrl() + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        return answer.path("token").asText();
    }

    @Override
    public boolean invalidate(Connection connection) {
        return tokens.remove(connection.cacheKey()) != null;
    }
}
