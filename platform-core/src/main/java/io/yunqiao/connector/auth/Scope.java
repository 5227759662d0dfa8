package io.yunqiao.connector.auth;

import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What templates are rendered with for one request: the connection, the session values obtained so far, one
 * instant and one nonce (so that a timestamp header and the string to sign agree).
 */
final class Scope {

    private final Connection connection;
    private final AuthContext context;
    private final Map<String, String> session;
    private final Instant now;
    private String nonce;

    Scope(Connection connection, AuthContext context) {
        this(connection, context, new HashMap<>());
    }

    private Scope(Connection connection, AuthContext context, Map<String, String> session) {
        this.connection = connection;
        this.context = context;
        this.session = session;
        this.now = context.clock().instant();
    }

    /** A scope for another request (a login call): its own instant and nonce, these session values. */
    Scope forAnotherRequest(Map<String, String> sessionValues) {
        return new Scope(connection, context, new HashMap<>(sessionValues));
    }

    Connection connection() {
        return connection;
    }

    AuthContext context() {
        return context;
    }

    Instant now() {
        return now;
    }

    String nonce() {
        if (nonce == null) {
            nonce = context.nonce();
        }
        return nonce;
    }

    String session(String name) {
        return session.getOrDefault(name, "");
    }

    void putSession(Map<String, String> values) {
        session.putAll(values);
    }
}
