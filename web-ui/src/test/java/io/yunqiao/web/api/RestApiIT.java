package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.api.ApiCalls.Answer;
import java.time.Duration;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API over HTTP: what users do, and every refusal with a message they can act on. */
@SharedPlatform
class RestApiIT {

    static final String ADMIN_PASSWORD = SharedPlatform.ADMIN_PASSWORD;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    Solutions solutions;

    private long kingdee;
    private long jackyun;

    /** An answer: status and JSON body. */

    private Answer call(String method, String path, Object body) {
        return call("admin", ADMIN_PASSWORD, method, path, body);
    }

    private Answer call(String user, String password, String method, String path, Object body) {
        return ApiCalls.call(port, user, password, method, path, body);
    }

    @BeforeEach
    void connections() {
        for (JsonNode solution : call("GET", "/api/solutions", null).body()) {
            call("DELETE", "/api/solutions/" + solution.path("solution").path("id").asLong(), null);
        }
        for (JsonNode connection : call("GET", "/api/connections", null).body()) {
            call("DELETE", "/api/connections/" + connection.path("id").asLong(), null);
        }
        // customers an earlier test wrote would make this test's writes "already exist", and faults would linger
        call("POST", "/sandbox/jackyun/_admin/reset", null);
        call("POST", "/sandbox/kingdee/_admin/reset", null);
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        kingdee = call("POST", "/api/connections", JSON.createObjectNode().put("name", "金蝶").put("connectorId",
                "kingdee-jdy").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/kingdee")
                        .put("clientId", "yunqiao-demo").put("clientSecret", "demo-secret-v1").put("username", "demo")
                        .put("password", "demo-pass"))).body().path("id").asLong();
        jackyun = call("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云").put("connectorId",
                "jackyun").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/jackyun/open/openapi/do")
                        .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).body()
                .path("id").asLong();
    }

    private JsonNode copySeed() {
        Answer copied = call("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode().put("name", "复制的方案")
                .put("sourceConnection", kingdee).put("targetConnection", jackyun));
        assertThat(copied.status()).isEqualTo(201);
        return copied.body();
    }

    private Answer save(JsonNode solution, ObjectNode spec) {
        return call("PUT", "/api/solutions/" + solution.path("id").asLong(),
                JSON.createObjectNode().put("comment", "test").set("solution", spec));
    }

    @Test
    void secretsAreMaskedInAnswers() {
        JsonNode connection = call("GET", "/api/connections/" + kingdee, null).body();
        assertThat(connection.path("values").path("clientSecret").asText()).isEqualTo("******");
        assertThat(connection.path("values").path("password").asText()).isEqualTo("******");
        assertThat(connection.toString()).doesNotContain("demo-secret-v1").doesNotContain("demo-pass");
    }

    @Test
    void theAlertsSigningSecretIsMaskedInAnswersAndKeptWhenSentBackMasked() {
        // given a solution saved with alerts to a signed robot
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        spec.putObject("alerts").put("onFailure", true).put("webhook",
                "https://oapi.dingtalk.com/robot/send?access_token=t").put("webhookSecret", "SEC-rest-secret");
        Answer saved = save(solution, spec);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);

        // when it is read, then the secret is masked
        JsonNode read = call("GET", "/api/solutions/" + id, null).body();
        assertThat(read.path("solution").path("spec").path("alerts").path("webhookSecret").asText())
                .isEqualTo("******");
        assertThat(read.toString()).doesNotContain("SEC-rest-secret");

        // and when the spec is saved back as read, the stored secret stays
        ObjectNode readSpec = (ObjectNode) read.path("solution").path("spec").deepCopy();
        readSpec.put("description", "changed");
        assertThat(save(read.path("solution"), readSpec).status()).isEqualTo(200);
        assertThat(solutions.current(id).spec().alerts().webhookSecret()).isEqualTo("SEC-rest-secret");
    }

    @Test
    void theAlertsSigningSecretIsStoredSealedSoTheVersionsDoNotShowIt() {
        // given a solution saved with a signed robot
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        spec.putObject("alerts").put("onFailure", true).put("webhook",
                "https://oapi.dingtalk.com/robot/send?access_token=t").put("webhookSecret", "SEC-sealed-secret");
        assertThat(save(solution, spec).status()).isEqualTo(200);

        // when its versions are listed
        JsonNode versions = call("GET", "/api/solutions/" + id + "/versions", null).body();

        // then they hold the secret sealed with the secrets key, which the engine still opens
        assertThat(versions.toString()).doesNotContain("SEC-sealed-secret").contains("v1:");
        assertThat(solutions.current(id).spec().alerts().webhookSecret()).isEqualTo("SEC-sealed-secret");
    }

    @Test
    void aSigningSecretThatLooksSealedIsStillSealedAndOpenedAgain() {
        // given a secret that happens to start like a sealed text
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        spec.putObject("alerts").put("onFailure", true).put("webhook",
                "https://oapi.dingtalk.com/robot/send?access_token=t").put("webhookSecret", "v1:typed-by-a-user");

        // when it is saved
        assertThat(save(solution, spec).status()).isEqualTo(200);

        // then the engine reads it back as typed
        assertThat(solutions.current(id).spec().alerts().webhookSecret()).isEqualTo("v1:typed-by-a-user");
    }

    @Test
    void testingAConnectionLogsInAndReadsOneRecord() {
        JsonNode test = call("POST", "/api/connections/" + kingdee + "/test", null).body();
        assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
    }

    @Test
    void anUnknownConnectorIsRefusedNamingTheInstalledOnes() {
        Answer answer = call("POST", "/api/connections", "{\"name\":\"x\",\"connectorId\":\"sap\",\"values\":{}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("connectorId");
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.connection.unknownConnector");
        assertThat(answer.body().path("message").asText()).contains("连接器“sap”没有安装").contains("jackyun");
    }

    @Test
    void listsTheShippedTemplates() {
        assertThat(call("GET", "/api/templates", null).body()).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(t -> assertThat(t.path("id").asText()).isEqualTo(SEED));
    }

    @Test
    void copyingATemplateCreatesADisabledSolution() {
        JsonNode solution = copySeed();
        assertThat(solution.path("enabled").asBoolean()).isFalse();
        assertThat(solution.path("spec").path("source").path("connection").asLong()).isEqualTo(kingdee);
    }

    @Test
    void anInvalidCronIsRefusedWithTheReasonAndNothingIsLost() {
        JsonNode solution = copySeed();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("schedule")).put("cron", "every minute").put("enabled", true);
        Answer answer = save(solution, spec);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("schedule.cron");
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.solution.cronInvalid");
        assertThat(answer.body().path("message").asText()).contains("定时表达式“every minute”写得不对");
        JsonNode unchanged = call("GET", "/api/solutions/" + solution.path("id").asLong(), null).body();
        assertThat(unchanged.path("solution").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aJsonataSyntaxErrorIsRefusedWithItsPosition() {
        JsonNode solution = copySeed();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("target")).put("mapping", "{\n  \"customerCode\": supplierid_number,\n  \"nickname\": (\n}");
        Answer answer = save(solution, spec);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("target.mapping");
        assertThat(answer.body().path("message").asText()).containsPattern("(?i)line \\d+");
    }

    @Test
    void anUnknownOperationIsRefused() {
        JsonNode solution = copySeed();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("source")).put("operation", "jdy/pur/nothing");
        Answer answer = save(solution, spec);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.solution.unknownOperation");
        assertThat(answer.body().path("message").asText()).contains("没有接口“jdy/pur/nothing”");
    }

    @Test
    void anUnknownConnectionIsRefused() {
        JsonNode solution = copySeed();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("target")).put("connection", 987654);
        Answer answer = save(solution, spec);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("target.connection");
    }

    @Test
    void aMappingMissingARequiredTargetFieldIsRefused() {
        JsonNode solution = copySeed();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("target")).put("mapping", "{ \"customerCode\": supplierid_number }");
        Answer answer = save(solution, spec);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asText()).contains("nickname");
    }

    @Test
    void aConnectionInUseCannotBeDeleted() {
        JsonNode solution = copySeed();
        Answer answer = call("DELETE", "/api/connections/" + jackyun, null);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("message").asText()).contains("复制的方案");
        assertThat(call("GET", "/api/connections/" + jackyun, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/solutions/" + solution.path("id").asLong(), null).status()).isEqualTo(200);
    }

    @Test
    void exportCarriesNoSecretsAndImportsBack() {
        JsonNode solution = copySeed();
        Answer exported = call("GET", "/api/solutions/" + solution.path("id").asLong() + "/export", null);
        assertThat(exported.body().toString()).doesNotContain("demo-secret-v1").doesNotContain("0f1e2d3c4b5a");
        ObjectNode renamed = ((ObjectNode) exported.body()).put("name", "导入的方案");
        Answer imported = call("POST", "/api/solutions/import", renamed.toString());
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("solution").path("spec").path("target").path("mapping").asText())
                .isEqualTo(solution.path("spec").path("target").path("mapping").asText());
    }

    @Test
    void aDryRunWhoseEveryRecordFailsValidationEndsFailed() throws InterruptedException {
        // given a mapping that leaves out a field the target requires (nickname) for every real bill (only the
        // example record that saving checks, whose values are the field names, gets one)
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        ((ObjectNode) spec.path("target")).put("mapping",
                "{ \"customerCode\": billno, \"nickname\": billno = \"billno\" ? supplierid_name }");
        assertThat(save(solution, spec).status()).isEqualTo(200);

        // when it is dry-run, then every record fails and so does the run: FAILED, not PARTIAL
        long runId = call("POST", "/api/solutions/" + id + "/runs", "{\"dryRun\":true}").body().path("runId")
                .asLong();
        JsonNode run = awaitEnd(runId);
        assertThat(run.path("failed").asInt()).isPositive();
        assertThat(run.path("status").asText()).as(run.path("error").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("条记录都没有通过校验");
    }

    @Test
    void rePushingIdsThatAreNotFailedRecordsOfTheRunIsRefusedAndCreatesNoRun() throws InterruptedException {
        // given a run that wrote everything
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        long runId = call("POST", "/api/solutions/" + id + "/runs", "{}").body().path("runId").asLong();
        assertThat(awaitEnd(runId).path("status").asText()).isEqualTo("SUCCESS");

        // when made-up record ids are re-pushed
        Answer refused = call("POST", "/api/runs/" + runId + "/repush", "{\"sourceRecordIds\":[987654321]}");

        // then the request is refused with a coded problem naming them, and no run is created
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.run.repushNotFailed");
        assertThat(refused.body().toString()).contains("987654321");
        assertThat(call("GET", "/api/solutions/" + id + "/runs", null).body()).hasSize(1);
    }

    @Test
    void rePushingARunWithoutFailedRecordsIsRefusedAndCreatesNoRun() throws InterruptedException {
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        long runId = call("POST", "/api/solutions/" + id + "/runs", "{}").body().path("runId").asLong();
        assertThat(awaitEnd(runId).path("status").asText()).isEqualTo("SUCCESS");

        Answer refused = call("POST", "/api/runs/" + runId + "/repush", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.run.repushNothingFailed");
        assertThat(call("GET", "/api/solutions/" + id + "/runs", null).body()).hasSize(1);
    }

    @Test
    void aDryRunMapsAndValidatesButWritesNothing() throws InterruptedException {
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        Answer started = call("POST", "/api/solutions/" + id + "/runs", "{\"dryRun\":true}");
        assertThat(started.status()).isEqualTo(202);
        long runId = started.body().path("runId").asLong();
        JsonNode run = awaitEnd(runId);
        assertThat(run.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(run.path("fetched").asInt()).isPositive();
        assertThat(call("GET", "/api/runs/" + runId + "/records?status=DRY_RUN", null).body()).isNotEmpty();
        JsonNode customers = call("GET", "/sandbox/jackyun/_admin/customers", null).body();
        assertThat(customers.path("count").asInt()).isZero();
    }

    @Test
    void aSecondTriggerWhileRunningIsRecordedAsSkipped() throws InterruptedException {
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        call("POST", "/sandbox/kingdee/_admin/faults", "{\"kind\":\"LATENCY\",\"count\":1,\"latencyMs\":1500}");
        long first = call("POST", "/api/solutions/" + id + "/runs", "{}").body().path("runId").asLong();
        JsonNode second = call("POST", "/api/solutions/" + id + "/runs", "{}").body();
        assertThat(second.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(awaitEnd(first).path("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void previewShowsTheOutputAndWhatTheTargetWouldRefuse() {
        ObjectNode request = JSON.createObjectNode().put("mapping", "{ \"customerCode\": code, \"colour\": \"red\" }")
                .put("targetConnector", "jackyun").put("targetOperation", "crm.customer.add");
        request.putObject("record").put("code", "C1");
        JsonNode preview = call("POST", "/api/mappings/preview", request).body();
        assertThat(preview.path("output").path("customerCode").asText()).isEqualTo("C1");
        assertThat(preview.path("problems").toString()).contains("nickname").contains("colour");
    }

    @Test
    void aValueMapSavedThroughTheApiIsReadByMappings() {
        Answer saved = call("PUT", "/api/value-maps/" + "付款方式", "{\"现金\":\"CASH\",\"转账\":\"BANK\"}");
        assertThat(saved.status()).isEqualTo(200);
        ObjectNode request = JSON.createObjectNode().put("mapping", "{ \"pay\": $valueMap(\"付款方式\", way) }");
        request.putObject("record").put("way", "转账");
        assertThat(call("POST", "/api/mappings/preview", request).body().path("output").path("pay").asText())
                .isEqualTo("BANK");
        assertThat(call("GET", "/api/value-maps", null).body().toString()).contains("付款方式");
    }

    @Test
    void previewSaysWhenTheRecordFilterWouldSkipTheSampleAndWhenItWouldWriteIt() {
        // given a bill without a customer, a bill with one, and a filter that keeps bills with a customer
        ObjectNode request = JSON.createObjectNode().put("mapping", "{ \"customerCode\": customerid_number }")
                .put("filter", "$exists(customerid_number) and customerid_number != \"\"");
        request.putObject("record").put("billno", "CGRK-1").put("customerid_number", "");

        // when each is previewed
        JsonNode blank = call("POST", "/api/mappings/preview", request).body();
        ((ObjectNode) request.get("record")).put("customerid_number", "KH0001");
        JsonNode withCustomer = call("POST", "/api/mappings/preview", request).body();

        // then the first would be skipped, said in words, and the second written
        assertThat(blank.path("leftOut").asBoolean()).isTrue();
        assertThat(blank.path("filter").asText()).contains("此记录不符合筛选条件，将跳过");
        assertThat(withCustomer.path("leftOut").asBoolean()).isFalse();
        assertThat(withCustomer.path("filter").isNull()).isTrue();
        assertThat(withCustomer.path("output").path("customerCode").asText()).isEqualTo("KH0001");
    }

    @Test
    void previewWithARecordFilterThatDoesNotParseIsRefusedNamingTheFilter() {
        ObjectNode request = JSON.createObjectNode().put("mapping", "{ \"a\": b }").put("filter", "b = \"x");
        request.putObject("record").put("b", "x");

        Answer answer = call("POST", "/api/mappings/preview", request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("filter");
        assertThat(answer.body().path("code").asText()).isEqualTo("problem.filter.syntax");
        assertThat(answer.body().path("message").asText()).contains("筛选条件", "引号");
    }

    @Test
    void previewOfASyntaxErrorGivesItsPosition() {
        ObjectNode request = JSON.createObjectNode().put("mapping", "{ \"a\": ( }");
        request.putObject("record");
        JsonNode preview = call("POST", "/api/mappings/preview", request).body();
        assertThat(preview.path("error").asText()).isNotEmpty();
        assertThat(preview.path("position").path("line").asInt()).isEqualTo(1);
    }

    @Test
    void previewOfAMissingCommaSaysSoInWordsForPeople() {
        // given a mapping whose second field lacks the comma before it
        ObjectNode request = JSON.createObjectNode().put("mapping", "{\n  \"nickname\": name\n  \"contacts\": who\n}");
        request.putObject("record").put("name", "杭州云桥").put("who", "张三");

        // when it is previewed
        JsonNode preview = call("POST", "/api/mappings/preview", request).body();

        // then the error names the missing comma before "contacts" (in the reader's language), not only the parser's words
        assertThat(preview.path("error").asText()).containsAnyOf("前面少了一个英文逗号", "A comma is missing before")
                .contains("contacts");
        assertThat(preview.path("position").path("line").asInt()).isEqualTo(3);
    }

    @Test
    void theLogLevelPassesThroughSaveReadExportAndImport() {
        // given a solution saved through the API with the log level 仅摘要
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = ((ObjectNode) solution.path("spec").deepCopy()).put("logLevel", "SUMMARY");
        Answer saved = save(solution, spec);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);

        // when it is read and exported, then both carry the level, and the engine's spec has it
        assertThat(call("GET", "/api/solutions/" + id, null).body().path("solution").path("spec").path("logLevel")
                .asText()).isEqualTo("SUMMARY");
        assertThat(solutions.current(id).spec().logLevel()).isEqualTo(LogLevel.SUMMARY);
        Answer exported = call("GET", "/api/solutions/" + id + "/export", null);
        assertThat(exported.body().path("logLevel").asText()).isEqualTo("SUMMARY");

        // and an import of the export keeps it
        Answer imported = call("POST", "/api/solutions/import",
                ((ObjectNode) exported.body()).put("name", "导入的仅摘要方案").toString());
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("solution").path("spec").path("logLevel").asText()).isEqualTo("SUMMARY");
    }

    @Test
    void anUnknownLogLevelIsRefusedNamingTheField() {
        JsonNode solution = copySeed();
        ObjectNode spec = ((ObjectNode) solution.path("spec").deepCopy()).put("logLevel", "NOTHING");

        Answer refused = save(solution, spec);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("logLevel");
        assertThat(solutions.current(solution.path("id").asLong()).spec().logLevel()).isEqualTo(LogLevel.ALL);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Answer docs = call("GET", "/api/docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/solutions/{id}/runs")).isTrue();
        assertThat(docs.body().path("components").path("schemas").path("SolutionSpec").path("properties")
                .path("logLevel").path("enum").toString()).contains("ALL", "FAILURES", "SUMMARY");
    }

    private JsonNode awaitEnd(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode run;
        do {
            Thread.sleep(200);
            run = call("GET", "/api/runs/" + runId, null).body();
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        return run;
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        // when someone calls the API without signing in
        Answer answer = call(null, null, "GET", "/api/solutions", null);

        // then they are asked to authenticate
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aViewerReadsASolutionWithoutTheRobotsAccessTokenAndCannotListVersionsOrExport() {
        // given a read-only user and a solution alerting a signed robot whose URL carries its access token
        if (users.list().stream().noneMatch(u -> u.username().equals("reader"))) {
            users.create("reader", null, Role.VIEWER, "reader-pass-1");
        }
        JsonNode solution = copySeed();
        long id = solution.path("id").asLong();
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        spec.putObject("alerts").put("onFailure", true).put("webhook",
                "https://oapi.dingtalk.com/robot/send?access_token=viewer-must-not-see").put("webhookSecret", "SEC-v");
        assertThat(save(solution, spec).status()).isEqualTo(200);

        // when the viewer reads it, its versions and its export
        Answer read = call("reader", "reader-pass-1", "GET", "/api/solutions/" + id, null);
        Answer versions = call("reader", "reader-pass-1", "GET", "/api/solutions/" + id + "/versions", null);
        Answer export = call("reader", "reader-pass-1", "GET", "/api/solutions/" + id + "/export", null);

        // then the solution reads without the token or the secret, and versions and export are for administrators
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("solution").path("spec").path("alerts").path("webhook").asText())
                .isEqualTo("https://oapi.dingtalk.com/…");
        assertThat(read.body().toString()).doesNotContain("viewer-must-not-see").doesNotContain("SEC-v");
        assertThat(versions.status()).isEqualTo(403);
        assertThat(export.status()).isEqualTo(403);
        // and the administrator still reads the whole URL
        assertThat(call("GET", "/api/solutions/" + id, null).body().path("solution").path("spec").path("alerts")
                .path("webhook").asText()).endsWith("access_token=viewer-must-not-see");
    }

    @Test
    void aViewerReadsButCannotRunOrChange() {
        // given a read-only user and a solution
        if (users.list().stream().noneMatch(u -> u.username().equals("reader"))) {
            users.create("reader", null, Role.VIEWER, "reader-pass-1");
        }
        long solution = copySeed().path("id").asLong();

        // when they read, run and delete
        Answer read = call("reader", "reader-pass-1", "GET", "/api/solutions/" + solution, null);
        Answer run = call("reader", "reader-pass-1", "POST", "/api/solutions/" + solution + "/runs", null);
        Answer delete = call("reader", "reader-pass-1", "DELETE", "/api/solutions/" + solution, null);

        // then reading works and the rest is forbidden, with nothing changed
        assertThat(read.status()).isEqualTo(200);
        assertThat(run.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(call("GET", "/api/solutions/" + solution, null).status()).isEqualTo(200);
    }
}
