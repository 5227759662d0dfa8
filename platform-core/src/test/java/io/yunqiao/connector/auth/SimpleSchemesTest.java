package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The schemes that add one value: none, basic, bearer, api-key. */
class SimpleSchemesTest {

    private static OutgoingRequest authenticated(AuthScheme scheme, Map<String, String> connection) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection(connection), request, new AuthFixtures.FakeContext());
        return request;
    }

    @Nested
    class None {
        @Test
        void addsNothing() {
            OutgoingRequest request = authenticated(scheme("type: none"), Map.of());
            assertThat(request.headers()).isEmpty();
            assertThat(request.query()).isEmpty();
        }
    }

    @Nested
    class Basic {
        @Test
        void sendsUserAndPasswordAsBasicCredentials() {
            // given basic with the app key as user and the secret as password
            AuthScheme basic = scheme("""
                    type: basic
                    username: "{{connection.appKey}}"
                    password: "{{connection.appSecret}}"
                    """);
            // when authenticated, then Authorization is Basic base64("key-1:secret-1") and masked
            assertThat(authenticated(basic, Map.of()).headers())
                    .containsEntry("Authorization", "Basic a2V5LTE6c2VjcmV0LTE=");
            assertThat(basic.maskedFields()).containsExactly("Authorization");
        }
    }

    @Nested
    class Bearer {
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

    @Nested
    class ApiKey {
        @Test
        void putsTheKeyIntoAHeader() {
            AuthScheme key = scheme("""
                    type: api-key
                    in: header
                    name: X-Api-Key
                    value: "{{connection.appSecret}}"
                    """);
            assertThat(authenticated(key, Map.of()).headers()).containsEntry("X-Api-Key", "secret-1");
            assertThat(key.maskedFields()).containsExactly("X-Api-Key");
        }

        @Test
        void putsTheKeyIntoTheQuery() {
            AuthScheme key = scheme("""
                    type: api-key
                    in: query
                    name: api_key
                    value: "{{connection.appSecret}}"
                    """);
            OutgoingRequest request = authenticated(key, Map.of());
            assertThat(request.query()).containsEntry("api_key", "secret-1");
            assertThat(request.headers()).isEmpty();
        }
    }
}
