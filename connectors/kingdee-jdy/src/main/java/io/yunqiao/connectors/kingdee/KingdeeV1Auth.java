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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kingdee Xingchen V1 ({@code kingdee-jdy-v1}): logs in at {@code /auth/user/access_token} with the app's
 * {@code client_id}/{@code client_secret} and the user's {@code username}/{@code password}, picks an account group
 * (账套) from {@code /jdy/sys/accountGroup}, then sends every business call with {@code access_token} in the query
 * and the {@code groupName} and {@code accountId} headers.
 *
 * <p>Connection fields: {@code clientId}, {@code clientSecret}, {@code username}, {@code password}, and optionally
 * {@code accountName}, the groupName (or accountId) of the account group to use; the first one when empty.
 * The token is requested with a POST form (the vendor also accepts a GET query, which would put the password in
 * URLs and logs) and cached per connection until shortly before it expires.
 */
public final class KingdeeV1Auth implements AuthScheme {

    /** The id definitions name in {@code auth}. */
    public static final String ID = "kingdee-jdy-v1";

    static final String TOKEN_PATH = "/auth/user/access_token";
    static final String ACCOUNT_GROUP_PATH = "/jdy/sys/accountGroup";

    private final SessionCache<Session> sessions = new SessionCache<>(Session::expiresAt);

    @Override
    public String id() {
        return ID;
    }

    /** The login's {@code access_token}, sent in the query of every call. */
    @Override
    public Set<String> maskedFields() {
        return Set.of("access_token");
    }

    @Override
    public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
        Session session = sessions.get(connection, context.clock().instant(),
                () -> login(connection, request.baseUrl(), context));
        request.query().put("access_token", session.accessToken());
        request.headers().put("groupName", headerValue(session.groupName()));
        request.headers().put("accountId", headerValue(session.accountId()));
    }

    @Override
    public boolean invalidate(Connection connection) {
        return sessions.invalidate(connection);
    }

    private static Session login(Connection connection, String baseUrl, AuthContext context) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", connection.require("clientId"));
        form.put("client_secret", connection.require("clientSecret"));
        form.put("username", connection.require("username"));
        form.put("password", connection.require("password"));
        Instant now = context.clock().instant();
        HttpRequest.Builder tokenRequest = HttpRequest.newBuilder(URI.create(baseUrl + TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(ConnectorClient.urlEncoded(form), StandardCharsets.UTF_8));
        String what = "the token request (POST " + TOKEN_PATH + ")";
        JsonNode answer = context.sendForJson(connection, what, "check the connection's clientId and clientSecret"
                + " (the app on the Kingdee open platform) and username and password (the Kingdee Xingchen login)",
                tokenRequest);
        String accessToken = answer.path("data").path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new ConnectorException(ErrorClass.AUTH, connection, null, what + " answered no data.access_token: "
                    + answer);
        }
        AccountGroup group = accountGroup(connection, baseUrl, accessToken, context);
        return new Session(accessToken, group.groupName(), group.accountId(),
                TokenLifetime.expiresAt(now, answer.path("data").path("expires_in")));
    }

    private static AccountGroup accountGroup(Connection connection, String baseUrl, String accessToken,
            AuthContext context) {
        HttpRequest.Builder groupRequest = HttpRequest.newBuilder(URI.create(baseUrl + ACCOUNT_GROUP_PATH
                        + "?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        String what = "the account group request (POST " + ACCOUNT_GROUP_PATH + ")";
        JsonNode answer = context.sendForJson(connection, what, "check that the user may use the app's account"
                + " groups", groupRequest);
        List<AccountGroup> groups = new ArrayList<>();
        for (JsonNode service : answer.path("data")) {
            for (JsonNode group : service.path("accountGroups")) {
                String groupName = group.path("groupName").asText("");
                String accountId = group.path("accountId").asText("");
                if (!groupName.isEmpty() && !accountId.isEmpty()) {
                    groups.add(new AccountGroup(groupName, accountId));
                }
            }
        }
        if (groups.isEmpty()) {
            throw new ConnectorException(ErrorClass.AUTH, connection, null, "the Kingdee user '"
                    + connection.value("username") + "' has no account group (账套): open an account group for the"
                    + " user in Kingdee Xingchen, or use a user who has one");
        }
        String wanted = connection.value("accountName");
        if (wanted == null) {
            return groups.get(0);
        }
        return groups.stream()
                .filter(g -> g.groupName().equals(wanted.trim()) || g.accountId().equals(wanted.trim()))
                .findFirst()
                .orElseThrow(() -> new ConnectorException(ErrorClass.AUTH, connection, null, "the Kingdee user has"
                        + " no account group '" + wanted + "'; its account groups are " + groups.stream()
                                .map(g -> g.groupName() + " (accountId " + g.accountId() + ")").toList()
                        + ": set accountName to one of these groupNames, or leave it empty for the first"));
    }

    /** Header values must be ASCII on the wire; a non-ASCII groupName travels URL-encoded (UTF-8). */
    private static String headerValue(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? value
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record AccountGroup(String groupName, String accountId) {
    }

    private record Session(String accessToken, String groupName, String accountId, Instant expiresAt) {
    }
}
