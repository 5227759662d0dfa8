package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime against the test shop's sandbox over real HTTP on loopback. */
class ConnectorClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ShopSandbox SANDBOX = new ShopSandbox();
    private static SandboxServer server;
    private static ConnectorClient client;

    private Connection shop;

    @BeforeAll
    static void startSandbox() {
        server = SandboxServer.start(SANDBOX);
        client = new ConnectorClient(ConnectorRegistry.discover(ConnectorClientIT.class.getClassLoader()),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    @BeforeEach
    void freshState() {
        SANDBOX.reset();
        shop = connection(ShopSandbox.SECRET);
    }

    private static Connection connection(String secret) {
        return new Connection("c-" + secret, "我的测试商店", "test-shop",
                Map.of("baseUrl", server.baseUrl(), "user", "alice", "secret", secret));
    }

    private List<JsonNode> fetchAll(String operation, Map<String, ?> params, int size) {
        List<JsonNode> all = new ArrayList<>();
        PageRequest page = PageRequest.first(size);
        QueryPage answer;
        do {
            answer = client.query(shop, operation, params, page);
            all.addAll(answer.records());
            page = answer.next();
        } while (answer.hasMore());
        return all;
    }

    @Test
    void pagesUntilTheVendorsTotalIsReached() {
        // given 37 orders and pages of 10, when paging by the total count
        List<QueryPage> pages = new ArrayList<>();
        PageRequest page = PageRequest.first(10);
        QueryPage answer;
        do {
            answer = client.query(shop, "orders.list", Map.of("shop", "main"), page);
            pages.add(answer);
            page = answer.next();
        } while (answer.hasMore());
        // then four pages, the last one short, every order once
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).total()).isEqualTo(ShopSandbox.ORDERS);
        assertThat(pages.get(3).records()).hasSize(7);
        assertThat(pages.stream().flatMap(p -> p.records().stream()).map(r -> r.get("id").asText()).distinct())
                .hasSize(ShopSandbox.ORDERS);
    }

    @Test
    void pagesUntilAShortPageWhenTheVendorSendsNoTotal() {
        // given 25 orders behind a GET with parameters in the query, pages starting at 0
        assertThat(fetchAll("orders.short", Map.of(), 10)).hasSize(ShopSandbox.SHORT_ORDERS);
    }

    @Test
    void stopsOnAnEmptyPageWhenTheLastPageIsFull() {
        // given 25 orders in pages of 5: the sixth page is empty
        List<JsonNode> all = fetchAll("orders.short", Map.of(), 5);
        assertThat(all).hasSize(ShopSandbox.SHORT_ORDERS);
        long calls = SANDBOX.calls().stream().filter(c -> c.path().equals("/orders/short") && c.status() == 200)
                .count();
        assertThat(calls).isEqualTo(6);
    }

    @Test
    void sendsTheWindowInTheDeclaredFormat() {
        // given a window of epoch seconds 1010..1019
        WindowSpec window = client.registry().operation("test-shop", "orders.list").window();
        Map<String, Object> params = new HashMap<>(window.params(Instant.ofEpochSecond(1010),
                Instant.ofEpochSecond(1019)));
        params.put("shop", "main");
        // then exactly the ten orders created in it
        assertThat(fetchAll("orders.list", params, 50)).extracting(r -> r.get("created").asLong())
                .containsExactly(1010L, 1011L, 1012L, 1013L, 1014L, 1015L, 1016L, 1017L, 1018L, 1019L);
    }

    @Test
    void refusesAnUnknownParameterBeforeSending() {
        assertThatThrownBy(() -> client.query(shop, "orders.list", Map.of("shop", "x", "colour", "red"),
                PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION))
                .hasMessageContaining("unknown parameter 'colour'");
        assertThat(SANDBOX.calls()).isEmpty();
    }

    @Test
    void refusesAMissingRequiredParameterNamingIt() {
        assertThatThrownBy(() -> client.query(shop, "orders.list", Map.of(), PageRequest.first(10)))
                .hasMessageContaining("required parameter 'shop' (店铺)");
        assertThat(SANDBOX.calls()).isEmpty();
    }

    @Test
    void refusesAPageSizeAboveTheOperationsMaximum() {
        assertThatThrownBy(() -> client.query(shop, "orders.list", Map.of("shop", "x"), PageRequest.first(51)))
                .hasMessageContaining("page size 51 is above the operation's maximum of 50");
    }

    @Test
    void refusesAnExecuteOperationUsedAsAQuery() {
        assertThatThrownBy(() -> client.query(shop, "orders.add", Map.of(), PageRequest.first(10)))
                .hasMessageContaining("is an EXECUTE (write) operation and cannot be used as QUERY");
    }

    @Test
    void refreshesTheTokenOnceWhenItExpires() {
        // given a first page fetched with a token
        client.query(shop, "orders.list", Map.of("shop", "main"), PageRequest.first(10));
        // when every token expires before the second page
        SANDBOX.expireTokens();
        QueryPage second = client.query(shop, "orders.list", Map.of("shop", "main"), new PageRequest(1, 10));
        // then the page arrives after exactly one more token request
        assertThat(second.records()).hasSize(10);
        assertThat(SANDBOX.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aWrongSecretIsAnAuthErrorNamingTheConnection() {
        Connection wrong = connection("wrong");
        assertThatThrownBy(() -> client.query(wrong, "orders.list", Map.of("shop", "x"), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.connectionName()).isEqualTo("我的测试商店");
                })
                .hasMessageContaining("connection '我的测试商店'")
                .hasMessageContaining("vendor code BAD_SECRET")
                .hasMessageContaining("the token request was refused: wrong secret for user alice; check the user"
                        + " and the secret");
    }

    @Test
    void classifiesAThrottleAnswerByItsHttpStatus() {
        warmUpToken();
        SANDBOX.installFault(Fault.next(FaultKind.THROTTLE, 1));
        assertThat(add("N-1").errorClass()).isEqualTo(ErrorClass.THROTTLED);
    }

    @Test
    void classifiesARateLimitedCallAsThrottled() {
        warmUpToken();
        SANDBOX.setRateLimit(1);
        List<ExecuteResult> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(add("R-" + i));
        }
        assertThat(results).anySatisfy(r -> assertThat(r.errorClass()).isEqualTo(ErrorClass.THROTTLED));
        assertThat(results).allSatisfy(r -> assertThat(r.success() || r.retryable()).isTrue());
    }

    @Test
    void classifiesAnUnlistedServerErrorAsRetryable() {
        warmUpToken();
        SANDBOX.installFault(Fault.next(FaultKind.HTTP_500, 1));
        ExecuteResult result = add("N-2");
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(result.httpStatus()).isEqualTo(500);
        // the HTML page is summarised for people, and kept whole for operators
        assertThat(StoredMessage.render(result.message(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("对方系统返回 HTTP 500 服务器错误（返回的是网页，不是接口数据），页面写着：500 Internal Server Error");
        assertThat(result.response()).contains("<h1>500 Internal Server Error</h1>");
    }

    @Test
    void classifiesAMalformedBodyAsTheDefinitionSays() {
        warmUpToken();
        SANDBOX.installFault(Fault.next(FaultKind.MALFORMED, 1));
        ExecuteResult result = add("N-3");
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(StoredMessage.render(result.message(), Locale.ENGLISH)).contains("not a JSON object");
        assertThat(StoredMessage.render(result.message(), Locale.SIMPLIFIED_CHINESE)).contains("对方的答复不是 JSON 对象");
    }

    @Test
    void classifiesADroppedConnectionAsATransportFailure() {
        warmUpToken();
        SANDBOX.installFault(Fault.next(FaultKind.DROP, 1));
        ExecuteResult result = add("N-4");
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(result.httpStatus()).isZero();
        assertThat(StoredMessage.render(result.message(), Locale.ENGLISH)).startsWith("no answer");
    }

    @Test
    void classifiesATimeoutAsATransportFailure() {
        warmUpToken();
        SANDBOX.installFault(new Fault(FaultKind.LATENCY, 1, 0, 3_000, "/orders/add"));
        ExecuteResult result = add("N-5");
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(StoredMessage.render(result.message(), Locale.ENGLISH))
                .isEqualTo("no answer (timed out waiting for the answer)");
        assertThat(StoredMessage.render(result.message(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有得到对方的答复（等待答复超时）");
    }

    @Test
    void answersTheCreatedIdOnSuccess() {
        ExecuteResult result = add("N-6");
        assertThat(result.success()).isTrue();
        assertThat(result.resultKey()).isEqualTo("id-N-6");
        assertThat(result.request()).isEqualTo("{\"number\":\"N-6\"}");
    }

    @Test
    void classifiesADuplicateByItsVendorCode() {
        add("N-7");
        ExecuteResult again = add("N-7");
        assertThat(again.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS);
        assertThat(again.vendorCode()).isEqualTo("DUPLICATE");
    }

    @Test
    void classifiesByMessageWhenTheCodeIsNotListed() {
        ExecuteResult result = add("OLD-1");
        assertThat(result.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS);
        assertThat(result.vendorCode()).isEqualTo("E42");
    }

    @Test
    void sendsAFormJsonFieldWithTheOperationsFixedFields() {
        ExecuteResult result = client.execute(shop, "tickets.submit", JSON.createObjectNode().put("title", "帮助"));
        assertThat(result.success()).isTrue();
        assertThat(result.response()).contains("\"method\":\"tickets.submit\"").contains("\"version\":\"2\"")
                .contains("\"title\":\"帮助\"");
    }

    @Test
    void masksSecretConnectionValuesInTheRequestItReports() {
        ExecuteResult result = client.execute(shop, "tickets.submit", JSON.createObjectNode().put("title", "x"));
        assertThat(result.request()).contains("\"credential\":\"******\"").doesNotContain(ShopSandbox.SECRET);
    }

    @Test
    void masksTheSignatureFieldsTheAuthSchemeDeclaresInTheRequestItReports() {
        ExecuteResult result = client.execute(shop, "tickets.submit", JSON.createObjectNode().put("title", "x"));
        assertThat(result.request()).contains("\"Signature\":\"******\"")
                .contains("\"method\":\"tickets.submit\"");
    }

    @Test
    void sendsNothingWhereTheDestinationRulesDoNotAllow() {
        // given a client that may send only to one host, not the sandbox's
        ConnectorClient restricted = new ConnectorClient(client.registry(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Clock.systemUTC()).sendingOnlyTo(new Destinations(List.of("shop.example.com"),
                        false, PlatformAddresses.NONE));

        // when it is asked to query, which would first log in with the secret
        assertThatThrownBy(() -> restricted.query(shop, "orders.short", Map.of(), PageRequest.first(5)))
                // then it refuses as a connection problem, and no token request reached the sandbox
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.getMessage()).contains("127.0.0.1").contains("shop.example.com");
                });
        assertThat(SANDBOX.tokensIssued()).isZero();
    }

    @Test
    void readsTheMostSpecificVendorCodeFirst() {
        ExecuteResult result = client.execute(shop, "tickets.submit", JSON.createObjectNode().put("title", "slow"));
        assertThat(result.errorClass()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(result.vendorCode()).isEqualTo("0999");
        assertThat(result.message()).isEqualTo("slow down");
    }

    @Test
    void aTimedOutAddThatTheTargetStoredIsFoundByItsLookUp() {
        // given an add the shop stores but answers only after the client gave up
        ExecuteResult lost = add("LATE-1");
        assertThat(lost.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(lost.possiblySent()).isTrue();

        // when the engine asks with the operation's declared look-up, then the record is there
        assertThat(client.lookUp(shop, "orders.add", JSON.createObjectNode().put("number", "LATE-1")))
                .isEqualTo(Presence.PRESENT);
    }

    @Test
    void aLookUpOfARecordNeverStoredAnswersAbsent() {
        assertThat(client.lookUp(shop, "orders.add", JSON.createObjectNode().put("number", "NEVER-1")))
                .isEqualTo(Presence.ABSENT);
    }

    @Test
    void anOperationWithoutALookUpAnswersUnknown() {
        assertThat(client.lookUp(shop, "tickets.submit", JSON.createObjectNode().put("title", "x")))
                .isEqualTo(Presence.UNKNOWN);
    }

    @Test
    void anInvalidBaseUrlIsRefusedBeforeSendingAndNotPossiblySent() {
        // given a base URL that cannot make a request URL
        Connection broken = new Connection("c-broken", "坏地址", "test-shop",
                Map.of("baseUrl", server.baseUrl() + "/a b|c", "user", "alice", "secret", ShopSandbox.SECRET));
        warmUpToken();

        // when a record is sent through it
        ExecuteResult result = client.execute(broken, "tickets.submit",
                JSON.createObjectNode().put("title", "t"));

        // then it is a validation failure naming the base URL, and no byte left
        assertThat(result.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(StoredMessage.render(result.message(), Locale.ENGLISH)).contains("base URL");
        assertThat(StoredMessage.render(result.message(), Locale.SIMPLIFIED_CHINESE)).contains("连接“坏地址”")
                .contains("接口地址不正确");
        assertThat(result.possiblySent()).isFalse();
    }

    @Test
    void aRefusedConnectionIsNotPossiblySent() throws Exception {
        // given a port nobody listens on
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Connection nowhere = new Connection("c-nowhere", "无人监听", "test-shop",
                Map.of("baseUrl", "http://127.0.0.1:" + closedPort, "user", "alice", "secret", ShopSandbox.SECRET));

        ExecuteResult result = client.execute(nowhere, "tickets.submit", JSON.createObjectNode().put("title", "t"));

        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(result.possiblySent()).isFalse();
    }

    @Test
    void aTimeoutIsPossiblySent() {
        warmUpToken();
        SANDBOX.installFault(new Fault(FaultKind.LATENCY, 1, 0, 3_000, "/orders/add"));
        assertThat(add("N-55").possiblySent()).isTrue();
    }

    private void warmUpToken() {
        client.query(shop, "orders.list", Map.of("shop", "main"), PageRequest.first(1));
    }

    private ExecuteResult add(String number) {
        return client.execute(shop, "orders.add", JSON.createObjectNode().put("number", number));
    }
}
