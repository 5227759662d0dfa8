package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.DefinitionException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link AuthScheme} of a definition whose {@code auth} is declarative (one scheme object or a chain of
 * them), and checks such a definition when it is read. The parameter shapes are the JSON schema's; this checks what
 * it cannot (template names, time formats and zones, combinations of parameters).
 */
public final class DeclarativeAuth {

    private DeclarativeAuth() {
    }

    /**
     * Refuses a definition whose declarative auth cannot work; does nothing for an SPI scheme id.
     *
     * @throws DefinitionException naming the definition, the JSON path ({@code $.auth[1].signature.key}) and the fix
     */
    public static void check(ConnectorDefinition definition) {
        if (definition.auth() != null && definition.auth().declarative()) {
            scheme(definition);
        }
    }

    /**
     * A new scheme for the definition's declarative auth: it caches tokens per connection, so the registry keeps
     * one per definition.
     *
     * @throws IllegalArgumentException when the definition names an SPI scheme instead
     */
    public static AuthScheme scheme(ConnectorDefinition definition) {
        if (!definition.auth().declarative()) {
            throw new IllegalArgumentException("auth of " + definition.id() + " names the SPI scheme "
                    + definition.auth().schemeId());
        }
        List<ObjectNode> chain = definition.auth().chain();
        List<Part> parts = new ArrayList<>();
        List<Set<String>> fields = new ArrayList<>();
        Set<String> sessionValues = new LinkedHashSet<>();
        for (int i = 0; i < chain.size(); i++) {
            String path = chain.size() == 1 ? "$.auth" : "$.auth[" + i + "]";
            Spec spec = Spec.scheme(definition, chain.get(i), path, Set.copyOf(sessionValues));
            Part part = part(spec, sessionValues);
            if (part instanceof SessionTokenAuth session) {
                sessionValues.addAll(session.extracted());
            }
            parts.add(part);
            fields.add(spec.referencedFields());
        }
        return new Chain(definition.id() + ":" + definition.auth().summary(), parts, fields);
    }

    private static Part part(Spec spec, Set<String> sessionValues) {
        String type = spec.text("type", "");
        return switch (type) {
            case "none" -> new NoAuth();
            case "basic" -> new BasicAuth(spec);
            case "bearer" -> new BearerAuth(spec);
            case "api-key" -> new ApiKeyAuth(spec);
            case "oauth2-client-credentials" -> new ClientCredentialsAuth(spec);
            case "session-token" -> new SessionTokenAuth(spec, sessionValues);
            case "signed-params" -> new SignedParamsAuth(spec);
            case "hmac-headers" -> new HmacHeadersAuth(spec);
            default -> throw spec.at("type").error("problem.definition.auth.unknownType", type);
        };
    }
}
