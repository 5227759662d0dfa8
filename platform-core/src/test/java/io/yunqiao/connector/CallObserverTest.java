package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a call's observer sees (the designer's try call): the request exactly as sent, with the connection's secrets
 * and the auth scheme's tokens masked in the URL, the headers and the body, and the answer.
 */
class CallObserverTest {

    private static final String KEY = "query-key-123";
    private static final String TOKEN = "bearer-token-456";

    private HttpServer server;
    private String base;
    private final List<String> seenQueries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seenQueries.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "{\"ok\":true,\"items\":[{\"id\":\"1\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "r-1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ConnectorDefinition definition(String auth, String body) {
        return DefinitionReader.read("test:observed", """
                id: observed
                name: { zh: 观察 }
                vendor: tests
                version: "1.0"
                auth: %s
                connection:
                  - { name: baseUrl, type: url, label: { zh: 地址 }, required: true }
                  - { name: apiKey, type: password, label: { zh: 密钥 }, secret: true }
                  - { name: apiToken, type: password, label: { zh: 令牌 }, secret: true }
                success:
                  - { path: ok, in: ["true"] }
                operations:
                  - id: items.list
                    role: QUERY
                    title: { zh: 列表 }
                    request: { method: POST, path: /items, body: %s }
                    params:
                      - { name: note, label: { zh: 备注 } }
                    records: items
                    key: id
                    fields:
                      - { name: id, label: { zh: 编号 } }
                """.formatted(auth, body));
    }

    private CallTrace tried(ConnectorDefinition definition, Map<String, ?> params) {
        ConnectorClient client = new ConnectorClient(ConnectorRegistry.of(List.of(definition), List.of()),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
        Connection connection = new Connection("1", "观察连接", "observed", Map.of("baseUrl", base, "apiKey", KEY,
                "apiToken", TOKEN));
        List<CallTrace> traces = new CopyOnWriteArrayList<>();
        client.query(connection, "items.list", params, PageRequest.first(1), traces::add);
        assertThat(traces).hasSize(1);
        return traces.get(0);
    }

    /** HTTP header names ignore case. */
    private static List<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    @Test
    void anApiKeyInTheQueryIsSentButShownMasked() {
        CallTrace trace = tried(definition("{ type: api-key, in: query, name: key, value: \"{{connection.apiKey}}\" }",
                "json"), Map.of());

        assertThat(seenQueries).containsExactly("key=" + KEY);
        assertThat(trace.url()).isEqualTo(base + "/items?key=******");
        assertThat(trace.method()).isEqualTo("POST");
    }

    @Test
    void aBearerTokenHeaderIsShownMasked() {
        CallTrace trace = tried(definition("{ type: bearer, token: \"{{connection.apiToken}}\" }", "json"), Map.of());

        assertThat(header(trace.headers(), "Authorization")).containsExactly("******");
        assertThat(trace.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aSecretValueCopiedIntoTheBodyIsShownMaskedThere() {
        CallTrace trace = tried(definition("{ type: none }", "json"), Map.of("note", "see " + KEY));

        assertThat(trace.body()).isEqualTo("{\"note\":\"see ******\"}");
    }

    @Test
    void theAnswerIsShownWithItsStatusHeadersAndBody() throws Exception {
        CallTrace trace = tried(definition("{ type: none }", "form"), Map.of("note", "x"));

        assertThat(trace.status()).isEqualTo(200);
        assertThat(header(trace.responseHeaders(), "X-Request-Id")).containsExactly("r-1");
        assertThat(JsonMapper.builder().build().readTree(trace.responseBody()).path("items").size()).isEqualTo(1);
        assertThat(trace.body()).isEqualTo("note=x");
        assertThat(trace.truncated()).isFalse();
    }
}
