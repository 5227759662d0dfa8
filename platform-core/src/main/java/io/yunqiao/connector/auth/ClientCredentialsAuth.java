package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import io.yunqiao.problem.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * {@code type: oauth2-client-credentials} (RFC 6749 §4.4): posts {@code grant_type=client_credentials} to the token
 * URL, caches the access token per connection until {@code refreshBefore} seconds before it expires, and sends it
 * as {@code Authorization: Bearer <token>}. Parameters: {@code tokenUrl} (absolute, or a path after the base URL),
 * {@code clientId}, {@code clientSecret}, {@code scope} (templates), {@code clientAuth} ({@code body}: client_id and
 * client_secret form fields, the default; {@code basic}: an Authorization header), {@code tokenPath} (default
 * {@code access_token}), {@code expiresInPath} (default {@code expires_in}), {@code refreshBefore} (seconds, default
 * 60), {@code lifetime} (seconds when the server gives none, default 3600), {@code header} and {@code prefix} (as
 * bearer). The token endpoint is judged by HTTP status, not by the connector's success rules.
 */
final class ClientCredentialsAuth implements Part {

    private final String tokenUrl;
    private final Value clientId;
    private final Value clientSecret;
    private final Value scope;
    private final boolean basicClientAuth;
    private final String tokenPath;
    private final String expiresInPath;
    private final Lifetime lifetime;
    private final String header;
    private final String prefix;
    private final Sessions<Token> tokens = new Sessions<>(Token::expiresAt);

    ClientCredentialsAuth(Spec spec) {
        this.tokenUrl = spec.text("tokenUrl", "");
        this.clientId = spec.value("clientId");
        this.clientSecret = spec.value("clientSecret");
        this.scope = spec.value("scope");
        this.basicClientAuth = "basic".equals(spec.text("clientAuth", "body"));
        this.tokenPath = spec.text("tokenPath", "access_token");
        this.expiresInPath = spec.text("expiresInPath", "expires_in");
        this.lifetime = new Lifetime(Duration.ofSeconds(spec.integer("lifetime", 3600)),
                Duration.ofSeconds(spec.integer("refreshBefore", 60)));
        this.header = spec.text("header", "Authorization");
        this.prefix = spec.text("prefix", "Bearer ");
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        Token token = tokens.get(scope.connection(), scope.now(), () -> fetch(request.baseUrl(), scope, later));
        Requests.header(request, header, prefix + token.value());
    }

    private Token fetch(String baseUrl, Scope requestScope, LoginSigner later) {
        Scope scope = requestScope.forAnotherRequest(java.util.Map.of());
        OutgoingRequest login = Requests.login("POST", baseUrl, tokenUrl, null);
        login.form().put("grant_type", "client_credentials");
        String id = clientId.render(scope);
        String secret = clientSecret.render(scope);
        String wanted = this.scope == null ? "" : this.scope.render(scope);
        if (!wanted.isEmpty()) {
            login.form().put("scope", wanted);
        }
        if (basicClientAuth) {
            login.headers().put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (form(id) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            login.form().put("client_id", id);
            login.form().put("client_secret", secret);
        }
        later.sign(login, scope);
        Connection connection = scope.connection();
        Instant now = scope.now();
        String what = StoredMessage.of("connector.auth.tokenRequest", tokenUrl).store();
        String fix = later.fields().isEmpty() ? StoredMessage.of("connector.auth.fix.clientCredentials").store()
                : StoredMessage.of("connector.auth.fix.clientCredentialsSigned", String.join(", ", later.fields()))
                        .store();
        JsonNode answer = scope.context().sendForToken(connection, what, fix, Requests.encode(login));
        String token = Paths.text(answer, tokenPath);
        if (token.isEmpty()) {
            throw new ConnectorException(ErrorClass.AUTH, connection, null,
                    StoredMessage.of("connector.auth.noToken", what, tokenPath).store());
        }
        return new Token(token, lifetime.expiresAt(now, Paths.first(answer, expiresInPath)));
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before they are joined for Basic. */
    private static String form(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean invalidate(Connection connection) {
        return tokens.invalidate(connection);
    }

    @Override
    public Set<String> masked() {
        return Set.of(header, "client_secret");
    }

    @Override
    public boolean holdsSession() {
        return true;
    }

    private record Token(String value, Instant expiresAt) {
    }
}
