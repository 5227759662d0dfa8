package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Unbounded input, tried as an attacker would over the REST API: every input has a limit, a refusal names it with
 * a code, and no answer shows SQL, a Java class name or the Vaadin page. The import limit is set below the request
 * limit here so that each of the two can be seen refusing.
 */
@SharedPlatform
class InputLimitsSecurityIT {

    static final String ADMIN_PASSWORD = SharedPlatform.ADMIN_PASSWORD;
    private static final String VIEWER = "limits-viewer";
    private static final String VIEWER_PASSWORD = "limits-viewer-pass";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final AtomicInteger COPIES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    Solutions solutions;

    private long kingdee;
    private long jackyun;

    /** An answer: status and the body as text (so that a page or a stack trace would be seen as such). */
    record Answer(int status, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text.substring(0, Math.min(300,
                        text.length())), e);
            }
        }

        String code() {
            return json().path("code").asText();
        }
    }

    private Answer call(String method, String path, Object body) {
        return call("admin", ADMIN_PASSWORD, method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text(body)));
    }

    private static String text(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer call(String user, String password, String method, String path,
            HttpRequest.BodyPublisher body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "en")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)))
                    .method(method, body).build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The connections once (a dry run started by a test may still hold its solution); each test copies its own. */
    @BeforeEach
    void connections() {
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        kingdee = connection("金蝶", JSON.createObjectNode().put("name", "金蝶").put("connectorId",
                "kingdee-jdy").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/kingdee")
                        .put("clientId", "yunqiao-demo").put("clientSecret", "demo-secret-v1").put("username", "demo")
                        .put("password", "demo-pass")));
        jackyun = connection("吉客云", JSON.createObjectNode().put("name", "吉客云").put("connectorId",
                "jackyun").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/jackyun/open/openapi/do")
                        .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")));
        if (users.list().stream().noneMatch(u -> u.username().equals(VIEWER))) {
            users.create(VIEWER, null, Role.VIEWER, VIEWER_PASSWORD);
        }
    }

    private long connection(String name, ObjectNode draft) {
        for (JsonNode connection : call("GET", "/api/connections", null).json()) {
            if (connection.path("name").asText().equals(name)) {
                return connection.path("id").asLong();
            }
        }
        return call("POST", "/api/connections", draft).json().path("id").asLong();
    }

    private JsonNode copySeed() {
        Answer copied = call("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode()
                .put("name", "限额方案 " + COPIES.incrementAndGet())
                .put("sourceConnection", kingdee).put("targetConnection", jackyun));
        assertThat(copied.status()).as(copied.text()).isEqualTo(201);
        return copied.json();
    }

    private Answer save(JsonNode solution, ObjectNode spec) {
        return call("PUT", "/api/solutions/" + solution.path("id").asLong(),
                JSON.createObjectNode().put("comment", "test").set("solution", spec));
    }

    private static ObjectNode spec(JsonNode solution) {
        return (ObjectNode) solution.path("spec").deepCopy();
    }

    private int versionsOf(JsonNode solution) {
        return solutions.versions(solution.path("id").asLong()).size();
    }

    /** Nothing a person should not see: SQL, Java class names, stack frames, the Vaadin page. */
    private static void assertNoInternals(Answer answer) {
        assertThat(answer.text()).doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("yq_")
                .doesNotContain("io.yunqiao").doesNotContain("java.").doesNotContain("jakarta.")
                .doesNotContain("Exception").doesNotContainIgnoringCase("<html");
    }

    @Test
    void aTenMegabyteDescriptionIsRefusedWith413AndNothingIsStored() {
        JsonNode solution = copySeed();
        int before = versionsOf(solution);

        Answer answer = save(solution, spec(solution).put("description", "x".repeat(10 * 1024 * 1024)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.requestTooLarge");
        assertThat(answer.json().path("message").asText()).contains("1,048,576").contains("yunqiao.limits.request-body");
        assertThat(versionsOf(solution)).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsRefusedOnceItPassesTheLimit() {
        JsonNode solution = copySeed();
        byte[] body = JSON.createObjectNode().put("comment", "chunked").set("solution",
                spec(solution).put("description", "y".repeat(2 * 1024 * 1024))).toString()
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = call("admin", ADMIN_PASSWORD, "PUT", "/api/solutions/" + solution.path("id").asLong(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.requestTooLarge");
    }

    @Test
    void aDescriptionAboveItsLengthLimitIsRefusedNamingTheLimit() {
        JsonNode solution = copySeed();

        Answer answer = save(solution, spec(solution).put("description", "说明".repeat(1500)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.descriptionTooLong");
        assertThat(answer.json().path("field").asText()).isEqualTo("description");
        assertThat(answer.json().path("message").asText()).contains("2,000").contains("3,000")
                .contains("yunqiao.limits.description-length");
    }

    @Test
    void aHundredThousandCharacterConnectionNameIsRefusedNamingTheLimitWithoutSql() {
        Answer answer = call("POST", "/api/connections", JSON.createObjectNode().put("name", "长".repeat(100_000))
                .put("connectorId", "jackyun").set("values", JSON.createObjectNode()
                        .put("baseUrl", "http://127.0.0.1:" + port + "/sandbox/jackyun/open/openapi/do")
                        .put("appKey", "1").put("appSecret", "2")));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.nameTooLong");
        assertThat(answer.json().path("message").asText()).contains("100").contains("yunqiao.limits.name-length");
        assertNoInternals(answer);
    }

    @Test
    void aHundredThousandCharacterSolutionNameIsRefusedNamingTheLimitWithoutSql() {
        JsonNode solution = copySeed();

        Answer answer = save(solution, spec(solution).put("name", "n".repeat(100_000)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.nameTooLong");
        assertNoInternals(answer);
    }

    @Test
    void aNulCharacterInANameIsRefused() {
        JsonNode solution = copySeed();

        Answer answer = save(solution, spec(solution).put("name", "方案\u0000隐藏"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.nameControl");
        assertThat(answer.json().path("message").asText()).contains("U+0000");
    }

    @Test
    void aLineBreakInAConnectionNameIsRefused() {
        Answer answer = call("PUT", "/api/connections/" + jackyun, JSON.createObjectNode()
                .put("name", "吉客云\n伪造的日志行").put("connectorId", "jackyun"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.nameControl");
    }

    @Test
    void aMegabyteMappingIsRefusedBySizeWithoutBeingParsed() {
        JsonNode solution = copySeed();
        int before = versionsOf(solution);
        ObjectNode spec = spec(solution);
        ((ObjectNode) spec.path("target")).put("mapping", "\"" + "m".repeat(1024 * 1024) + "\"");

        Answer answer = save(solution, spec);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(versionsOf(solution)).isEqualTo(before);
    }

    @Test
    void aMappingAboveTheMappingLengthIsRefusedNamingTheLimit() {
        JsonNode solution = copySeed();
        ObjectNode spec = spec(solution);
        ((ObjectNode) spec.path("target")).put("mapping", "\"" + "m".repeat(100_000) + "\"");

        Answer answer = save(solution, spec);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.mappingTooLarge");
        assertThat(answer.json().path("field").asText()).isEqualTo("target.mapping");
        assertThat(answer.json().path("message").asText()).contains("32,768").contains("yunqiao.limits.mapping-length");
    }

    @Test
    void aViewersPreviewWithAHugeStringLiteralIsRefusedBySize() {
        ObjectNode preview = JSON.createObjectNode().put("mapping", "\"" + "a".repeat(400_000) + "\"");
        preview.putObject("record").put("billno", "CGRK-1");

        Answer answer = call(VIEWER, VIEWER_PASSWORD, "POST", "/api/mappings/preview",
                HttpRequest.BodyPublishers.ofString(preview.toString()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.mappingTooLarge");
    }

    @Test
    void aViewersPreviewNestedTooDeeplyForTheParserIsASyntaxErrorNotAServerError() {
        ObjectNode preview = JSON.createObjectNode().put("mapping", "(".repeat(10_000) + "1" + ")".repeat(10_000));
        preview.putObject("record").put("billno", "CGRK-1");

        Answer answer = call(VIEWER, VIEWER_PASSWORD, "POST", "/api/mappings/preview",
                HttpRequest.BodyPublishers.ofString(preview.toString()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("error").asText()).contains("nested too deeply");
        assertNoInternals(answer);
    }

    @Test
    void aPageNumberOfIntegerMaxIsRefusedWith400() {
        long run = startedRun();

        Answer answer = call("GET", "/api/runs/" + run + "/records?page=2147483647", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.page");
        assertThat(answer.json().path("message").asText()).contains("yunqiao.limits.max-page");
    }

    @Test
    void aPageSizeAboveTheLimitIsRefusedInsteadOfQuietlyShortened() {
        long run = startedRun();

        Answer answer = call("GET", "/api/runs/" + run + "/records?size=5000", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.pageSize");
    }

    @Test
    void aPageNumberThatIsNoIntegerIsRefusedWithoutClassNames() {
        long run = startedRun();

        Answer answer = call("GET", "/api/runs/" + run + "/records?page=99999999999", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.parameter");
        assertNoInternals(answer);
    }

    private long startedRun() {
        JsonNode solution = copySeed();
        Answer started = call("POST", "/api/solutions/" + solution.path("id").asLong() + "/runs", "{\"dryRun\":true}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return started.json().path("runId").asLong();
    }

    @Test
    void anEmptyBodyIsRefusedWith400WithoutClassNames() {
        Answer answer = call("POST", "/api/solutions", "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.json.missing");
        assertNoInternals(answer);
    }

    @Test
    void aNullBodyIsRefusedWith400WithoutClassNames() {
        Answer answer = call("POST", "/api/solutions", "null");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.json.missing");
        assertNoInternals(answer);
    }

    @Test
    void anArrayBodyIsRefusedWith400WithoutClassNames() {
        Answer answer = call("POST", "/api/solutions", "[]");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.json.expectObject");
        assertNoInternals(answer);
    }

    @Test
    void anArrayWhereTheSolutionBelongsIsRefusedNamingTheField() {
        Answer answer = call("POST", "/api/solutions", "{\"solution\": []}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).isEqualTo("solution");
        assertNoInternals(answer);
    }

    @Test
    void anUnknownApiPathAnswers404JsonForEveryMethod() {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            Answer answer = call(method, "/api/x", method.equals("GET") || method.equals("DELETE") ? null : "{}");

            assertThat(answer.status()).as(method + " " + answer.text()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("problem.limit.noSuchApi");
            assertNoInternals(answer);
        }
    }

    @Test
    void aWrongMethodOnAnApiPathAnswersCodedJson() {
        Answer answer = call("DELETE", "/api/solutions", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(405);
        assertThat(answer.code()).isEqualTo("problem.limit.http");
        assertNoInternals(answer);
    }

    @Test
    void aCronFiringEverySecondIsRefusedNamingTheMinimumInterval() {
        JsonNode solution = copySeed();
        ObjectNode spec = spec(solution);
        spec.putObject("schedule").put("cron", "* * * * * ?").put("enabled", true);

        Answer answer = save(solution, spec);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.scheduleTooFrequent");
        assertThat(answer.json().path("field").asText()).isEqualTo("schedule.cron");
        assertThat(answer.json().path("message").asText()).contains("60 s")
                .contains("yunqiao.limits.min-schedule-interval");
    }

    @Test
    void anImportedSolutionWithAnEverySecondCronIsRefused() {
        JsonNode solution = copySeed();
        ObjectNode exported = (ObjectNode) call("GET", "/api/solutions/" + solution.path("id").asLong() + "/export",
                null).json();
        exported.put("name", "每秒一次");
        exported.putObject("schedule").put("cron", "*/2 * * * * ?").put("enabled", false);

        Answer answer = call("POST", "/api/solutions/import", exported.toString());

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.scheduleTooFrequent");
    }

    @Test
    void aValueMapWithTooManyEntriesIsRefused() {
        ObjectNode entries = JSON.createObjectNode();
        for (int i = 0; i <= 10_000; i++) {
            entries.put("k" + i, "v");
        }

        Answer answer = call("PUT", "/api/value-maps/big", entries);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.valueMapEntries");
        assertThat(call("GET", "/api/value-maps", null).json().toString()).doesNotContain("big");
    }

    @Test
    void aValueMapValueAboveItsLengthIsRefusedNamingTheLimit() {
        Answer answer = call("PUT", "/api/value-maps/long", JSON.createObjectNode().put("现金", "v".repeat(1001)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("problem.limit.valueMapValue");
        assertThat(answer.json().path("message").asText()).contains("yunqiao.limits.value-map-value-length");
    }

    @Test
    void anImportAboveTheImportLimitIsRefusedWith413() {
        JsonNode solution = copySeed();
        ObjectNode exported = (ObjectNode) call("GET", "/api/solutions/" + solution.path("id").asLong() + "/export",
                null).json();
        exported.put("description", "d".repeat(300 * 1024));

        Answer answer = call("POST", "/api/solutions/import", exported.toString());

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("problem.limit.importTooLarge");
        assertThat(answer.json().path("message").asText()).contains("yunqiao.limits.import-file");
    }
}
