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
 * no session (signed-params, hmac-headers, api-key, basic, bearer): some gateways sign their token request like
 * every other request.
 */
final class Chain implements AuthScheme {

    private final String id;
    private final List<Part> parts;
    private final List<Set<String>> fields;
    private final Set<String> masked;

    /**
     * @param fields per part, the connection fields its templates read
     */
    Chain(String id, List<Part> parts, List<Set<String>> fields) {
        this.id = id;
        this.parts = List.copyOf(parts);
        this.fields = List.copyOf(fields);
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
        Set<String> laterFields = new LinkedHashSet<>();
        for (int j = index + 1; j < parts.size(); j++) {
            if (!parts.get(j).holdsSession()) {
                laterFields.addAll(fields.get(j));
            }
        }
        return new Part.LoginSigner() {
            @Override
            public void sign(OutgoingRequest login, Scope scope) {
                for (int j = index + 1; j < parts.size(); j++) {
                    Part later = parts.get(j);
                    if (!later.holdsSession()) {
                        later.apply(login, scope, NO_LATER);
                    }
                }
            }

            @Override
            public Set<String> fields() {
                return laterFields;
            }
        };
    }

    private static final Part.LoginSigner NO_LATER = new Part.LoginSigner() {
        @Override
        public void sign(OutgoingRequest login, Scope scope) {
            // a login request of a login request's signer does not exist: signers hold no session
        }

        @Override
        public Set<String> fields() {
            return Set.of();
        }
    };

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
