package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.yunqiao.problem.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request shapes (path, query, header parameters; json, form, query, form-json-field and no body), the paging types
 * and the row transform of {@code definitions/wire.yaml}, against a real HTTP server on loopback.
 */
class DeclarativeRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "k-secret-1";

    /** One request as the server saw it. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {

        Map<String, String> query() {
            return decode(rawQuery);
        }

        Map<String, String> form() {
            return decode(body);
        }

        private static Map<String, String> decode(String text) {
            Map<String, String> values = new LinkedHashMap<>();
            if (text == null || text.isEmpty()) {
                return values;
            }
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return values;
        }
    }

    /** An answer: status, headers, JSON body. */
    record Answer(int status, Map<String, String> headers, Object body) {

        static Answer ok(Object body) {
            return new Answer(200, Map.of(), body);
        }
    }

    /** The record-free test scheme: an API key header from the connection's secret. */
    static final class StaticKeyAuth implements AuthScheme {

        @Override
        public String id() {
            return "test-static-key";
        }

        @Override
        public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
            request.headers().put("X-Key", connection.require("apiKey"));
        }
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final Map<String, Function<Seen, Answer>> ROUTES = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static String base;
    private static ConnectorClient client;
    private static ConnectorDefinition definition;
    private Connection connection;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", DeclarativeRequestsTest::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (InputStream in = DeclarativeRequestsTest.class.getClassLoader()
                .getResourceAsStream("definitions/wire.yaml")) {
            definition = DefinitionReader.read("definitions/wire.yaml", in);
        }
        client = new ConnectorClient(ConnectorRegistry.of(List.of(definition), List.of(new StaticKeyAuth())),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void fresh() {
        SEEN.clear();
        ROUTES.clear();
        connection = new Connection("c1", "测试连接", "test-wire", Map.of("baseUrl", base + "/api", "apiKey", KEY));
    }

    private static void serve(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Seen seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        SEEN.add(seen);
        String route = exchange.getRequestMethod() + " " + seen.rawPath().replaceFirst("^/api", "");
        Answer answer = ROUTES.entrySet().stream().filter(e -> route.startsWith(e.getKey())).findFirst()
                .map(e -> e.getValue().apply(seen))
                .orElse(new Answer(404, Map.of(), Map.of("ok", false, "error", "NO_ROUTE")));
        byte[] body = JSON.writeValueAsBytes(answer.body());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ObjectNode items(int from, int to) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        ArrayNode list = answer.putArray("items");
        for (int i = from; i < to; i++) {
            list.add(JSON.createObjectNode().put("id", "o" + i));
        }
        return answer;
    }

    private List<QueryPage> fetchAll(String operation, int size) {
        List<QueryPage> pages = new ArrayList<>();
        PageRequest page = PageRequest.first(size);
        QueryPage answer;
        do {
            answer = client.query(connection, operation, Map.of(), page);
            pages.add(answer);
            page = answer.next();
        } while (answer.hasMore() && pages.size() < 20);
        return pages;
    }

    private static List<String> ids(List<QueryPage> pages) {
        return pages.stream().flatMap(p -> p.records().stream()).map(r -> r.path("id").asText()).toList();
    }

    // requests

    @Test
    void aPathParameterIsEncodedAsOneSegmentNextToTheFixedQueryAndHeaders() {
        ROUTES.put("GET /orders/", seen -> Answer.ok(Map.of("ok", true, "data", Map.of("id", "A/1 b"))));

        QueryPage page = client.query(connection, "orders.get", Map.of("id", "A/1 b", "X-Trace", "t-9"),
                PageRequest.first(1));

        assertThat(page.records()).hasSize(1);
        Seen seen = SEEN.get(0);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.rawPath()).isEqualTo("/api/orders/A%2F1%20b");
        assertThat(seen.query()).containsExactly(Map.entry("v", "2"), Map.entry("fields", "id,total"));
        assertThat(seen.headers()).containsEntry("accept", "application/json").containsEntry("x-trace", "t-9")
                .containsEntry("x-key", KEY);
        assertThat(seen.body()).isEmpty();
    }

    @Test
    void aPathParameterWithoutValueIsRefusedBeforeSendingNamingIt() {
        assertThatThrownBy(() -> client.query(connection, "orders.get", Map.of(), PageRequest.first(1)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION))
                .hasMessageContaining("path parameter 'id' (订单ID) has no value");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aFormBodySendsEachFieldNextToTheFixedOnesAndLogsTheMaskedForm() {
        ROUTES.put("POST /orders/form", seen -> Answer.ok(Map.of("ok", true)));

        ExecuteResult result = client.execute(connection, "orders.form",
                JSON.createObjectNode().put("number", "N 1").set("lines", JSON.createArrayNode().add(1)));

        assertThat(result.success()).isTrue();
        Seen seen = SEEN.get(0);
        assertThat(seen.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(seen.form()).containsExactly(Map.entry("action", "create"), Map.entry("number", "N 1"),
                Map.entry("lines", "[1]"));
        assertThat(result.request()).isEqualTo("{\"action\":\"create\",\"number\":\"N 1\",\"lines\":\"[1]\"}");
    }

    @Test
    void aFormJsonFieldCarriesTheBusinessJsonInTheNamedField() {
        ROUTES.put("POST /gateway", seen -> Answer.ok(Map.of("ok", true)));

        ExecuteResult result = client.execute(connection, "orders.json-field",
                JSON.createObjectNode().put("number", "N-2"));

        assertThat(result.success()).isTrue();
        assertThat(SEEN.get(0).form()).containsExactly(Map.entry("method", "orders.add"),
                Map.entry("payload", "{\"number\":\"N-2\"}"));
    }

    @Test
    void aPutTakesItsPathParameterOutOfTheJsonBody() {
        ROUTES.put("PUT /orders/", seen -> Answer.ok(Map.of("ok", true)));

        ExecuteResult result = client.execute(connection, "orders.update",
                JSON.createObjectNode().put("id", "o7").put("total", 12.5));

        assertThat(result.success()).isTrue();
        Seen seen = SEEN.get(0);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.rawPath()).isEqualTo("/api/orders/o7");
        assertThat(seen.body()).isEqualTo("{\"total\":12.5}");
        assertThat(seen.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void aDeleteWithoutBodySendsOnlyThePath() {
        ROUTES.put("DELETE /orders/", seen -> Answer.ok(Map.of("ok", true)));

        ExecuteResult result = client.execute(connection, "orders.delete", JSON.createObjectNode().put("id", "o8"));

        assertThat(result.success()).isTrue();
        assertThat(SEEN.get(0).method()).isEqualTo("DELETE");
        assertThat(SEEN.get(0).rawPath()).isEqualTo("/api/orders/o8");
        assertThat(SEEN.get(0).body()).isEmpty();
    }

    @Test
    void aFieldWithoutPlaceInARequestWithoutBodyIsRefusedBeforeSending() {
        ExecuteResult result = client.execute(connection, "orders.delete",
                JSON.createObjectNode().put("id", "o8").put("reason", "dup"));

        assertThat(result.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(StoredMessage.render(result.message(), Locale.ENGLISH)).contains("[reason] have no place");
        assertThat(result.possiblySent()).isFalse();
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.query(connection, "orders.get",
                Map.of("id", "o1", "X-Trace", "t\r\nX-Evil: 1"), PageRequest.first(1)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION))
                .hasMessageContaining("the header 'X-Trace' has a name or value HTTP does not allow");
        assertThat(SEEN).isEmpty();
    }

    // paging

    @Test
    void pageNumberPagingSendsTheParametersAsBefore() {
        ROUTES.put("GET /orders/pages", seen -> {
            int p = Integer.parseInt(seen.query().get("p"));
            return Answer.ok(items((p - 1) * 10, Math.min(15, p * 10)));
        });

        List<QueryPage> pages = fetchAll("orders.pages", 10);

        assertThat(ids(pages)).hasSize(15);
        assertThat(SEEN).extracting(Seen::rawQuery).containsExactly("status=open&p=1&n=10", "status=open&p=2&n=10");
    }

    @Test
    void offsetLimitPagingCountsOffsetsUntilAShortPage() {
        ROUTES.put("GET /orders/offset", seen -> {
            int start = Integer.parseInt(seen.query().get("start"));
            int count = Integer.parseInt(seen.query().get("count"));
            return Answer.ok(items(start, Math.min(25, start + count)));
        });

        List<QueryPage> pages = fetchAll("orders.offset", 10);

        assertThat(ids(pages)).hasSize(25).doesNotHaveDuplicates();
        assertThat(SEEN).extracting(Seen::rawQuery)
                .containsExactly("start=0&count=10", "start=10&count=10", "start=20&count=10");
    }

    @Test
    void cursorPagingSendsBackEachTokenUntilTheAnswerGivesNone() {
        ROUTES.put("POST /orders/cursor", seen -> {
            JsonNode body = read(seen.body());
            int from = body.has("after") ? Integer.parseInt(body.get("after").asText().substring(1)) : 0;
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            answer.putObject("data").set("items", items(from, Math.min(from + 5, 12)).get("items"));
            if (from + 5 < 12) {
                answer.putObject("meta").put("next", "c" + (from + 5));
            }
            return Answer.ok(answer);
        });

        List<QueryPage> pages = fetchAll("orders.cursor", 5);

        assertThat(ids(pages)).hasSize(12).doesNotHaveDuplicates();
        assertThat(SEEN).extracting(Seen::body).containsExactly("{\"limit\":5}", "{\"after\":\"c5\",\"limit\":5}",
                "{\"after\":\"c10\",\"limit\":5}");
    }

    @Test
    void cursorPagingStopsWhenHasMoreSaysFalse() {
        ROUTES.put("POST /orders/cursor", seen -> {
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            answer.putObject("data").set("items", items(0, 5).get("items"));
            answer.putObject("meta").put("next", "c5").put("more", false);
            return Answer.ok(answer);
        });

        assertThat(fetchAll("orders.cursor", 5)).hasSize(1);
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void aServerRepeatingTheSameCursorEndsPagingInsteadOfLoopingForever() {
        ROUTES.put("POST /orders/cursor", seen -> {
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            answer.putObject("data").set("items", items(0, 5).get("items"));
            answer.putObject("meta").put("next", "same");
            return Answer.ok(answer);
        });

        List<QueryPage> pages = fetchAll("orders.cursor", 5);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).hasMore()).isFalse();
    }

    @Test
    void nextUrlFromTheLinkHeaderIsRequestedAsGivenAndStillAuthenticated() {
        ROUTES.put("GET /orders/links", seen -> {
            String page = seen.query().getOrDefault("page", "1");
            if (page.equals("1")) {
                return new Answer(200, Map.of("Link", "<" + base + "/api/orders/links?page=2&per_page=4&sig=a%2Bb>;"
                        + " rel=\"next\", <" + base + "/api/orders/links?page=9>; rel=\"last\""), items(0, 4));
            }
            return Answer.ok(items(4, 6));
        });

        List<QueryPage> pages = fetchAll("orders.links", 4);

        assertThat(ids(pages)).hasSize(6);
        assertThat(SEEN).extracting(Seen::rawQuery).containsExactly("per_page=4", "page=2&per_page=4&sig=a%2Bb");
        assertThat(SEEN.get(1).headers()).containsEntry("x-key", KEY);
    }

    @Test
    void aRelativeNextUrlInTheBodyIsResolvedAgainstTheAnsweringUrl() {
        ROUTES.put("GET /orders/next", seen -> {
            if (seen.rawQuery() == null) {
                ObjectNode answer = items(0, 3);
                answer.putObject("paging").put("next", "/api/orders/next?after=o2");
                return Answer.ok(answer);
            }
            return Answer.ok(items(3, 4));
        });

        assertThat(ids(fetchAll("orders.next", 100))).containsExactly("o0", "o1", "o2", "o3");
        assertThat(SEEN.get(1).rawQuery()).isEqualTo("after=o2");
    }

    @Test
    void aNextUrlOnAnotherHostIsRefusedAsAnAuthProblemAndNotFollowed() {
        // given an answer whose next page is on another host name (which happens to reach this server too)
        String elsewhere = "http://localhost:" + server.getAddress().getPort() + "/steal";
        ROUTES.put("GET /orders/next", seen -> {
            ObjectNode answer = items(0, 3);
            answer.putObject("paging").put("next", elsewhere);
            return Answer.ok(answer);
        });
        QueryPage first = client.query(connection, "orders.next", Map.of(), PageRequest.first(10));

        // when the next page is asked for, then nothing is sent and the refusal names the host
        assertThatThrownBy(() -> client.query(connection, "orders.next", Map.of(), first.next()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("localhost:" + server.getAddress().getPort())
                .hasMessageContaining("does not send the connection's credentials to another host");
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void noPagingSendsOneRequestWithoutPagingParameters() {
        ROUTES.put("GET /orders/once", seen -> Answer.ok(items(0, 3)));

        List<QueryPage> pages = fetchAll("orders.once", 1);

        assertThat(ids(pages)).hasSize(3);
        assertThat(SEEN).hasSize(1);
        assertThat(SEEN.get(0).rawQuery()).isNull();
        assertThat(definition.operation("orders.once").orElseThrow().paging()).isNull();
    }

    // responses

    @Test
    void rowsAnsweredAsArraysBecomeObjectsNamedByTheColumns() {
        ROUTES.put("POST /report", seen -> Answer.ok(read("""
                {"ok": true, "data": {"columns": ["id", {"name": "name", "type": "text"}],
                 "rows": [["r1", "甲"], ["r2", null]]}}""")));

        QueryPage page = client.query(connection, "report.rows", Map.of(), PageRequest.first(10));

        assertThat(page.records()).extracting(JsonNode::toString)
                .containsExactly("{\"id\":\"r1\",\"name\":\"甲\"}", "{\"id\":\"r2\",\"name\":null}");
    }

    @Test
    void aRowOfAnotherLengthThanTheColumnsIsAMalformedAnswer() {
        ROUTES.put("POST /report", seen -> Answer.ok(read("""
                {"ok": true, "data": {"columns": ["id", "name"], "rows": [["r1", "甲"], ["r2"]]}}""")));

        assertThatThrownBy(() -> client.query(connection, "report.rows", Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.OTHER))
                .hasMessageContaining("row 2 at 'data.rows' has 1 values for 2 columns");
    }

    @Test
    void theRecordSelectorTellsWhetherTheRecordsPathMatched() {
        OperationDefinition once = definition.operation("orders.once").orElseThrow();

        RecordSelector.Selection missing = RecordSelector.select(once, read("{\"ok\": true, \"data\": []}"));
        RecordSelector.Selection empty = RecordSelector.select(once, read("{\"ok\": true, \"items\": []}"));

        assertThat(missing.matched()).isFalse();
        assertThat(missing.records()).isEmpty();
        assertThat(empty.matched()).isTrue();
        assertThat(empty.malformed()).isFalse();
    }

    @Test
    void aRecordsPathMatchingNothingIsAnEmptyLastPage() {
        ROUTES.put("GET /orders/offset", seen -> Answer.ok(Map.of("ok", true)));

        QueryPage page = client.query(connection, "orders.offset", Map.of(), PageRequest.first(10));

        assertThat(page.records()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aProbeTellsThatTheRecordsPathMatchedNothingWhereAQueryJustSeesNoData() {
        ROUTES.put("GET /orders/offset", seen -> Answer.ok(Map.of("ok", true, "rows", List.of(Map.of("id", "1")))));

        ConnectorClient.Probe probe = client.probe(connection, "orders.offset", Map.of(), PageRequest.first(1));

        assertThat(probe.recordsMatched()).isFalse();
        assertThat(probe.page().records()).isEmpty();
    }

    @Test
    void aProbeOfAnAnswerWithRecordsSaysThePathMatched() {
        ROUTES.put("GET /orders/offset", seen -> Answer.ok(Map.of("ok", true, "items", List.of())));

        assertThat(client.probe(connection, "orders.offset", Map.of(), PageRequest.first(1)).recordsMatched())
                .isTrue();
    }

    // the connection test's operation

    @Test
    void theConnectionTestCallsTheDeclaredCheckOperation() {
        assertThat(definition.checkOperation()).hasValueSatisfying(op -> assertThat(op.id()).isEqualTo("orders.once"));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
