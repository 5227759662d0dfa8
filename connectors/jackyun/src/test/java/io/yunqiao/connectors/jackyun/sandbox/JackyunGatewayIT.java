package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway spoken to by hand, as the protocol describes it and without the connector: the sandbox must verify
 * signatures and parameters itself. Its clock stands at the known-answer vector's time, 2026-11-28 10:00:00 in
 * Shanghai, so the vector's exact bytes are a valid call.
 */
class JackyunGatewayIT {

    static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    static final String SECRET = GatewaySignatureTest.SECRET;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static JackyunSandboxServlet servlet;
    static SandboxServer server;

    @BeforeAll
    static void start() {
        servlet = new JackyunSandboxServlet(GatewaySettings.of(Map.of("apps", "100201:second-secret")), VECTOR_TIME);
        server = SandboxServer.start(servlet);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        servlet.reset();
        servlet.setRateLimit(0);
    }

    /** The form with its sign recomputed under {@code secret}. */
    static Map<String, String> signed(Map<String, String> form, String secret) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put("sign", GatewaySignature.expected(copy, secret));
        return copy;
    }

    static JsonNode post(SandboxServer target, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/open/openapi/do"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static JsonNode post(Map<String, String> form) {
        return post(server, form);
    }

    static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void assertRefused(JsonNode answer, String subCode) {
        assertThat(answer.get("subCode").asText()).as(answer.toString()).isEqualTo(subCode);
        assertThat(answer.get("code").asInt()).isNotIn(0, 200);
        assertThat(answer.get("msg").asText()).isNotBlank();
    }

    @Test
    void acceptsTheKnownAnswerVectorAsSent() {
        // given the protocol's vector, byte for byte, with its sign
        // when posted
        JsonNode answer = post(GatewaySignatureTest.vectorForm());
        // then the customer is created and the envelope is the documented one
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.get("subCode").asText()).isEmpty();
        assertThat(answer.at("/result/data/customerId").asText()).isEqualTo("10000001");
        assertThat(answer.at("/result/contextId").asText()).isNotBlank();
        assertThat(servlet.calls()).extracting(c -> c.caller()).containsExactly("100200");
    }

    @Test
    void refusesATamperedSignWith0858030801() {
        // given the vector whose sign lost its last digit's value
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("sign", "5ff86033368b8044c7f01bc04ad89b30");
        // when posted
        // then the gateway answers the sign failure and stores nothing
        assertRefused(post(form), "0858030801");
        assertThat(servlet.calls()).hasSize(1);
    }

    @Test
    void theCallLogShowsTheCodeAndSubCodeOfARefusalAnsweredWithHttp200() {
        // given a call refused for its sign, which the gateway answers with HTTP 200
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("sign", "5ff86033368b8044c7f01bc04ad89b30");
        JsonNode answer = post(form);

        // when the sandbox's calls are read, then the refusal is visible by its business outcome
        assertThat(servlet.calls()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.outcome()).containsEntry("code", answer.get("code").asText())
                    .containsEntry("subCode", "0858030801");
        });
    }

    @Test
    void refusesAChangedBizcontentUnderTheVectorsSign() {
        // given the vector with another customer in bizcontent but the original sign
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("bizcontent", "{\"customerCode\":\"C2026112800001\",\"nickname\":\"杭州测试客户\"}");
        // when posted
        // then the sign no longer matches
        assertRefused(post(form), "0858030801");
    }

    @Test
    void ignoresTokenAndContextidWhenVerifyingTheSign() {
        // given the vector plus a token and a context id, sign unchanged
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("token", "any");
        form.put("contextid", "ctx-1");
        // when posted
        // then it is accepted
        assertThat(post(form).get("code").asInt()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownAppKeyWith0858030802() {
        // given the vector sent under an app key nobody has
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("appkey", "424242");
        // when posted, signed with the demo secret
        // then the app key is refused before the sign is checked
        assertRefused(post(signed(form, SECRET)), "0858030802");
    }

    @Test
    void acceptsAnExtraAppWithItsOwnSecret() {
        // given the vector sent by the extra app 100201 and signed with its secret
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("appkey", "100201");
        // when posted
        // then it is accepted
        assertThat(post(signed(form, "second-secret")).get("code").asInt()).isEqualTo(200);
    }

    @Test
    void refusesAMissingCommonParameterNamingIt() {
        // given the vector without version
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.remove("version");
        // when posted
        JsonNode answer = post(signed(form, SECRET));
        // then the refusal names the parameter
        assertRefused(answer, "0858030800");
        assertThat(answer.get("msg").asText()).contains("version");
    }

    @Test
    void refusesAJsonBodyInsteadOfAForm() {
        // given the vector's fields sent as a JSON object
        // when posted
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/open/openapi/do"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(GatewaySignatureTest.vectorForm())
                        .toString())));
        // then the gateway asks for a form
        assertRefused(answer, "0858030800");
        assertThat(answer.get("msg").asText()).contains("x-www-form-urlencoded");
    }

    @Test
    void refusesATimestampElevenMinutesOld() {
        // given the vector stamped 11 minutes before the gateway's clock, correctly signed
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("timestamp", "2026-11-28 09:49:00");
        // when posted
        // then the timestamp is refused
        assertRefused(post(signed(form, SECRET)), "0858030804");
    }

    @Test
    void refusesATimestampInAnotherFormat() {
        // given the vector stamped in ISO format, correctly signed
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("timestamp", "2026-11-28T10:00:00");
        // when posted
        // then the timestamp is refused
        assertRefused(post(signed(form, SECRET)), "0858030804");
    }

    @Test
    void acceptsATimestampNineMinutesAhead() {
        // given the vector stamped 9 minutes after the gateway's clock (within the 10-minute tolerance)
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("timestamp", "2026-11-28 10:09:00");
        // when posted
        // then it is accepted
        assertThat(post(signed(form, SECRET)).get("code").asInt()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownMethodWith0130020310() {
        // given a correctly signed call of an API the app has not subscribed to
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("method", "crm.customer.delete");
        // when posted
        JsonNode answer = post(signed(form, SECRET));
        // then the subscription refusal names the method
        assertRefused(answer, "0130020310");
        assertThat(answer.get("msg").asText()).contains("crm.customer.delete");
    }

    @Test
    void throttlesOneAppKeyBeyondItsRateWithoutTouchingAnother() {
        // given a rate of 2 calls a second per app key
        servlet.setRateLimit(2);
        Map<String, String> list = new LinkedHashMap<>(GatewaySignatureTest.vectorForm());
        list.put("method", "crm.customer.list");
        list.put("bizcontent", "{}");
        Map<String, String> other = new LinkedHashMap<>(list);
        other.put("appkey", "100201");
        // when app 100200 calls three times and app 100201 once
        post(signed(list, SECRET));
        post(signed(list, SECRET));
        JsonNode third = post(signed(list, SECRET));
        JsonNode otherApp = post(signed(other, "second-secret"));
        // then only the third call of 100200 is throttled
        assertRefused(third, "0859999999");
        assertThat(otherApp.get("code").asInt()).isEqualTo(200);
    }

    @Test
    void refusesADuplicateCustomerCodeWithTheAlreadyExistsCode() {
        // given the vector's customer already created
        post(GatewaySignatureTest.vectorForm());
        // when the same call is posted again
        JsonNode answer = post(GatewaySignatureTest.vectorForm());
        // then the business error says it exists
        assertRefused(answer, "0050030003");
        assertThat(answer.get("msg").asText()).contains("已存在").contains("C2026112800001");
    }

    /** What {@code GET /_admin<path>} answers. */
    static JsonNode admin(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_admin" + path)));
    }

    /** The vector's call as {@code crm.customer.update} with {@code bizcontent}, signed. */
    static Map<String, String> update(String bizcontent) {
        Map<String, String> form = new LinkedHashMap<>(GatewaySignatureTest.vectorForm());
        form.put("method", "crm.customer.update");
        form.put("bizcontent", bizcontent);
        return signed(form, SECRET);
    }

    @Test
    void updatesTheStoredCustomerOfTheCustomerCode() {
        // given the vector's customer
        post(GatewaySignatureTest.vectorForm());
        // when its name is updated
        JsonNode answer = post(update("{\"customerCode\":\"C2026112800001\",\"nickname\":\"杭州测试供应商（改）\"}"));
        // then the update is accepted with the same customerId, and the stored customer has the new name
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.at("/result/data/customerId").asText()).isEqualTo("10000001");
        JsonNode stored = admin("/customers");
        assertThat(stored.get("count").asInt()).isEqualTo(1);
        assertThat(stored.at("/customers/0/nickname").asText()).isEqualTo("杭州测试供应商（改）");
        assertThat(stored.at("/updateCalls/C2026112800001").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnUpdateOfAnUnknownCustomerCodeWithABusinessError() {
        // given no customers
        // when a customer is updated
        JsonNode answer = post(update("{\"customerCode\":\"C-NONE\",\"nickname\":\"无\"}"));
        // then the business error says it does not exist
        assertRefused(answer, "0050030004");
        assertThat(answer.get("msg").asText()).contains("不存在").contains("C-NONE");
    }

    @Test
    void refusesAnUpdateWhoseSignDoesNotMatch() {
        // given the vector's customer and an update signed with another secret
        post(GatewaySignatureTest.vectorForm());
        Map<String, String> form = new LinkedHashMap<>(update("{\"customerCode\":\"C2026112800001\",\"nickname\":\"x\"}"));
        form.put("sign", GatewaySignature.expected(form, "not-the-secret"));
        // when posted
        // then the sign is refused and nothing changed
        assertRefused(post(form), "0858030801");
        assertThat(admin("/customers").at("/customers/0/nickname").asText()).isEqualTo("杭州测试供应商");
    }

    @Test
    void refusesABizcontentThatIsNotJson() {
        // given a correctly signed call whose bizcontent is not JSON
        Map<String, String> form = GatewaySignatureTest.vectorForm();
        form.put("bizcontent", "customerCode=C1");
        // when posted
        // then the business parameter error says so
        assertRefused(post(signed(form, SECRET)), "0050030002");
    }

    @Test
    void listsWithTheDocumentedEnvelope() {
        // given the vector's customer
        post(GatewaySignatureTest.vectorForm());
        Map<String, String> list = new LinkedHashMap<>(GatewaySignatureTest.vectorForm());
        list.put("method", "crm.customer.list");
        list.put("bizcontent", "{\"pageIndex\":0,\"pageSize\":10,\"hasTotal\":1,"
                + "\"gmtModifiedBegin\":\"2026-11-28 10:00:00\",\"gmtModifiedEnd\":\"2026-11-28 10:00:00\"}");
        // when it is listed
        JsonNode answer = post(signed(list, SECRET));
        // then the record and the total are under result.data
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.at("/result/data/total").asInt()).isEqualTo(1);
        JsonNode customer = answer.at("/result/data/customers/0");
        assertThat(customer.get("customerId").asText()).isEqualTo("10000001");
        assertThat(customer.get("nickname").asText()).isEqualTo("杭州测试供应商");
        assertThat(customer.get("gmtModified").asText()).isEqualTo("2026-11-28 10:00:00");
    }

    @Test
    void requiresTheConfiguredToken() {
        // given a gateway that requires token t-1
        JackyunSandboxServlet tokenGateway = new JackyunSandboxServlet(GatewaySettings.of(Map.of("token", "t-1")),
                VECTOR_TIME);
        try (SandboxServer tokenServer = SandboxServer.start(tokenGateway)) {
            Map<String, String> withToken = GatewaySignatureTest.vectorForm();
            withToken.put("token", "t-1");
            // when the vector is posted without, then with the token
            JsonNode without = post(tokenServer, GatewaySignatureTest.vectorForm());
            JsonNode with = post(tokenServer, withToken);
            // then only the call with the token is accepted
            assertRefused(without, "0858030803");
            assertThat(with.get("code").asInt()).isEqualTo(200);
        }
    }

    @Test
    void showsStoredCustomersAndAddCallsAndForgetsThemOnReset() {
        // given the vector's customer created, and a second call for the same code
        post(GatewaySignatureTest.vectorForm());
        post(GatewaySignatureTest.vectorForm());
        // when the admin endpoint is read, then the sandbox is reset and read again
        JsonNode before = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_admin/customers")));
        send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode after = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_admin/customers")));
        // then one customer and two add calls were shown, and nothing after the reset
        assertThat(before.get("count").asInt()).isEqualTo(1);
        assertThat(before.at("/customers/0/customerCode").asText()).isEqualTo("C2026112800001");
        assertThat(before.at("/addCalls/C2026112800001").asInt()).isEqualTo(2);
        assertThat(after.get("count").asInt()).isZero();
        assertThat(after.get("addCalls").size()).isZero();
    }

    /** The vector's call as {@code erp.goods.add} with {@code bizcontent}, signed. */
    static Map<String, String> goods(String bizcontent) {
        Map<String, String> form = new LinkedHashMap<>(GatewaySignatureTest.vectorForm());
        form.put("method", "erp.goods.add");
        form.put("bizcontent", bizcontent);
        return signed(form, SECRET);
    }

    @Test
    void addsAGoodsItemAndShowsItInTheGoodsSnapshot() {
        // given no goods
        // when a goods item is added
        JsonNode answer = post(goods("{\"goodsNo\":\"SP0001\",\"goodsName\":\"A4 复印纸\",\"unitName\":\"箱\","
                + "\"purchasePrice\":\"120.50\"}"));
        // then it is accepted with the first goodsId, and the snapshot shows it and the one add call
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.at("/result/data/goodsId").asText()).isEqualTo("20000001");
        JsonNode stored = admin("/goods");
        assertThat(stored.get("count").asInt()).isEqualTo(1);
        assertThat(stored.at("/goods/0/goodsName").asText()).isEqualTo("A4 复印纸");
        assertThat(stored.at("/goods/0/unitName").asText()).isEqualTo("箱");
        assertThat(stored.at("/addCalls/SP0001").asInt()).isEqualTo(1);
        assertThat(admin("/customers").get("count").asInt()).isZero();
    }

    @Test
    void refusesARepeatedGoodsNoWithTheAlreadyExistsCode() {
        // given a goods item SP0001
        post(goods("{\"goodsNo\":\"SP0001\",\"goodsName\":\"A4 复印纸\"}"));
        // when another item with the same goods number is added
        JsonNode answer = post(goods("{\"goodsNo\":\"SP0001\",\"goodsName\":\"另一个名称\"}"));
        // then the business error says it exists, as for a repeated customerCode, and the first item stays
        assertRefused(answer, "0050030003");
        assertThat(answer.get("msg").asText()).contains("已存在").contains("SP0001");
        JsonNode stored = admin("/goods");
        assertThat(stored.get("count").asInt()).isEqualTo(1);
        assertThat(stored.at("/goods/0/goodsName").asText()).isEqualTo("A4 复印纸");
        assertThat(stored.at("/addCalls/SP0001").asInt()).isEqualTo(2);
    }

    @Test
    void refusesAGoodsItemWithoutNameOrWithANegativePrice() {
        // given no goods
        // when an item without a name, and one with a negative retail price, are added
        JsonNode nameless = post(goods("{\"goodsNo\":\"SP0001\"}"));
        JsonNode negative = post(goods("{\"goodsNo\":\"SP0002\",\"goodsName\":\"笔\",\"retailPrice\":\"-1\"}"));
        // then both are refused naming the field, and nothing is stored
        assertRefused(nameless, "0050030002");
        assertThat(nameless.get("msg").asText()).contains("goodsName");
        assertRefused(negative, "0050030002");
        assertThat(negative.get("msg").asText()).contains("retailPrice");
        assertThat(admin("/goods").get("count").asInt()).isZero();
    }

    @Test
    void refusesAGoodsCallWhoseSignDoesNotMatch() {
        // given a goods call signed with another secret
        Map<String, String> form = new LinkedHashMap<>(goods("{\"goodsNo\":\"SP0001\",\"goodsName\":\"笔\"}"));
        form.put("sign", GatewaySignature.expected(form, "not-the-secret"));
        // when posted
        // then the sign failure is answered and nothing is stored
        assertRefused(post(form), "0858030801");
        assertThat(admin("/goods").get("count").asInt()).isZero();
    }

    @Test
    void aResetForgetsTheGoods() {
        // given a goods item
        post(goods("{\"goodsNo\":\"SP0001\",\"goodsName\":\"笔\"}"));
        // when the sandbox is reset
        servlet.reset();
        // then no goods are left, and ids start again
        assertThat(admin("/goods").get("count").asInt()).isZero();
        assertThat(post(goods("{\"goodsNo\":\"SP0009\",\"goodsName\":\"笔\"}")).at("/result/data/goodsId").asText())
                .isEqualTo("20000001");
    }
}
