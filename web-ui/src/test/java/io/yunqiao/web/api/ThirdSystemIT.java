package io.yunqiao.web.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.yunqiao.web.SharedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A third system, added without Java and through the REST API only: WireMock plays "Acme shop", a typical JSON API
 * (OAuth 2.0 client credentials, an API key on every request, cursor paging, a JSON write answering 409 for a
 * duplicate). The definition is the documented example docs/examples/acme-shop.yaml, stored with
 * {@code POST /api/connectors}; a connection, a connection test and two solutions (Acme to the Jackyun sandbox and
 * back) follow, with no restart. WireMock's request journal shows what the platform sent.
 */
@SharedPlatform
class ThirdSystemIT {

    static final String ADMIN_PASSWORD = SharedPlatform.ADMIN_PASSWORD;

    private static final String CLIENT_ID = "acme-client";
    private static final String CLIENT_SECRET = "cs-7f3a9e1b55d04c2a";
    private static final String API_KEY = "ak-91c2e8d4b6f04a77";
    private static final String TOKEN = "tok-acme-3b1f";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String YAML = "application/yaml";

    private static WireMockServer acme;

    @LocalServerPort
    int port;

    /** Every answer body the REST API gave in a test: none may hold a secret. */
    private final List<String> answers = new ArrayList<>();

    /** An answer: status and body (JSON when it is JSON). */
    record Answer(int status, String text, JsonNode body) {
    }

    @BeforeAll
    static void startAcme() {
        acme = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        acme.start();
    }

    @AfterAll
    static void stopAcme() {
        acme.stop();
    }

    @BeforeEach
    void cleanAndStub() {
        for (JsonNode solution : call("GET", "/api/solutions", null, null, null).body()) {
            call("DELETE", "/api/solutions/" + solution.path("solution").path("id").asLong(), null, null, null);
        }
        for (JsonNode connection : call("GET", "/api/connections", null, null, null).body()) {
            call("DELETE", "/api/connections/" + connection.path("id").asLong(), null, null, null);
        }
        call("DELETE", "/api/connectors/acme-shop", null, null, null);
        call("POST", "/sandbox/jackyun/_admin/reset", null, null, null);
        answers.clear();
        acme.resetAll();
        stubAcme();
    }

    @AfterEach
    void noSecretInAnyAnswer() {
        assertThat(answers).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(CLIENT_SECRET)
                .doesNotContain(API_KEY).doesNotContain(TOKEN));
    }

    // ---------------------------------------------------------------------------------------------- Acme (WireMock)

    /** Acme's API: a token endpoint, three pages of customers by cursor, and a customer write. */
    private static void stubAcme() {
        acme.stubFor(post("/oauth/token").atPriority(1)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .willReturn(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":3600}")));
        acme.stubFor(post("/oauth/token").atPriority(9)
                .willReturn(json(401, "{\"error\":\"invalid_client\"}")));

        acme.stubFor(authorized(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", absent()))
                .willReturn(json(200, page("c-2", customer(1, "华东"), customer(2, "华南")))));
        acme.stubFor(authorized(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", equalTo("c-2")))
                .willReturn(json(200, page("c-3", customer(3, "华北"), customer(4, "西南")))));
        acme.stubFor(authorized(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", equalTo("c-3")))
                .willReturn(json(200, page(null, customer(5, "东北")))));

        acme.stubFor(authorized(post("/v1/customers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.code", equalTo("ACME-003")))
                .willReturn(json(409, "{\"error\":{\"code\":\"duplicate_code\","
                        + "\"message\":\"customer code ACME-003 already exists\"}}")));
        acme.stubFor(authorized(post("/v1/customers")).atPriority(2)
                .willReturn(json(201, "{\"id\":\"cus_new\",\"created\":true}")));

        acme.stubFor(authorized(get(urlPathEqualTo("/v1/customers/cus_1")))
                .willReturn(json(200, "{\"data\":" + customer(1, "华东") + "}")));

        // anything without the bearer token and the API key
        acme.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo("/v1/customers"))
                .atPriority(9).willReturn(json(401, "{\"error\":{\"code\":\"unauthorized\","
                        + "\"message\":\"bearer token and X-Api-Key required\"}}")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder authorized(
            com.github.tomakehurst.wiremock.client.MappingBuilder request) {
        return request.atPriority(2).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Api-Key", equalTo(API_KEY));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String customer(int n, String province) {
        ObjectNode record = JSON.createObjectNode().put("id", "cus_" + n).put("code", "ACME-00" + n)
                .put("name", "商城客户" + n).put("phone", "1380000000" + n)
                .put("updated_at", "2026-11-0" + n + "T10:00:00+08:00");
        record.putObject("address").put("province", province).put("city", "城市" + n).put("street", "大街" + n + "号");
        return record.toString();
    }

    private static String page(String next, String... records) {
        return "{\"data\":[" + String.join(",", records) + "],\"next_cursor\":"
                + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    // -------------------------------------------------------------------------------------------------- REST calls

    private Answer call(String method, String path, String contentType, String body, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            answers.add(answer.body());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !answer.body().isBlank() ? JSON.readTree(answer.body())
                    : JSON.nullNode();
            return new Answer(answer.statusCode(), answer.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer json(String method, String path, Object body) {
        try {
            return call(method, path, "application/json", body == null ? null : JSON.writeValueAsString(body), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented example, read from the docs so that what users copy is what this test proves. */
    private static String acmeDefinition() {
        try {
            return Files.readString(Path.of("..", "docs", "examples", "acme-shop.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long acmeConnection() {
        ObjectNode values = JSON.createObjectNode().put("baseUrl", acme.baseUrl()).put("clientId", CLIENT_ID)
                .put("clientSecret", CLIENT_SECRET).put("apiKey", API_KEY);
        Answer saved = json("POST", "/api/connections", JSON.createObjectNode().put("name", "某商城")
                .put("connectorId", "acme-shop").set("values", values));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        return saved.body().path("id").asLong();
    }

    private long jackyunConnection() {
        ObjectNode values = JSON.createObjectNode()
                .put("baseUrl", "http://127.0.0.1:" + port + "/sandbox/jackyun/open/openapi/do")
                .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        Answer saved = json("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云")
                .put("connectorId", "jackyun").set("values", values));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        return saved.body().path("id").asLong();
    }

    private long solution(String name, long sourceConnection, String sourceConnector, String sourceOperation,
            long targetConnection, String targetConnector, String targetOperation, String mapping) {
        ObjectNode spec = JSON.createObjectNode().put("name", name);
        spec.putObject("source").put("connection", sourceConnection).put("connector", sourceConnector)
                .put("operation", sourceOperation).put("pageSize", 2);
        spec.putObject("target").put("connection", targetConnection).put("connector", targetConnector)
                .put("operation", targetOperation).put("mapping", mapping);
        Answer saved = json("POST", "/api/solutions", Map.of("solution", spec, "comment", "Acme"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        return saved.body().path("solution").path("id").asLong();
    }

    private JsonNode run(long solution) throws InterruptedException {
        Answer started = json("POST", "/api/solutions/" + solution + "/runs", Map.of("dryRun", false));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long runId = started.body().path("runId").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode run;
        do {
            Thread.sleep(200);
            run = json("GET", "/api/runs/" + runId, null).body();
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        return run;
    }

    private List<JsonNode> records(JsonNode run) {
        JsonNode records = json("GET", "/api/runs/" + run.path("id").asLong() + "/records?size=100", null).body();
        return StreamSupport.stream(records.spliterator(), false).toList();
    }

    // ------------------------------------------------------------------------------------------------------ tests

    @Test
    void aJsonApiAddedThroughTheRestApiOnlyIsTestedAndSyncedToJackyunWithoutARestart() throws InterruptedException {
        // given the Acme definition stored through the REST API, and a connection of it
        Answer created = call("POST", "/api/connectors?note=" + "Acme", YAML, acmeDefinition(), null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("connector").path("origin").asText()).isEqualTo("stored");
        long shop = acmeConnection();
        long jackyun = jackyunConnection();

        // when the connection is tested, then the check operation reads one customer with the token and the key
        Answer test = json("POST", "/api/connections/" + shop + "/test", null);
        assertThat(test.body().path("ok").asBoolean()).as(test.text()).isTrue();
        assertThat(test.body().path("operation").asText()).isEqualTo("customers.list");
        assertThat(test.body().path("note").asText("")).as(test.text()).isIn("", "null");
        assertThat(acme.findAll(getRequestedFor(urlPathEqualTo("/v1/customers")))).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("limit").firstValue()).isEqualTo("1"));

        // when one operation is try-called through the REST API (试调用), then the answer and the masked request show
        Map<String, Object> tryCall = new LinkedHashMap<>();
        tryCall.put("connectorId", "acme-shop");
        tryCall.put("operation", "customers.get");
        tryCall.put("connectionId", shop);
        tryCall.put("params", Map.of("id", "cus_1"));
        Answer tried = json("POST", "/api/connectors/try", tryCall);
        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        assertThat(tried.body().path("success").asBoolean()).as(tried.text()).isTrue();
        assertThat(tried.body().path("recordsMatched").asBoolean()).isTrue();
        JsonNode sent = tried.body().path("exchanges").path(tried.body().path("exchanges").size() - 1);
        assertThat(sent.path("url").asText()).endsWith("/v1/customers/cus_1");
        assertThat(sent.path("headers").toString()).contains("******");
        assertThat(sent.path("responseBody").asText()).contains("cus_1");

        // when a solution Acme customers -> Jackyun crm.customer.add runs
        long sync = solution("某商城客户 → 吉客云", shop, "acme-shop", "customers.list", jackyun, "jackyun",
                "crm.customer.add", "{ \"customerCode\": code, \"nickname\": name, \"state\": address.province,"
                        + " \"city\": address.city, \"address\": address.street, \"phone\": phone }");
        JsonNode run = run(sync);

        // then every Acme record arrived in Jackyun, with its nested address flattened by the mapping
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCESS");
        assertThat(run.path("fetched").asInt()).isEqualTo(5);
        assertThat(run.path("written").asInt()).isEqualTo(5);
        JsonNode stored = json("GET", "/sandbox/jackyun/_admin/customers", null).body();
        assertThat(stored.findValuesAsText("customerCode"))
                .containsExactlyInAnyOrder("ACME-001", "ACME-002", "ACME-003", "ACME-004", "ACME-005");
        JsonNode third = StreamSupport.stream(stored.path("customers").spliterator(), false)
                .filter(c -> "ACME-003".equals(c.path("customerCode").asText())).findFirst().orElseThrow();
        assertThat(third.path("nickname").asText()).isEqualTo("商城客户3");
        assertThat(third.path("state").asText()).isEqualTo("华北");
        assertThat(third.path("address").asText()).isEqualTo("大街3号");

        // and the run history shows each record by its Acme code
        assertThat(records(run)).extracting(r -> r.path("code").asText() + ":" + r.path("status").asText())
                .containsExactlyInAnyOrder("ACME-001:SUCCESS", "ACME-002:SUCCESS", "ACME-003:SUCCESS",
                        "ACME-004:SUCCESS", "ACME-005:SUCCESS");

        // and the cursor was followed to the end: no cursor, c-2, c-3 (besides the connection test's first page)
        List<LoggedRequest> pages = acme.findAll(getRequestedFor(urlPathEqualTo("/v1/customers")));
        assertThat(pages).extracting(r -> r.queryParameter("cursor").isPresent()
                ? r.queryParameter("cursor").firstValue() : "-").containsExactly("-", "-", "c-2", "c-3");
        assertThat(pages.subList(1, 4)).allSatisfy(r -> assertThat(r.queryParameter("limit").firstValue())
                .isEqualTo("2"));

        // and the token was fetched once (client id and secret in the form, the API key too) and reused throughout
        List<LoggedRequest> tokens = acme.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(tokens).singleElement().satisfies(token -> {
            assertThat(token.getBodyAsString()).contains("grant_type=client_credentials");
            assertThat(token.getHeader("X-Api-Key")).isEqualTo(API_KEY);
        });
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.getHeader("X-Api-Key")).isEqualTo(API_KEY);
        });

        // and the connection answers its secrets masked
        JsonNode connection = json("GET", "/api/connections/" + shop, null).body();
        assertThat(connection.path("values").path("clientSecret").asText()).isEqualTo("******");
        assertThat(connection.path("values").path("apiKey").asText()).isEqualTo("******");
    }

    @Test
    void jackyunCustomersAreWrittenToAcmeWithTheKeyAndTokenAndADuplicateIsAlreadyExists()
            throws InterruptedException {
        // given the Acme definition and connections, and five customers in Jackyun (synced from Acme)
        assertThat(call("POST", "/api/connectors", YAML, acmeDefinition(), null).status()).isEqualTo(201);
        long shop = acmeConnection();
        long jackyun = jackyunConnection();
        JsonNode first = run(solution("某商城客户 → 吉客云", shop, "acme-shop", "customers.list", jackyun, "jackyun",
                "crm.customer.add", "{ \"customerCode\": code, \"nickname\": name, \"city\": address.city }"));
        assertThat(first.path("written").asInt()).as(first.toString()).isEqualTo(5);

        // when a solution Jackyun crm.customer.list -> Acme customers.create runs (Acme already has ACME-003)
        JsonNode run = run(solution("吉客云客户 → 某商城", jackyun, "jackyun", "crm.customer.list", shop, "acme-shop",
                "customers.create", "{ \"code\": customerCode, \"name\": nickname, \"address\": { \"city\": city } }"));

        // then Acme received every customer as JSON, with the bearer token and the API key
        List<LoggedRequest> writes = acme.findAll(postRequestedFor(urlPathEqualTo("/v1/customers")));
        assertThat(writes).hasSize(5).allSatisfy(write -> {
            assertThat(write.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(write.getHeader("X-Api-Key")).isEqualTo(API_KEY);
            assertThat(write.getHeader("Content-Type")).contains("application/json");
        });
        JsonNode sent = readJson(writes.stream().filter(w -> w.getBodyAsString().contains("ACME-001")).findFirst()
                .orElseThrow().getBodyAsString());
        assertThat(sent.path("name").asText()).isEqualTo("商城客户1");
        assertThat(sent.path("address").path("city").asText()).isEqualTo("城市1");

        // and the duplicate is classified by the definition's errors: ALREADY_EXISTS, with Acme's own code
        assertThat(run.path("written").asInt()).as(run.toString()).isEqualTo(4);
        assertThat(run.path("failed").asInt()).isEqualTo(1);
        JsonNode duplicate = records(run).stream().filter(r -> "FAILED".equals(r.path("status").asText()))
                .findFirst().orElseThrow();
        assertThat(duplicate.path("code").asText()).isEqualTo("ACME-003");
        assertThat(duplicate.path("errorClass").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(duplicate.path("vendorCode").asText()).isEqualTo("duplicate_code");
        assertThat(duplicate.path("message").asText()).contains("already exists");

        // and one token served both solutions' calls
        assertThat(acme.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).hasSize(1);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ bad input

    /** Refused in Chinese by default and in English on request, with the code and the place, and nothing saved. */
    private void assertRefused(String definition, int status, String code, String field, String chinese,
            String english) {
        Answer zh = call("POST", "/api/connectors", YAML, definition, null);
        Answer en = call("POST", "/api/connectors", YAML, definition, "en");
        assertThat(zh.status()).as(zh.text()).isEqualTo(status);
        assertThat(en.status()).isEqualTo(status);
        for (Answer answer : List.of(zh, en)) {
            assertThat(answer.body().path("code").asText()).as(answer.text()).isEqualTo(code);
            assertThat(answer.body().path("field").asText()).as(answer.text()).startsWith(field);
        }
        assertThat(zh.body().path("message").asText()).contains(chinese);
        assertThat(en.body().path("message").asText()).contains(english);
        assertThat(json("GET", "/api/connectors/acme-shop", null).status()).isEqualTo(404);
    }

    @Test
    void anUnknownAuthTypeIsRefusedWithItsPlaceAndTheTypesToChooseFrom() {
        assertRefused(acmeDefinition().replace("type: api-key", "type: api-token"), 400,
                "problem.connectors.definition.schema", "$.auth[1].type", "\"api-key\", \"oauth2-client-credentials\"",
                "does not have a value in the enumeration");
    }

    @Test
    void anOauth2SchemeWithoutItsTokenUrlIsRefusedAndNothingIsSaved() {
        assertRefused(acmeDefinition().replace("    tokenUrl: /oauth/token\n", ""), 400,
                "problem.connectors.definition.schema", "$.auth[0]", "tokenUrl", "tokenUrl");
    }

    @Test
    void aPathParameterTheConnectionTestCannotFillIsRefused() {
        assertRefused(acmeDefinition().replace("check: customers.list", "check: customers.get"), 400,
                "problem.definition.request.checkNeedsParams", "$.check", "请给这些参数写默认值",
                "Give those parameters a default");
    }

    @Test
    void aPathParameterWithoutValueAtCallTimeFailsTheRunNamingItAndSendsNothing() throws InterruptedException {
        // given a solution reading one Acme customer by id, but giving no id
        assertThat(call("POST", "/api/connectors", YAML, acmeDefinition(), null).status()).isEqualTo(201);
        long shop = acmeConnection();
        long jackyun = jackyunConnection();
        long solution = solution("某商城单个客户 → 吉客云", shop, "acme-shop", "customers.get", jackyun, "jackyun",
                "crm.customer.add", "{ \"customerCode\": code, \"nickname\": name }");

        // when it runs
        JsonNode run = run(solution);

        // then the run fails naming the path parameter, and no customer request reached Acme
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("数据被拒绝", "路径参数“id”", "没有值");
        assertThat(acme.findAll(getRequestedFor(urlPathMatching("/v1/customers/.*")))).isEmpty();
    }

    @Test
    void theSameIdPostedTwiceIsAConflictAndTheFirstStays() {
        assertThat(call("POST", "/api/connectors", YAML, acmeDefinition(), null).status()).isEqualTo(201);

        Answer zh = call("POST", "/api/connectors", YAML, acmeDefinition().replace("version: \"1.0\"",
                "version: \"2.0\""), null);
        Answer en = call("POST", "/api/connectors", YAML, acmeDefinition(), "en");

        assertThat(zh.status()).as(zh.text()).isEqualTo(409);
        assertThat(en.status()).isEqualTo(409);
        for (Answer answer : List.of(zh, en)) {
            assertThat(answer.body().path("code").asText()).isEqualTo("problem.connectors.exists");
            assertThat(answer.body().path("field").asText()).as(answer.text()).isEqualTo("$.id");
        }
        assertThat(zh.body().path("message").asText()).contains("已经保存过", "PUT /api/connectors/acme-shop");
        assertThat(en.body().path("message").asText()).contains("already stored", "PUT /api/connectors/acme-shop");
        JsonNode kept = json("GET", "/api/connectors/acme-shop/versions", null).body();
        assertThat(kept).hasSize(1);
    }

    @Test
    void aRecordsPathThatMatchesNothingIsPointedOutByTheConnectionTest() throws InterruptedException {
        // given the definition with a records path that Acme's answers do not have
        Answer created = call("POST", "/api/connectors", YAML,
                acmeDefinition().replace("    records: data\n", "    records: items\n"), null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long shop = acmeConnection();

        // when the connection is tested
        Answer test = json("POST", "/api/connections/" + shop + "/test", null);

        Answer inEnglish = call("POST", "/api/connections/" + shop + "/test", null, null, "en");

        // then the test works, and says the records path found nothing in Acme's answer, in the asker's language
        assertThat(test.body().path("ok").asBoolean()).as(test.text()).isTrue();
        assertThat(test.body().path("unmatchedRecords").asText()).isEqualTo("items");
        assertThat(test.body().path("note").asText()).contains("记录路径“items”", "customers.list", "records");
        assertThat(inEnglish.body().path("note").asText()).contains("records path 'items'", "found nothing");
    }
}
