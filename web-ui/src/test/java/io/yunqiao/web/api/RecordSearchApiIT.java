package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/records}: records found by bill number, source key or target key after a real run of the seed
 * solution against the sandboxes, for every role, and bad queries refused with a code.
 */
@SharedPlatform
// one run of the seed solution for every test: the tests only read
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordSearchApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final String READER = "record-reader";
    private static final String READER_PASSWORD = "reader-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    private long runId;
    private long solutionId;
    private JsonNode logged;

    /** An answer: status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private Answer get(String path) {
        return get("admin", SharedPlatform.ADMIN_PASSWORD, path, null);
    }

    private Answer get(String user, String password, String path, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)));
            if (language != null) {
                request.header("Accept-Language", language);
            }
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

    private Answer post(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                            + SharedPlatform.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(
                            body)).build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body().isBlank() ? JSON.nullNode()
                    : JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer search(String query) {
        return get("/api/records?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @BeforeAll
    void aRunOfTheSeedSolution() throws InterruptedException {
        post("/sandbox/jackyun/_admin/reset", null);
        post("/sandbox/kingdee/_admin/reset", null);
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        long kingdee = post("/api/connections", JSON.createObjectNode().put("name", "金蝶-查找").put("connectorId",
                "kingdee-jdy").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/kingdee")
                        .put("clientId", "yunqiao-demo").put("clientSecret", "demo-secret-v1").put("username", "demo")
                        .put("password", "demo-pass")).toString()).body().path("id").asLong();
        long jackyun = post("/api/connections", JSON.createObjectNode().put("name", "吉客云-查找").put("connectorId",
                "jackyun").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/jackyun/open/openapi/do")
                        .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toString())
                .body().path("id").asLong();
        solutionId = post("/api/templates/" + SEED + "/copy", JSON.createObjectNode().put("name", "查找方案")
                .put("sourceConnection", kingdee).put("targetConnection", jackyun).toString()).body().path("id")
                .asLong();
        runId = post("/api/solutions/" + solutionId + "/runs", "{}").body().path("runId").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode run;
        do {
            Thread.sleep(200);
            run = get("/api/runs/" + runId).body();
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        assertThat(run.path("status").asText()).isEqualTo("SUCCESS");
        logged = get("/api/runs/" + runId + "/records?status=SUCCESS&size=1").body().get(0);
    }

    @Test
    void aBillNumberFindsItsRecordWithSolutionStatusAndRun() {
        // given a bill number the run wrote
        String billNo = logged.path("code").asText();
        assertThat(billNo).startsWith("CGRK-");

        // when it is searched
        Answer answer = search(billNo);

        // then its record is first, exact, with its solution, keys, current status and the run with its log entry
        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.body().path("records").get(0);
        assertThat(first.path("code").asText()).isEqualTo(billNo);
        assertThat(first.path("exact").asBoolean()).isTrue();
        assertThat(first.path("solutionName").asText()).isEqualTo("查找方案");
        assertThat(first.path("solutionId").asLong()).isEqualTo(solutionId);
        assertThat(first.path("sourceKey").asText()).isEqualTo(logged.path("sourceKey").asText());
        assertThat(first.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(first.path("matchedBy").toString()).contains("CODE");
        JsonNode appearance = first.path("runs").get(0);
        assertThat(appearance.path("runId").asLong()).isEqualTo(runId);
        assertThat(appearance.path("logId").asLong()).isEqualTo(logged.path("id").asLong());
        assertThat(appearance.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.body().path("more").asBoolean()).isFalse();
        assertThat(answer.body().path("limit").asInt()).isEqualTo(200);
    }

    @Test
    void theBeginningOfABillNumberFindsEveryBillStartingWithIt() {
        // given the bill number's date part, e.g. CGRK-20260101
        String billNo = logged.path("code").asText();
        String prefix = billNo.substring(0, "CGRK-20260101".length());

        // when it is searched
        JsonNode records = search(prefix).body().path("records");

        // then every record found starts with it, the one bill among them
        List<String> codes = new ArrayList<>();
        records.forEach(r -> codes.add(r.path("code").asText()));
        assertThat(codes).isNotEmpty().allMatch(code -> code.startsWith(prefix)).contains(billNo);
    }

    @Test
    void anExactSearchDoesNotFindLongerBillNumbers() {
        String billNo = logged.path("code").asText();
        String prefix = billNo.substring(0, billNo.length() - 1);

        Answer answer = get("/api/records?match=EXACT&q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("records")).isEmpty();
    }

    @Test
    void theTargetKeyFindsTheRecordsWrittenUnderIt() {
        // given the customer code a record was written as (the seed writes suppliers as customers)
        JsonNode record = search(logged.path("code").asText()).body().path("records").get(0);
        String targetKey = record.path("targetKey").asText();
        assertThat(targetKey).isNotBlank();

        // when it is searched, then that record is found by its target key
        JsonNode found = get("/api/records?match=EXACT&q=" + URLEncoder.encode(targetKey, StandardCharsets.UTF_8))
                .body().path("records");
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).path("targetKey").asText()).isEqualTo(targetKey);
        assertThat(found.get(0).path("matchedBy").toString()).contains("TARGET_KEY");
    }

    @Test
    void aViewerSearchesTooAndSeesNoContent() {
        // given a read-only user
        if (users.list().stream().noneMatch(u -> u.username().equals(READER))) {
            users.create(READER, null, Role.VIEWER, READER_PASSWORD);
        }

        // when they search
        Answer answer = get(READER, READER_PASSWORD, "/api/records?q=CGRK", null);

        // then they get the records, and nothing of what was sent or received
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("records")).isNotEmpty();
        assertThat(answer.body().toString()).doesNotContain("request").doesNotContain("response")
                .doesNotContain("specialReminding");
    }

    @Test
    void aBroadSearchIsCappedAndSaysMoreMatch() {
        // given more than 200 records starting with CGRK (the sandbox's 1,000 bills)
        JsonNode answer = search("CGRK").body();

        // then 200 are listed and the answer says there are more
        assertThat(answer.path("records")).hasSize(200);
        assertThat(answer.path("more").asBoolean()).isTrue();
    }

    @Test
    void badQueriesAreRefusedWithACode() {
        assertRefused(get("/api/records"), "problem.search.empty");
        assertRefused(search("   "), "problem.search.empty");
        assertRefused(search("%"), "problem.search.wildcardOnly");
        assertRefused(search("*"), "problem.search.wildcardOnly");
        assertRefused(search("_"), "problem.search.wildcardOnly");
        assertRefused(search("9".repeat(301)), "problem.search.tooLong");
        Answer badMatch = get("/api/records?q=CGRK&match=SOMETIMES");
        assertThat(badMatch.status()).isEqualTo(400);
        assertThat(badMatch.body().path("code").asText()).isEqualTo("problem.limit.parameter");
    }

    @Test
    void aRefusalIsInTheReadersLanguage() {
        Answer english = get("admin", SharedPlatform.ADMIN_PASSWORD, "/api/records?q=%25", "en");
        Answer chinese = get("admin", SharedPlatform.ADMIN_PASSWORD, "/api/records?q=%25", null);

        assertThat(english.body().path("message").asText()).contains("only wildcards");
        assertThat(chinese.body().path("message").asText()).contains("只有通配符");
    }

    @Test
    void theWildcardsOfTheDatabaseInAQueryMatchOnlyThemselves() {
        // "CGRK_" would match "CGRK-" if _ were a wildcard
        Answer answer = search("CGRK_");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("records")).isEmpty();
    }

    private static void assertRefused(Answer answer, String code) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo(code);
        assertThat(answer.body().path("field").asText()).isEqualTo("q");
        assertThat(answer.body().path("message").asText()).isNotBlank();
    }
}
