package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: bearer}: a static token in a configurable header. */
class BearerAuthTest {

    private static OutgoingRequest authenticated(AuthScheme scheme, Map<String, String> connection) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection(connection), request, new AuthFixtures.FakeContext());
        return request;
    }

    @Test
    void sendsTheTokenAsBearerByDefault() {
        AuthScheme bearer = scheme("""
                type: bearer
                token: "{{connection.token}}"
                """);
        assertThat(authenticated(bearer, Map.of("token", "tk-9")).headers())
                .containsEntry("Authorization", "Bearer tk-9");
    }

    @Test
    void takesAnotherHeaderAndPrefix() {
        AuthScheme bearer = scheme("""
                type: bearer
                token: "{{connection.token}}"
                header: X-Access-Token
                prefix: ""
                """);
        assertThat(authenticated(bearer, Map.of("token", "tk-9")).headers())
                .containsExactly(Map.entry("X-Access-Token", "tk-9"));
        assertThat(bearer.maskedFields()).containsExactly("X-Access-Token");
    }

    @Test
    void anEmptyOptionalTokenSendsNoHeader() {
        AuthScheme bearer = scheme("""
                type: bearer
                token: "{{connection.token}}"
                """);
        assertThat(authenticated(bearer, Map.of()).headers()).isEmpty();
    }
}
