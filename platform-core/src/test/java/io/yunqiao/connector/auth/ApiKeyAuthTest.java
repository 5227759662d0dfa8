package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: api-key}: a key in a header or the query. */
class ApiKeyAuthTest {

    private static OutgoingRequest authenticated(AuthScheme scheme, Map<String, String> connection) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection(connection), request, new AuthFixtures.FakeContext());
        return request;
    }

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
