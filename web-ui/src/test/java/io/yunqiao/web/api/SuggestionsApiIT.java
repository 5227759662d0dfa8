package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Smart suggestions over HTTP: what the mapping editor asks, in the reader's language, and every refusal. */
@SharedPlatform
class SuggestionsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    record Answer(int status, JsonNode body) {
    }

    @Test
    void theSeedOperationsGetSuggestionsWithConfidenceAndReasonsInChineseByDefault() {
        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, seedRequest());

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode phone = suggestionFor(answer.body(), "phone");
        assertThat(phone.path("source").asText()).isEqualTo("contact_phone");
        assertThat(phone.path("targetLabel").asText()).isEqualTo("联系电话");
        assertThat(phone.path("reason").asText()).isEqualTo("名称相同：联系电话");
        assertThat(phone.path("confidence").asDouble()).isBetween(0.9, 1.0);
        assertThat(suggestionFor(answer.body(), "state").path("source").asText()).isEqualTo("contact_province_name");
        assertThat(answer.body().path("samples").asInt()).isZero();
    }

    @Test
    void reasonsAndLabelsAreInEnglishWhenTheRequestAsksForEnglish() {
        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, "en", seedRequest());

        JsonNode customerCode = suggestionFor(answer.body(), "customerCode");
        assertThat(customerCode.path("targetLabel").asText()).isEqualTo("Customer code");
        assertThat(customerCode.path("reason").asText()).startsWith("Similar names: Customer number ↔ Customer code");
    }

    @Test
    void sampleRecordsInTheRequestAreReadAndConfirmTheShapeOfValues() {
        ObjectNode request = seedRequest();
        ArrayNode samples = request.putArray("samples");
        samples.addObject().put("contact_phone", "13800138000");
        samples.addObject().put("contact_phone", "021-61234567");

        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, request);

        assertThat(answer.body().path("samples").asInt()).isEqualTo(2);
        assertThat(suggestionFor(answer.body(), "phone").path("reason").asText())
                .isEqualTo("名称相同：联系电话；样例值像手机号或电话号码");
    }

    @Test
    void aSolutionsLastStagedRecordIsASample() throws InterruptedException {
        // given the seed template copied and run, so that it staged records
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        call("POST", "/sandbox/kingdee/_admin/reset", null);
        long kingdee = call("POST", "/api/connections", JSON.createObjectNode().put("name", "金蝶样例")
                .put("connectorId", "kingdee-jdy").set("values", JSON.createObjectNode()
                        .put("baseUrl", sandbox + "/kingdee").put("clientId", "yunqiao-demo")
                        .put("clientSecret", "demo-secret-v1").put("username", "demo").put("password", "demo-pass")))
                .body().path("id").asLong();
        long jackyun = call("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云样例")
                .put("connectorId", "jackyun").set("values", JSON.createObjectNode()
                        .put("baseUrl", sandbox + "/jackyun/open/openapi/do").put("appKey", "100200")
                        .put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).body().path("id").asLong();
        Answer copied = call("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode()
                .put("name", "智能映射样例").put("sourceConnection", kingdee).put("targetConnection", jackyun));
        assertThat(copied.status()).as(copied.body().toString()).isEqualTo(201);
        long solution = copied.body().path("id").asLong();
        // a day of bills is enough, and a real run: a dry run keeps nothing staged
        ObjectNode spec = (ObjectNode) copied.body().path("spec").deepCopy();
        ((ObjectNode) spec.path("window")).put("start", "P1D");
        Answer saved = call("PUT", "/api/solutions/" + solution, JSON.createObjectNode().put("comment", "一天")
                .set("solution", spec));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        call("POST", "/sandbox/jackyun/_admin/reset", null);
        long run = call("POST", "/api/solutions/" + solution + "/runs", "{}").body().path("runId").asLong();
        awaitEnd(run);

        // when suggestions are asked with the solution
        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, seedRequest().put("solutionId", solution));

        // then its last staged record was read
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("samples").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownOperationIsRefusedWithItsNameAndWhereToLook() {
        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null,
                seedRequest().put("targetOperation", "crm.customer.nothing"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.suggest.unknownOperation");
        assertThat(answer.body().path("message").asText()).isEqualTo(
                "连接器“jackyun”没有接口“crm.customer.nothing”。请从该连接器的接口列表中选择。");
    }

    @Test
    void operationsOnTheWrongSideAreRefused() {
        ObjectNode swapped = seedRequest().put("sourceConnector", "jackyun").put("sourceOperation",
                "crm.customer.add");

        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, swapped);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.suggest.sourceNotQuery");
    }

    @Test
    void aMissingSourceIsRefusedInTheRequestsLanguage() {
        ObjectNode request = seedRequest();
        request.remove("sourceOperation");

        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, "en", request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.suggest.noSource");
        assertThat(answer.body().path("message").asText()).startsWith("Choose the source");
    }

    @Test
    void tooManyOrMalformedSamplesAreRefused() {
        ObjectNode many = seedRequest();
        ArrayNode samples = many.putArray("samples");
        for (int i = 0; i <= SuggestionsApi.MAX_SAMPLES; i++) {
            samples.addObject().put("billno", "B" + i);
        }
        ObjectNode notObject = seedRequest();
        notObject.putArray("samples").addObject().put("billno", "B1");
        ((ArrayNode) notObject.get("samples")).add("just text");

        Answer tooMany = call("admin", SharedPlatform.ADMIN_PASSWORD, null, many);
        Answer malformed = call("admin", SharedPlatform.ADMIN_PASSWORD, null, notObject);

        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.body().path("code").asText()).isEqualTo("problem.suggest.tooManySamples");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("message").asText()).isEqualTo("第 2 条样例数据不是 JSON 对象；样例应是源接口的一条记录。");
    }

    @Test
    void aSolutionThatReadsAnotherSourceIsRefusedBecauseItsRecordsWouldMislead() {
        Answer copied = call("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode().put("name", "另一来源"));
        assertThat(copied.status()).as(copied.body().toString()).isEqualTo(201);
        ObjectNode otherSource = seedRequest().put("sourceConnector", "kingdee-jdy-v2")
                .put("sourceOperation", "jdy/v2/scm/pur_inbound").put("solutionId", copied.body().path("id").asLong());

        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, otherSource);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.suggest.otherSource");
        assertThat(answer.body().path("message").asText()).contains("另一来源", "jdy/v2/scm/pur_inbound");
    }

    @Test
    void anUnknownSolutionIsRefused() {
        Answer answer = call("admin", SharedPlatform.ADMIN_PASSWORD, null, seedRequest().put("solutionId", 987654));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.suggest.unknownSolution");
    }

    @Test
    void onlyAdministratorsWhoEditMappingsMayAskAndStrangersNot() {
        users.create("suggest-viewer", null, Role.VIEWER, "viewer-pass-1");

        assertThat(call("suggest-viewer", "viewer-pass-1", null, seedRequest()).status()).isEqualTo(403);
        assertThat(call(null, null, null, seedRequest()).status()).isEqualTo(401);
    }

    private static ObjectNode seedRequest() {
        return JSON.createObjectNode().put("sourceConnector", "kingdee-jdy")
                .put("sourceOperation", "jdy/pur/pur_inbound_list").put("targetConnector", "jackyun")
                .put("targetOperation", "crm.customer.add");
    }

    private static JsonNode suggestionFor(JsonNode answer, String target) {
        for (JsonNode suggestion : answer.path("suggestions")) {
            if (suggestion.path("target").asText().equals(target)) {
                return suggestion;
            }
        }
        throw new AssertionError("no suggestion for " + target + " in " + answer);
    }

    private void awaitEnd(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode run;
        do {
            Thread.sleep(200);
            run = call("GET", "/api/runs/" + runId, null).body();
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        assertThat(run.path("status").asText()).as(run.toString()).isNotEqualTo("RUNNING");
    }

    private Answer call(String user, String password, String language, ObjectNode body) {
        return send(user, password, language, "POST", "/api/suggestions", body.toString());
    }

    private Answer call(String method, String path, Object body) {
        return send("admin", SharedPlatform.ADMIN_PASSWORD, null, method, path,
                body == null ? null : body.toString());
    }

    private Answer send(String user, String password, String language, String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json");
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body().isBlank() ? JSON.nullNode()
                    : JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
