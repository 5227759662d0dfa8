package io.yunqiao.connector.auth;

import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.OutgoingRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The declarative schemes of one definition, applied in order to every request. A scheme that logs in itself
 * (session-token, oauth2-client-credentials) has its login requests passed through the schemes after it that hold
 * no session (signed-params, hmac-headers, api-key, basic, bearer): Kingdee V2 signs its app-token request like
 * every other request.
 */
final class Chain implements AuthScheme {

    private final String id;
    private final List<Part> parts;
    private final Set<String> masked;

    Chain(String id, List<Part> parts) {
        this.id = id;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        parts.forEach(part -> names.addAll(part.masked()));
        this.masked = Set.copyOf(names);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
        Scope scope = new Scope(connection, context);
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).apply(request, scope, signerAfter(i));
        }
    }

    private Part.LoginSigner signerAfter(int index) {
        return (login, scope) -> {
            for (int j = index + 1; j < parts.size(); j++) {
                Part later = parts.get(j);
                if (!later.holdsSession()) {
                    later.apply(login, scope, (nested, nestedScope) -> { });
                }
            }
        };
    }

    @Override
    public boolean invalidate(Connection connection) {
        boolean any = false;
        for (Part part : parts) {
            any |= part.invalidate(connection);
        }
        return any;
    }

    @Override
    public Set<String> maskedFields() {
        return masked;
    }

    @Override
    public String toString() {
        return "DeclarativeAuth[" + id + "]";
    }
}
