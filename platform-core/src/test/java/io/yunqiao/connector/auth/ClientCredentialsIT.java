package io.yunqiao.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionReader;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.sandbox.SandboxServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A definition with only a declarative oauth2-client-credentials auth, run by the real runtime over loopback HTTP
 * against an API that answers its token endpoint the standard way (no vendor envelope) and its business calls with a
 * {@code code} envelope.
 */
class ClientCredentialsIT {

    private static final String DEFINITION = """
            id: oauth-api
            name: { zh: 标准接口 }
            vendor: Test
            version: "1.0"
            auth:
              type: oauth2-client-credentials
              tokenUrl: /oauth/token
              clientId: "{{connection.clientId}}"
              clientSecret: "{{connection.clientSecret}}"
              scope: things
            connection:
              - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
              - { name: clientId, label: { zh: 客户端 }, required: true }
              - { name: clientSecret, label: { zh: 密钥 }, type: password, required: true, secret: true }
            success:
              - { path: code, in: [0] }
            errors:
              code: [code]
              message: [message]
              httpStatus: { AUTH: [401] }
            operations:
              - id: things.list
                role: QUERY
                title: { zh: 查询 }
                request: { method: GET, path: /things, body: query }
                records: data
                key: id
                fields: [ { name: id, label: { zh: 编号 } } ]
            """;

    private static final Api API = new Api();
    private static SandboxServer server;
    private static ConnectorClient client;

    @BeforeAll
    static void start() {
        server = SandboxServer.start(API);
        ConnectorDefinition definition = DefinitionReader.read("oauth-api.yaml",
                new ByteArrayInputStream(DEFINITION.getBytes(StandardCharsets.UTF_8)));
        client = new ConnectorClient(ConnectorRegistry.of(List.of(definition), List.of()), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        API.tokensIssued.set(0);
        API.tokenRequests.clear();
        API.valid = null;
    }

    private static Connection connection(String secret) {
        return new Connection("oauth-" + secret, "标准接口连接", "oauth-api",
                Map.of("baseUrl", server.baseUrl(), "clientId", "client-1", "clientSecret", secret));
    }

    private static QueryPage list(Connection connection) {
        return client.query(connection, "things.list", Map.of(), PageRequest.first(10));
    }

    @Test
    void getsATokenWithTheClientCredentialsGrantAndReusesIt() {
        // given a connection with valid client credentials
        Connection connection = connection("s3cret");

        // when the operation is called twice
        QueryPage first = list(connection);
        list(connection);

        // then one token request was made, a standard form accepted although it has no "code" envelope
        assertThat(first.records()).hasSize(2);
        assertThat(API.tokenRequests).containsExactly(
                "grant_type=client_credentials&scope=things&client_id=client-1&client_secret=s3cret");
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallRetried() {
        // given a token in use that the API then revokes
        Connection connection = connection("s3cret");
        list(connection);
        API.valid = "nothing";

        // when the operation is called again, then it succeeds with a second token
        assertThat(list(connection).records()).hasSize(2);
        assertThat(API.tokensIssued).hasValue(2);
    }

    @Test
    void refusedClientCredentialsAreAnAuthErrorNamingTheConnection() {
        // given a wrong client secret, when the operation is called
        // then the 401 of the token endpoint is an AUTH error naming the connection and what to check
        assertThatThrownBy(() -> list(connection("wrong")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("标准接口连接")
                .hasMessageContaining("client secret");
    }

    /** A standard OAuth token endpoint and one business API. */
    private static final class Api extends HttpServlet {

        private static final long serialVersionUID = 1L;

        final transient List<String> tokenRequests = new CopyOnWriteArrayList<>();
        final AtomicInteger tokensIssued = new AtomicInteger();
        volatile String valid;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json;charset=UTF-8");
            if (request.getRequestURI().endsWith("/oauth/token")) {
                String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                tokenRequests.add(body);
                if (!body.contains("client_secret=s3cret")) {
                    response.setStatus(401);
                    response.getWriter().write("{\"error\":\"invalid_client\"}");
                    return;
                }
                valid = "token-" + tokensIssued.incrementAndGet();
                response.getWriter().write("{\"access_token\":\"" + valid + "\",\"token_type\":\"bearer\","
                        + "\"expires_in\":3600}");
                return;
            }
            if (!("Bearer " + valid).equals(request.getHeader("Authorization"))) {
                response.setStatus(401);
                response.getWriter().write("{\"code\":401,\"message\":\"token invalid\"}");
                return;
            }
            response.getWriter().write("{\"code\":0,\"data\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
        }
    }
}
