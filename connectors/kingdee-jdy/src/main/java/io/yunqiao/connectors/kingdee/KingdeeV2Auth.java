package io.yunqiao.connectors.kingdee;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kingdee Xingchen V2 gateway ({@code kingdee-jdy-v2}): obtains an app-token from
 * {@code GET /jdyconnector/app_management/kingdee_auth_token} with the tenant's {@code app_key} and its
 * {@code app_signature}, then signs every request with the {@code X-Api-*} headers ({@link GatewaySigner}) and sends
 * the {@code app-token} header on business calls.
 *
 * <p>Connection fields: {@code clientId} and {@code clientSecret} (the app; they sign requests), {@code appKey} and
 * {@code appSecret} (the tenant's grant). The app-token is cached per connection until shortly before it expires.
 */
public final class KingdeeV2Auth implements AuthScheme {

    /** The id definitions name in {@code auth}. */
    public static final String ID = "kingdee-jdy-v2";

    static final String APP_TOKEN_PATH = "/jdyconnector/app_management/kingdee_auth_token";

    private final SessionCache<AppToken> tokens = new SessionCache<>(AppToken::expiresAt);

    @Override
    public String id() {
        return ID;
    }

    /**
     * The request signature {@code X-Api-Signature}, the {@code app-token} and the token request's
     * {@code app_signature}.
     */
    @Override
    public Set<String> maskedFields() {
        return Set.of("X-Api-Signature", "app-token", "app_signature");
    }

    @Override
    public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
        GatewaySigner signer = new GatewaySigner(connection.require("clientId"), connection.require("clientSecret"));
        AppToken token = tokens.get(connection, context.clock().instant(),
                () -> fetchAppToken(connection, signer, request.baseUrl(), context));
        request.headers().putAll(signer.headers(request.method(), fullPath(request.baseUrl(), request.path()),
                request.query(), nonce(), context.clock().millis()));
        request.headers().put("app-token", token.value());
    }

    @Override
    public boolean invalidate(Connection connection) {
        return tokens.invalidate(connection);
    }

    private static AppToken fetchAppToken(Connection connection, GatewaySigner signer, String baseUrl,
            AuthContext context) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", connection.require("appKey"));
        query.put("app_signature", GatewaySigner.appSignature(connection.require("appKey"),
                connection.require("appSecret")));
        Instant now = context.clock().instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + APP_TOKEN_PATH + "?"
                + ConnectorClient.urlEncoded(query))).GET();
        signer.headers("GET", fullPath(baseUrl, APP_TOKEN_PATH), query, nonce(), context.clock().millis())
                .forEach(request::header);
        String what = "the app-token request (GET " + APP_TOKEN_PATH + ")";
        JsonNode answer = context.sendForJson(connection, what, "check the connection's clientId and clientSecret"
                + " (they sign every request) and appKey and appSecret (the tenant's authorisation of the app)",
                request);
        String appToken = answer.path("data").path("app-token").asText("");
        if (appToken.isEmpty()) {
            throw new ConnectorException(ErrorClass.AUTH, connection, null, what + " answered no data.app-token: "
                    + answer);
        }
        return new AppToken(appToken, TokenLifetime.expiresAt(now, answer.path("data").path("expires")));
    }

    /** The path the request is sent to, which the signature covers, including any path of the base URL. */
    private static String fullPath(String baseUrl, String path) {
        String basePath = URI.create(baseUrl).getPath();
        return (basePath == null ? "" : basePath) + path;
    }

    private static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
    }

    private record AppToken(String value, Instant expiresAt) {
    }
}
