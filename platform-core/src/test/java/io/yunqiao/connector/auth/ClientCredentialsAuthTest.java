package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.OutgoingRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OAuth 2.0 client credentials: token request, cache, renewal before expiry, invalidation. */
class ClientCredentialsAuthTest {

    private static final String ANSWER = "{\"access_token\":\"at-1\",\"token_type\":\"bearer\",\"expires_in\":3600}";

    private final AuthScheme scheme = scheme("""
            type: oauth2-client-credentials
            tokenUrl: /oauth/token
            clientId: "{{connection.appKey}}"
            clientSecret: "{{connection.appSecret}}"
            scope: "orders:read"
            refreshBefore: 120
            """);

    @Test
    void postsTheClientCredentialsGrantAndSendsTheTokenAsBearer() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(ANSWER);
        OutgoingRequest request = get("/things");

        scheme.authenticate(connection(Map.of()), request, context);

        assertThat(context.sent.get(0).uri().toString()).isEqualTo("http://api.test/v1/oauth/token");
        assertThat(context.sent.get(0).method()).isEqualTo("POST");
        assertThat(AuthFixtures.FakeContext.body(context.sent.get(0))).isEqualTo(
                "grant_type=client_credentials&scope=orders%3Aread&client_id=key-1&client_secret=secret-1");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer at-1");
        assertThat(scheme.maskedFields()).contains("Authorization");
    }

    @Test
    void basicClientAuthenticationSendsTheCredentialsInAHeaderToAnAbsoluteTokenUrl() {
        AuthScheme basic = scheme("""
                type: oauth2-client-credentials
                tokenUrl: https://login.test/token
                clientId: "{{connection.appKey}}"
                clientSecret: "{{connection.appSecret}}"
                clientAuth: basic
                tokenPath: data.token
                """);
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering("{\"data\":{\"token\":\"t\"}}");
        OutgoingRequest request = get("/things");

        basic.authenticate(connection(Map.of()), request, context);

        assertThat(context.sent.get(0).uri().toString()).isEqualTo("https://login.test/token");
        assertThat(context.sent.get(0).headers().firstValue("Authorization")).hasValue("Basic a2V5LTE6c2VjcmV0LTE=");
        assertThat(AuthFixtures.FakeContext.body(context.sent.get(0))).isEqualTo("grant_type=client_credentials");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer t");
    }

    @Test
    void theTokenIsReusedUntilRefreshBeforeItsExpiryThenRenewed() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(ANSWER);
        Connection connection = connection(Map.of());
        scheme.authenticate(connection, get("/a"), context);

        context.advance(Duration.ofSeconds(3600 - 120 - 1));
        scheme.authenticate(connection, get("/b"), context);
        assertThat(context.sent).hasSize(1);

        context.advance(Duration.ofSeconds(2));
        scheme.authenticate(connection, get("/c"), context);
        assertThat(context.sent).hasSize(2);
    }

    @Test
    void invalidateForgetsTheToken() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(ANSWER);
        Connection connection = connection(Map.of());
        scheme.authenticate(connection, get("/a"), context);

        assertThat(scheme.invalidate(connection)).isTrue();
        scheme.authenticate(connection, get("/b"), context);
        assertThat(context.sent).hasSize(2);
    }

    @Test
    void aConnectionWithOtherValuesGetsItsOwnToken() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(ANSWER);
        scheme.authenticate(connection(Map.of()), get("/a"), context);
        scheme.authenticate(connection(Map.of("appSecret", "rotated")), get("/a"), context);
        assertThat(context.sent).hasSize(2);
    }
}
