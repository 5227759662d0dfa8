package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.retention.DiskUsage;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Retention over the REST API: a solution's own days saved, exported and imported like its other parts, days out of
 * range refused with the allowed range, the clean-up on demand for administrators only, and the disk used per
 * solution for everyone signed in.
 */
@SharedPlatform
class RetentionApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    Solutions solutions;

    @Autowired
    DiskUsage disk;

    private long kingdee;
    private long jackyun;

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, Object body) {
        return call("admin", SharedPlatform.ADMIN_PASSWORD, "zh-CN", method, path, body);
    }

    private Answer call(String user, String password, String language, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Accept-Language", language);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
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

    @BeforeEach
    void connections() {
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        kingdee = call("POST", "/api/connections", JSON.createObjectNode().put("name", "金蝶 " + System.nanoTime())
                .put("connectorId", "kingdee-jdy").set("values", JSON.createObjectNode()
                        .put("baseUrl", sandbox + "/kingdee").put("clientId", "yunqiao-demo")
                        .put("clientSecret", "demo-secret-v1").put("username", "demo").put("password", "demo-pass")))
                .body().path("id").asLong();
        jackyun = call("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云 " + System.nanoTime())
                .put("connectorId", "jackyun").set("values", JSON.createObjectNode()
                        .put("baseUrl", sandbox + "/jackyun/open/openapi/do").put("appKey", "100200")
                        .put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).body().path("id").asLong();
    }

    private JsonNode copySeed(String name) {
        Answer copied = call("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode().put("name", name)
                .put("sourceConnection", kingdee).put("targetConnection", jackyun));
        assertThat(copied.status()).isEqualTo(201);
        return copied.body();
    }

    private Answer saveWithRetention(JsonNode solution, ObjectNode retention, String language) {
        ObjectNode spec = (ObjectNode) solution.path("spec").deepCopy();
        spec.set("retention", retention);
        return call("admin", SharedPlatform.ADMIN_PASSWORD, language, "PUT", "/api/solutions/"
                + solution.path("id").asLong(), JSON.createObjectNode().put("comment", "保留期限").set("solution", spec));
    }

    @Test
    void aSolutionsOwnRetentionIsSavedExportedAndImportedLikeItsOtherParts() {
        // given a solution
        JsonNode solution = copySeed("保留九十天");

        // when its record logs are kept 90 days
        Answer saved = saveWithRetention(solution, JSON.createObjectNode().put("recordLogDays", 90), "zh-CN");

        // then the REST answer, the export and an import of it all carry the 90 days, and only them
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("solution").path("spec").path("retention").toString())
                .isEqualTo("{\"recordLogDays\":90}");
        String export = solutions.export(solution.path("id").asLong());
        assertThat(export.replaceAll("\\s", "")).contains("\"retention\":{\"recordLogDays\":90}");
        solutions.delete(solution.path("id").asLong());
        SolutionView imported = solutions.importJson(export);
        assertThat(imported.spec().retention()).isEqualTo(new SolutionSpec.Retention(90, null));
    }

    @Test
    void daysOutOfRangeAreRefusedOnTheirFieldWithTheAllowedRangeInTheCallersLanguage() {
        JsonNode solution = copySeed("保留零天");

        Answer chinese = saveWithRetention(solution, JSON.createObjectNode().put("recordLogDays", 0), "zh-CN");
        Answer english = saveWithRetention(solution, JSON.createObjectNode().put("contentDays", 4000), "en");

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.body().path("field").asText()).isEqualTo("retention.recordLogDays");
        assertThat(chinese.body().path("code").asText()).isEqualTo("problem.solution.retentionLogDays");
        assertThat(chinese.body().path("message").asText()).contains("1 到 3650");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().path("field").asText()).isEqualTo("retention.contentDays");
        assertThat(english.body().path("message").asText()).contains("4000", "from 1 to 3650");
    }

    @Test
    void anAdministratorCleansUpOnDemandAndOthersMayNot() {
        // given an operator and a viewer
        for (var role : new Role[] {Role.OPERATOR, Role.VIEWER}) {
            String name = "retention-" + role.name().toLowerCase(java.util.Locale.ROOT);
            if (users.list().stream().noneMatch(u -> u.username().equals(name))) {
                users.create(name, null, role, "retention-pass-1");
            }
        }

        // when each asks for a clean-up
        Answer admin = call("POST", "/api/housekeeping", null);
        Answer operator = call("retention-operator", "retention-pass-1", "zh-CN", "POST", "/api/housekeeping", null);
        Answer viewer = call("retention-viewer", "retention-pass-1", "zh-CN", "POST", "/api/housekeeping", null);

        // then only the administrator's runs, and answers what it removed
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().has("recordLogs")).isTrue();
        assertThat(admin.body().has("contents")).isTrue();
        assertThat(admin.body().has("emptyRuns")).isTrue();
        assertThat(admin.body().path("solutions").isArray()).isTrue();
        assertThat(operator.status()).isEqualTo(403);
        assertThat(viewer.status()).isEqualTo(403);
    }

    @Test
    void everyoneSignedInReadsTheDiskEachSolutionUses() {
        // given a solution that has run, and a viewer
        JsonNode solution = copySeed("占用空间");
        long id = solution.path("id").asLong();
        Answer run = call("POST", "/api/solutions/" + id + "/runs", JSON.createObjectNode().put("dryRun", false));
        assertThat(run.status()).isEqualTo(202);
        awaitEnd(run.body().path("runId").asLong());
        if (users.list().stream().noneMatch(u -> u.username().equals("retention-viewer"))) {
            users.create("retention-viewer", null, Role.VIEWER, "retention-pass-1");
        }

        // when the disk is measured and the viewer asks
        disk.refresh();
        Answer answer = call("retention-viewer", "retention-pass-1", "zh-CN", "GET", "/api/housekeeping/disk-usage",
                null);

        // then the solution's staged records, contents, logs and runs take room, and the parts add up
        assertThat(answer.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode row : answer.body().path("solutions")) {
            if (row.path("solutionId").asLong() == id) {
                mine = row;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("records").asLong()).isPositive();
        assertThat(mine.path("contents").asLong()).isPositive();
        assertThat(mine.path("logs").asLong()).isPositive();
        assertThat(mine.path("runs").asLong()).isPositive();
        assertThat(mine.path("total").asLong()).isEqualTo(mine.path("records").asLong() + mine.path("contents")
                .asLong() + mine.path("logs").asLong() + mine.path("keys").asLong() + mine.path("runs").asLong());
        assertThat(answer.body().path("measuredAt").isNull()).isFalse();
    }

    private void awaitEnd(long runId) {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            String status = call("GET", "/api/runs/" + runId, null).body().path("status").asText();
            if (!status.equals("RUNNING")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("run " + runId + " did not end");
    }
}
