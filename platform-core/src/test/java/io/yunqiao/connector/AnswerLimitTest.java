package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The largest answer the client reads ({@code yunqiao.engine.max-page-bytes}), against a real HTTP server on
 * loopback: a page within it is parsed once; a larger one is refused while it is read, whether its length is
 * declared or streamed.
 */
class AnswerLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private ConnectorClient client;
    private Connection connection;
    private final AtomicReference<byte[]> page = new AtomicReference<>();
    /** For a streamed answer: how many bytes the server wrote before the client stopped reading. */
    private final AtomicLong streamed = new AtomicLong();
    private final CountDownLatch streamEnded = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/orders/pages", this::answerPage);
        server.createContext("/api/orders/offset", this::streamForever);
        server.start();
        ConnectorDefinition definition;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("definitions/wire.yaml")) {
            definition = DefinitionReader.read("definitions/wire.yaml", in);
        }
        client = new ConnectorClient(ConnectorRegistry.of(List.of(definition),
                List.of(new DeclarativeRequestsTest.StaticKeyAuth())), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Clock.systemUTC());
        connection = new Connection("c1", "测试连接", "test-wire", Map.of("baseUrl",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api", "apiKey", "k"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answerPage(HttpExchange exchange) throws IOException {
        byte[] body = page.get();
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Chunked, no declared length: a valid-looking JSON array that never ends (at most 512 MB). */
    private void streamForever(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] row = "{\"id\":\"o-000000000000000000000000000000\"},".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i + row.length <= chunk.length; i += row.length) {
            System.arraycopy(row, 0, chunk, i, row.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"ok\":true,\"items\":[".getBytes(StandardCharsets.UTF_8));
            while (streamed.get() < 512L * 1024 * 1024) {
                out.write(chunk);
                streamed.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the client hung up: what this test expects
        } finally {
            streamEnded.countDown();
        }
    }

    private static byte[] items(int count) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        ArrayNode list = answer.putArray("items");
        for (int i = 0; i < count; i++) {
            list.addObject().put("id", "o" + i).put("name", "订单 " + i);
        }
        return JSON.writeValueAsBytes(answer);
    }

    @Test
    void aPageOfExactlyTheLimitIsReadAndParsed() throws IOException {
        page.set(items(50));
        client.readingAtMost(page.get().length);

        QueryPage answer = client.query(connection, "orders.pages", Map.of(), PageRequest.first(50));

        assertThat(answer.records()).hasSize(50);
        assertThat(answer.records().get(49).get("name").asText()).isEqualTo("订单 49");
    }

    @Test
    void aPageDeclaredOneByteLargerThanTheLimitIsRefusedNamingTheOperationTheLimitAndTheSetting()
            throws IOException {
        page.set(items(50));
        client.readingAtMost(page.get().length - 1);

        assertThatThrownBy(() -> client.query(connection, "orders.pages", Map.of(), PageRequest.first(50)))
                .isInstanceOfSatisfying(AnswerTooLargeException.class, e -> {
                    assertThat(e.errorClass().retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("problem.engine.pageTooLarge");
                    assertThat(e.getMessage()).contains("测试连接").contains("orders.pages")
                            .contains(String.valueOf(page.get().length - 1)).contains("yunqiao.engine.max-page-bytes");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("减小每页条数")
                            .contains("yunqiao.engine.max-page-bytes");
                });
    }

    @Test
    void aStreamedAnswerIsCutOffAtTheLimitInsteadOfReadToTheEnd() throws Exception {
        client.readingAtMost(1024 * 1024);

        assertThatThrownBy(() -> client.query(connection, "orders.offset", Map.of(), PageRequest.first(10)))
                .isInstanceOf(AnswerTooLargeException.class).hasMessageContaining("1048576");

        // the client hung up: the server could not write its 512 MB
        assertThat(streamEnded.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(streamed.get()).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void aPageThatIsNotJsonIsAClassifiedFailureNotAParsingCrash() {
        page.set("<html>gateway error</html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client.query(connection, "orders.pages", Map.of(), PageRequest.first(50)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.OTHER))
                .hasMessageContaining("a web page, not API data").hasMessageContaining("the page says: gateway error");
    }
}
