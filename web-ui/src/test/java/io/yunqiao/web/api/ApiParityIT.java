package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.api.ApiCalls.Answer;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import io.yunqiao.web.security.UserView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the screens can do, the REST API can do, with the same roles (issue #16): users and roles, copying a
 * solution, a test alert, live and last samples, the runs of every solution with filters, the dashboard's figures;
 * every operation the button catalogue (api/ui-actions.json) names is in the OpenAPI document; unknown API paths
 * answer 404 JSON.
 */
@SharedPlatform
class ApiParityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = SharedPlatform.ADMIN_PASSWORD;
    private static final String OPERATOR = "parity-operator";
    private static final String VIEWER = "parity-viewer";
    private static final String PASSWORD = "parity-pass-1";
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    private long kingdee;
    private long jackyun;

    private Answer admin(String method, String path, Object body) {
        return ApiCalls.call(port, "admin", ADMIN_PASSWORD, method, path, body);
    }

    private Answer as(String user, String method, String path, Object body) {
        return ApiCalls.call(port, user, PASSWORD, method, path, body);
    }

    @BeforeEach
    void peopleAndConnections() {
        for (String[] person : new String[][] {{OPERATOR, Role.OPERATOR.name()}, {VIEWER, Role.VIEWER.name()}}) {
            if (users.list().stream().noneMatch(u -> u.username().equals(person[0]))) {
                users.create(person[0], null, Role.valueOf(person[1]), PASSWORD);
            }
        }
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        kingdee = connection("金蝶", JSON.createObjectNode().put("name", "金蝶").put("connectorId", "kingdee-jdy")
                .set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/kingdee")
                        .put("clientId", "yunqiao-demo").put("clientSecret", "demo-secret-v1")
                        .put("username", "demo").put("password", "demo-pass")));
        jackyun = connection("吉客云", JSON.createObjectNode().put("name", "吉客云").put("connectorId", "jackyun")
                .set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/jackyun/open/openapi/do")
                        .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")));
    }

    private long connection(String name, ObjectNode draft) {
        for (JsonNode connection : admin("GET", "/api/connections", null).body()) {
            if (connection.path("name").asText().equals(name)) {
                return connection.path("id").asLong();
            }
        }
        return admin("POST", "/api/connections", draft).body().path("id").asLong();
    }

    private long solution() {
        Answer copied = admin("POST", "/api/templates/" + SEED + "/copy", JSON.createObjectNode()
                .put("name", "对齐方案 " + NAMES.incrementAndGet() + " " + System.nanoTime())
                .put("sourceConnection", kingdee).put("targetConnection", jackyun));
        assertThat(copied.status()).as(copied.text()).isEqualTo(201);
        return copied.body().path("id").asLong();
    }

    private long userId(String username) {
        return users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().id();
    }

    // ---- the catalogue and the OpenAPI document

    @Test
    void everyOperationTheButtonCatalogueNamesIsInTheOpenApiDocument() {
        Answer docs = ApiCalls.call(port, null, null, "GET", "/api/docs", null);
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : docs.body().path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " "
                    + path.getKey()));
        }
        Set<String> named = new TreeSet<>(UiActions.operations());

        assertThat(named).isNotEmpty();
        assertThat(documented).containsAll(named);
    }

    // ---- unknown paths

    @Test
    void unknownApiPathsAnswer404JsonWhateverTheMethod() {
        for (String path : List.of("/api/users/1/nothing", "/api/docs/users", "/api/nothing/here")) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                Answer answer = admin(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");

                assertThat(answer.status()).as(method + " " + path + ": " + answer.text()).isEqualTo(404);
                assertThat(answer.body().path("code").asText()).isEqualTo("problem.limit.noSuchApi");
            }
        }
    }

    @Test
    void theApiDocumentStillAnswersBesideTheUnknownPaths() {
        Answer docs = ApiCalls.call(port, null, null, "GET", "/api/docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/users")).isTrue();
    }

    @Test
    void theSwaggerUiStillOpensBelowApiDocs() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();

        java.net.http.HttpResponse<String> page = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/docs/ui")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Answer config = ApiCalls.call(port, null, null, "GET", "/api/docs/swagger-config", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/api/docs/swagger-ui/");
        assertThat(page.body()).containsIgnoringCase("swagger").doesNotContain("auto-generated by Vaadin");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("url").asText()).isEqualTo("/api/docs");
    }

    // ---- users and roles

    @Test
    void usersAreListedForAdministratorsWithoutPasswordsOrHashes() {
        Answer list = admin("GET", "/api/users", null);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("username")).contains("admin", OPERATOR);
        assertThat(list.text()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    }

    @Test
    void operatorsAndViewersMayNotReadOrChangeUsers() {
        for (String user : List.of(OPERATOR, VIEWER)) {
            assertThat(as(user, "GET", "/api/users", null).status()).isEqualTo(403);
            assertThat(as(user, "POST", "/api/users", Map.of("username", "x-" + user, "password", PASSWORD))
                    .status()).isEqualTo(403);
            assertThat(as(user, "DELETE", "/api/users/" + userId(VIEWER), null).status()).isEqualTo(403);
        }
    }

    @Test
    void anAdministratorAddsAUserWhoCanThenSignIn() {
        String name = "parity-new-" + NAMES.incrementAndGet();

        Answer created = admin("POST", "/api/users", Map.of("username", name, "displayName", "新同事",
                "role", "OPERATOR", "password", "first-pass-1"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("role").asText()).isEqualTo("OPERATOR");
        assertThat(created.text()).doesNotContainIgnoringCase("password");
        assertThat(ApiCalls.call(port, name, "first-pass-1", "GET", "/api/solutions", null).status()).isEqualTo(200);
    }

    @Test
    void changingTheRoleChangesWhatTheUserMayDo() {
        String name = "parity-role-" + NAMES.incrementAndGet();
        long id = admin("POST", "/api/users", Map.of("username", name, "role", "OPERATOR", "password",
                PASSWORD)).body().path("id").asLong();
        long solution = solution();

        Answer changed = admin("PUT", "/api/users/" + id, Map.of("role", "VIEWER"));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().path("role").asText()).isEqualTo("VIEWER");
        assertThat(changed.body().path("enabled").asBoolean()).isTrue();
        assertThat(as(name, "POST", "/api/solutions/" + solution + "/enabled?value=false", null).status())
                .isEqualTo(403);
    }

    @Test
    void aDisabledUserCannotSignIn() {
        String name = "parity-off-" + NAMES.incrementAndGet();
        long id = admin("POST", "/api/users", Map.of("username", name, "password", PASSWORD)).body().path("id")
                .asLong();

        assertThat(admin("PUT", "/api/users/" + id, Map.of("enabled", false)).body().path("enabled").asBoolean())
                .isFalse();

        assertThat(as(name, "GET", "/api/solutions", null).status()).isEqualTo(401);
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        String name = "parity-pw-" + NAMES.incrementAndGet();
        long id = admin("POST", "/api/users", Map.of("username", name, "password", PASSWORD)).body().path("id")
                .asLong();

        Answer reset = admin("PUT", "/api/users/" + id + "/password", Map.of("password", "second-pass-2"));

        assertThat(reset.status()).as(reset.text()).isEqualTo(204);
        assertThat(ApiCalls.call(port, name, "second-pass-2", "GET", "/api/solutions", null).status())
                .isEqualTo(200);
        assertThat(as(name, "GET", "/api/solutions", null).status()).isEqualTo(401);
    }

    @Test
    void aDeletedUserIsGone() {
        String name = "parity-gone-" + NAMES.incrementAndGet();
        long id = admin("POST", "/api/users", Map.of("username", name, "password", PASSWORD)).body().path("id")
                .asLong();

        assertThat(admin("DELETE", "/api/users/" + id, null).status()).isEqualTo(204);

        Answer gone = admin("GET", "/api/users/" + id, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().path("code").asText()).isEqualTo("problem.user.notFound");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemotedDisabledOrDeleted() {
        // other classes may have left administrators: switched off for this test, back on after it
        List<UserView> others = new ArrayList<>(users.list().stream().filter(u -> u.role() == Role.ADMIN
                && u.enabled() && !u.username().equals("admin")).toList());
        others.forEach(u -> users.change(u.id(), u.displayName(), u.role(), false));
        try {
            long admin = userId("admin");
            for (Answer refused : List.of(admin("PUT", "/api/users/" + admin, Map.of("role", "OPERATOR")),
                    admin("PUT", "/api/users/" + admin, Map.of("enabled", false)),
                    admin("DELETE", "/api/users/" + admin, null))) {
                assertThat(refused.status()).as(refused.text()).isEqualTo(409);
                assertThat(refused.body().path("code").asText()).isEqualTo("problem.user.lastAdmin");
            }
            assertThat(users.get(admin).role()).isEqualTo(Role.ADMIN);
        } finally {
            others.forEach(u -> users.change(u.id(), u.displayName(), u.role(), true));
        }
    }

    @Test
    void badUserInputIsRefusedWithCodesNamingTheField() {
        Answer shortPassword = admin("POST", "/api/users", Map.of("username", "parity-short", "password", "abc"));
        Answer longPassword = admin("POST", "/api/users", Map.of("username", "parity-long", "password",
                "密".repeat(30)));
        Answer badName = admin("POST", "/api/users", Map.of("username", "有 空格", "password", PASSWORD));
        Answer badRole = admin("POST", "/api/users", Map.of("username", "parity-role-x", "role", "GOD",
                "password", PASSWORD));

        assertThat(shortPassword.body().path("code").asText()).isEqualTo("problem.user.passwordTooShort");
        assertThat(longPassword.body().path("code").asText()).isEqualTo("problem.user.passwordTooLong");
        assertThat(longPassword.body().path("field").asText()).isEqualTo("password");
        assertThat(badName.body().path("code").asText()).isEqualTo("problem.user.nameInvalid");
        assertThat(badRole.status()).as(badRole.text()).isEqualTo(400);
        assertThat(badRole.body().path("code").asText()).startsWith("problem.");
        assertThat(List.of(shortPassword, longPassword, badName).stream().map(Answer::status)).containsOnly(400);
    }

    // ---- solutions: copy, test alert, samples

    @Test
    void anAdministratorCopiesASolutionWithItsScheduleOff() {
        long original = solution();

        Answer copy = admin("POST", "/api/solutions/" + original + "/copy", Map.of("name", "副本 " + original));

        assertThat(copy.status()).as(copy.text()).isEqualTo(201);
        assertThat(copy.body().path("id").asLong()).isNotEqualTo(original);
        assertThat(copy.body().path("name").asText()).isEqualTo("副本 " + original);
        assertThat(copy.body().path("spec").path("schedule").path("enabled").asBoolean()).isFalse();
        assertThat(admin("GET", "/api/solutions/" + original + "/versions", null).status()).isEqualTo(200);
    }

    @Test
    void copyingNeedsANameAndAnAdministrator() {
        long original = solution();

        Answer unnamed = admin("POST", "/api/solutions/" + original + "/copy", Map.of("name", " "));

        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body().path("code").asText()).isEqualTo("problem.solution.copyNameRequired");
        assertThat(as(OPERATOR, "POST", "/api/solutions/" + original + "/copy", Map.of("name", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void aTestAlertWithoutAnyChannelIsRefusedWithACode() {
        long solution = solution();

        Answer refused = admin("POST", "/api/solutions/" + solution + "/alerts/test", null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.alert.testNoChannel");
    }

    @Test
    void aTestAlertReportsEachChannelsDelivery() {
        long solution = solution();
        ObjectNode alerts = JSON.createObjectNode().put("onFailure", true).put("failedRecordsAbove", 0)
                .put("webhook", "http://127.0.0.1:" + port + "/api/no-such-robot/send");

        Answer tried = admin("POST", "/api/solutions/" + solution + "/alerts/test", alerts);

        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        assertThat(tried.body()).hasSize(1);
        assertThat(tried.body().get(0).path("channel").asText()).isEqualTo("webhook");
        assertThat(tried.body().get(0).path("delivered").asBoolean()).isFalse();
        // in the reader's words (Chinese by default), never a Java class name
        assertThat(tried.body().get(0).path("detail").asText()).contains("对方拒绝了这条通知")
                .doesNotContain("Exception");
    }

    @Test
    void onlyAdministratorsSendTestAlertsOrFetchLiveSamples() {
        long solution = solution();

        assertThat(as(OPERATOR, "POST", "/api/solutions/" + solution + "/alerts/test", null).status())
                .isEqualTo(403);
        assertThat(as(OPERATOR, "POST", "/api/solutions/" + solution + "/sample", null).status()).isEqualTo(403);
        assertThat(as(VIEWER, "POST", "/api/solutions/" + solution + "/sample", null).status()).isEqualTo(403);
    }

    @Test
    void aLiveSampleFetchesAtMostTheAskedNumberOfRecordsFromTheSource() {
        long solution = solution();

        Answer sample = admin("POST", "/api/solutions/" + solution + "/sample?limit=3", null);

        assertThat(sample.status()).as(sample.text()).isEqualTo(200);
        assertThat(sample.body().path("records").size()).isEqualTo(sample.body().path("count").asInt())
                .isBetween(0, 3);
    }

    @Test
    void aLiveSampleSizeOutsideItsLimitIsRefused() {
        long solution = solution();

        Answer refused = admin("POST", "/api/solutions/" + solution + "/sample?limit=51", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.sample.limit");
        assertThat(refused.body().path("field").asText()).isEqualTo("limit");
    }

    @Test
    void theLastStagedSampleOfASolutionThatNeverRanIsNotFound() {
        long solution = solution();

        Answer none = as(VIEWER, "GET", "/api/solutions/" + solution + "/sample/last", null);

        assertThat(none.status()).as(none.text()).isEqualTo(404);
        assertThat(none.body().path("code").asText()).isEqualTo("problem.sample.noneStaged");
    }

    // ---- runs and dashboard

    private long finishedDryRun(long solution) {
        long runId = admin("POST", "/api/solutions/" + solution + "/runs", "{\"dryRun\":true}").body()
                .path("runId").asLong();
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode run;
        do {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            run = admin("GET", "/api/runs/" + runId, null).body();
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        return runId;
    }

    @Test
    void theRunsOfEverySolutionAreFilteredAndPaged() {
        long solution = solution();
        long runId = finishedDryRun(solution);

        Answer mine = as(VIEWER, "GET", "/api/runs?solution=" + solution + "&trigger=MANUAL&dryRun=true&size=10",
                null);
        Answer scheduled = as(VIEWER, "GET", "/api/runs?solution=" + solution + "&trigger=SCHEDULE", null);
        Answer later = as(VIEWER, "GET", "/api/runs?solution=" + solution + "&from=" + Instant.now()
                .plusSeconds(3600), null);

        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.body().path("total").asLong()).isEqualTo(1);
        assertThat(mine.body().path("runs").get(0).path("id").asLong()).isEqualTo(runId);
        assertThat(mine.body().path("size").asInt()).isEqualTo(10);
        assertThat(scheduled.body().path("total").asLong()).isZero();
        assertThat(later.body().path("total").asLong()).isZero();
    }

    @Test
    void runFiltersOutsideTheirLimitsAreRefusedWithCodes() {
        Instant now = Instant.now();

        Answer reversed = admin("GET", "/api/runs?from=" + now + "&to=" + now.minusSeconds(60), null);
        Answer huge = admin("GET", "/api/runs?size=100000", null);
        Answer status = admin("GET", "/api/runs?status=NOPE", null);

        assertThat(reversed.body().path("code").asText()).isEqualTo("problem.run.rangeReversed");
        assertThat(huge.body().path("code").asText()).isEqualTo("problem.limit.pageSize");
        assertThat(status.body().path("code").asText()).isEqualTo("problem.limit.parameter");
        assertThat(List.of(reversed, huge, status).stream().map(Answer::status)).containsOnly(400);
    }

    @Test
    void theDashboardGivesTheScreensFiguresToViewers() {
        long solution = solution();
        finishedDryRun(solution);

        Answer dashboard = as(VIEWER, "GET", "/api/dashboard", null);

        assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
        assertThat(dashboard.body().path("hourly")).hasSize(24);
        assertThat(dashboard.body().path("writtenToday").isNumber()).isTrue();
        assertThat(dashboard.body().path("openFailures").isNumber()).isTrue();
        JsonNode line = null;
        for (JsonNode each : dashboard.body().path("solutions")) {
            if (each.path("id").asLong() == solution) {
                line = each;
            }
        }
        assertThat(line).as(dashboard.text()).isNotNull();
        assertThat(line.path("lastRun").path("status").asText()).isNotEmpty();
    }
}
