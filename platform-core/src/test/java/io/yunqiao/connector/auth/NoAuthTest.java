package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: none}: nothing is added. */
class NoAuthTest {

    private static OutgoingRequest authenticated(AuthScheme scheme, Map<String, String> connection) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection(connection), request, new AuthFixtures.FakeContext());
        return request;
    }

    @Test
    void addsNothing() {
        OutgoingRequest request = authenticated(scheme("type: none"), Map.of());
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
    }
}
