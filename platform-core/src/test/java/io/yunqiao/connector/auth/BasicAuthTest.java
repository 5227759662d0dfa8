package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: basic}: HTTP Basic credentials from templates. */
class BasicAuthTest {

    private static OutgoingRequest authenticated(AuthScheme scheme, Map<String, String> connection) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection(connection), request, new AuthFixtures.FakeContext());
        return request;
    }

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
