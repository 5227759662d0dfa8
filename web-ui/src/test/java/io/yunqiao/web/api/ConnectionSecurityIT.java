package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Attacks on connection secrets over the REST API: pointing a saved connection elsewhere to have its stored secrets
 * sent there, addresses that are no web addresses, hosts off the allow-list or on the private network (on save and
 * when sending), and reading signatures from record logs. The platform here refuses private addresses and allows only
 * a few hosts, as production may; its own mounted sandboxes stay allowed. The "attacker" is a second server on
 * loopback that counts the requests it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:connection-security;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "yunqiao.sandbox.enabled=true",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=connection-security",
    "yunqiao.security.admin-password=" + ConnectionSecurityIT.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "yunqiao.security.connections.refuse-private-addresses=true",
    "yunqiao.security.connections.allowed-hosts=127.0.0.1,localhost,*.allowed.test"})
@DirtiesContext
class ConnectionSecurityIT {

    static final String ADMIN_PASSWORD = "security-admin-1";
    private static final String OPERATOR = "operator";
    private static final String VIEWER = "viewer";
    private static final String PASSWORD = "security-user-1";
    private static final String JACKYUN_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    private HttpServer attacker;
    private final AtomicInteger attackerRequests = new AtomicInteger();
    private long kingdee;
    private long jackyun;

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String user, String password, String method, String path, Object body) {
        return call(user, password, method, path, body, null);
    }

    private Answer call(String user, String password, String method, String path, Object body, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)));
            if (language != null) {
                request.header("Accept-Language", language);
            }
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

    private Answer admin(String method, String path, Object body) {
        return call("admin", ADMIN_PASSWORD, method, path, body);
    }

    private Answer operator(String method, String path) {
        return call(OPERATOR, PASSWORD, method, path, null);
    }

    private String sandbox() {
        return "http://127.0.0.1:" + port + "/sandbox";
    }

    private String attackerUrl() {
        return "http://127.0.0.1:" + attacker.getAddress().getPort();
    }

    private static ObjectNode connection(String name, String connectorId, ObjectNode values) {
        ObjectNode draft = JSON.createObjectNode().put("name", name).put("connectorId", connectorId);
        draft.set("values", values);
        return draft;
    }

    private static ObjectNode kingdeeValues(String baseUrl) {
        return JSON.createObjectNode().put("baseUrl", baseUrl).put("clientId", "yunqiao-demo")
                .put("username", "demo");
    }

    private static ObjectNode jackyunValues(String baseUrl) {
        return JSON.createObjectNode().put("baseUrl", baseUrl).put("appKey", "100200");
    }

    @BeforeEach
    void sandboxConnectionsUsersAndAnAttacker() throws IOException {
        for (String user : List.of(OPERATOR, VIEWER)) {
            if (users.list().stream().noneMatch(u -> u.username().equals(user))) {
                users.create(user, null, user.equals(OPERATOR) ? Role.OPERATOR : Role.VIEWER, PASSWORD);
            }
        }
        solutions.list().forEach(s -> solutions.delete(s.id()));
        for (JsonNode existing : admin("GET", "/api/connections", null).body()) {
            admin("DELETE", "/api/connections/" + existing.path("id").asLong(), null);
        }
        kingdee = admin("POST", "/api/connections", connection("金蝶", "kingdee-jdy",
                kingdeeValues(sandbox() + "/kingdee").put("clientSecret", "demo-secret-v1")
                        .put("password", "demo-pass"))).body().path("id").asLong();
        jackyun = admin("POST", "/api/connections", connection("吉客云", "jackyun",
                jackyunValues(sandbox() + "/jackyun/open/openapi/do").put("appSecret", JACKYUN_SECRET))).body()
                .path("id").asLong();
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            attackerRequests.incrementAndGet();
            byte[] answer = "{\"errcode\":0,\"code\":0,\"data\":{\"access_token\":\"x\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        attacker.start();
    }

    @AfterEach
    void stopAttacker() {
        attacker.stop(0);
    }

    private JsonNode stored(long id) {
        return admin("GET", "/api/connections/" + id, null).body();
    }

    // --- secrets bound to their destination

    @Test
    void changingTheAddressWithoutReenteringTheSecretsIsRefusedAndNothingChanges() {
        // given a saved Jackyun connection; when its address changes and the secret is left out (or masked)
        String elsewhere = "http://localhost:" + port + "/sandbox/jackyun/open/openapi/do";
        Answer leftOut = admin("PUT", "/api/connections/" + jackyun, connection("吉客云（改）", "jackyun",
                jackyunValues(elsewhere)));
        Answer masked = admin("PUT", "/api/connections/" + jackyun, connection("吉客云（改）", "jackyun",
                jackyunValues(elsewhere).put("appSecret", "******")));

        // then both are refused, naming the secret to type again, and the connection is as it was
        for (Answer refused : List.of(leftOut, masked)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("code").asText()).isEqualTo("problem.connection.secretsRequired");
            assertThat(refused.body().path("field").asText()).isEqualTo("values.appSecret");
            assertThat(refused.body().path("message").asText()).contains("baseUrl").contains("appSecret");
        }
        JsonNode after = stored(jackyun);
        assertThat(after.path("name").asText()).isEqualTo("吉客云");
        assertThat(after.path("values").path("baseUrl").asText()).isEqualTo(sandbox() + "/jackyun/open/openapi/do");
        assertThat(operator("POST", "/api/connections/" + jackyun + "/test").body().path("ok").asBoolean())
                .isTrue();
    }

    @Test
    void changingTheAddressWithEverySecretReenteredIsAccepted() {
        // when the address changes and the secret is typed again
        String elsewhere = "http://localhost:" + port + "/sandbox/jackyun/open/openapi/do";
        Answer changed = admin("PUT", "/api/connections/" + jackyun, connection("吉客云", "jackyun",
                jackyunValues(elsewhere).put("appSecret", JACKYUN_SECRET)));

        // then it is stored, and works
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(stored(jackyun).path("values").path("baseUrl").asText()).isEqualTo(elsewhere);
        assertThat(operator("POST", "/api/connections/" + jackyun + "/test").body().path("ok").asBoolean())
                .isTrue();
    }

    @Test
    void otherChangesKeepTheStoredSecretsAsBefore() {
        // when only the name changes, the secrets left out
        Answer renamed = admin("PUT", "/api/connections/" + kingdee, connection("金蝶（改名）", "kingdee-jdy",
                kingdeeValues(sandbox() + "/kingdee")));

        // then that is accepted, and the stored secrets still log in, through the definition's check operation
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        JsonNode test = operator("POST", "/api/connections/" + kingdee + "/test").body();
        assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.path("operation").asText()).isEqualTo("jdy/pur/pur_inbound_list");
    }

    @Test
    void aConnectionTestAfterAnAttemptedRedirectNeverReachesTheAttacker() {
        // given an administrator who points the Kingdee connection at another server, keeping the stored secrets
        admin("PUT", "/api/connections/" + kingdee, connection("金蝶", "kingdee-jdy",
                kingdeeValues(attackerUrl())));

        // when an operator tests the connection
        Answer test = operator("POST", "/api/connections/" + kingdee + "/test");

        // then client_secret and password went nowhere but the stored destination
        assertThat(attackerRequests.get()).isZero();
        assertThat(test.body().path("ok").asBoolean()).as(test.body().toString()).isTrue();
        assertThat(stored(kingdee).path("values").path("baseUrl").asText()).isEqualTo(sandbox() + "/kingdee");
    }

    // --- only web addresses

    @Test
    void addressesThatAreNotHttpOrHttpsWithAHostAreRefusedSayingHowToFixThem() {
        record Case(String url, String code) {
        }
        for (Case bad : List.of(new Case("file:///etc/passwd", "problem.connection.urlScheme"),
                new Case("javascript:alert(1)", "problem.connection.urlScheme"),
                new Case("api.allowed.test/open/openapi/do", "problem.connection.urlNoScheme"),
                new Case("http:///open/openapi/do", "problem.connection.urlNoHost"),
                new Case("https://user:secret@api.allowed.test/", "problem.connection.urlUserInfo"))) {
            Answer refused = admin("POST", "/api/connections", connection("坏地址", "jackyun",
                    jackyunValues(bad.url()).put("appSecret", JACKYUN_SECRET)));

            assertThat(refused.status()).as(bad.url()).isEqualTo(400);
            assertThat(refused.body().path("code").asText()).as(bad.url()).isEqualTo(bad.code());
            assertThat(refused.body().path("field").asText()).isEqualTo("values.baseUrl");
            assertThat(refused.body().path("message").asText()).contains("https://").doesNotContain("secret@");
        }
        assertThat(admin("GET", "/api/connections", null).body()).hasSize(2);
    }

    // --- allow-list and private addresses, on save

    @Test
    void aHostOffTheAllowListIsRefusedNamingTheList() {
        Answer refused = admin("POST", "/api/connections", connection("外部", "jackyun",
                jackyunValues("https://evil.example.org/open/openapi/do").put("appSecret", JACKYUN_SECRET)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.connection.hostNotAllowed");
        assertThat(refused.body().path("message").asText()).contains("evil.example.org").contains("*.allowed.test");
    }

    @Test
    void aPrivateOrLoopbackAddressIsRefusedEvenWithTheSecretsReentered() {
        for (String url : List.of(attackerUrl(), "http://localhost:" + attacker.getAddress().getPort())) {
            Answer refused = admin("PUT", "/api/connections/" + kingdee, connection("金蝶", "kingdee-jdy",
                    kingdeeValues(url).put("clientSecret", "demo-secret-v1").put("password", "demo-pass")));

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.body().path("code").asText()).isEqualTo("problem.connection.privateAddress");
        }
        assertThat(stored(kingdee).path("values").path("baseUrl").asText()).isEqualTo(sandbox() + "/kingdee");
        assertThat(attackerRequests.get()).isZero();
    }

    @Test
    void loopbackPathsOutsideTheMountedSandboxesAreNotThePlatformsOwn() {
        Answer api = admin("POST", "/api/connections", connection("本机接口", "jackyun",
                jackyunValues("http://127.0.0.1:" + port + "/api/connections").put("appSecret", JACKYUN_SECRET)));
        Answer dotted = admin("POST", "/api/connections", connection("本机接口", "jackyun",
                jackyunValues(sandbox() + "/jackyun/../../api/connections").put("appSecret", JACKYUN_SECRET)));

        assertThat(api.body().path("code").asText()).isEqualTo("problem.connection.privateAddress");
        assertThat(dotted.body().path("code").asText()).isEqualTo("problem.connection.privateAddress");
    }

    // --- and again when sending

    /** A stored address changed behind the platform's back (e.g. saved before these rules were switched on). */
    private void storeAddressDirectly(long id, String baseUrl) {
        JsonNode values = stored(id).path("values");
        ObjectNode plain = JSON.createObjectNode();
        values.properties().forEach(e -> {
            if (!e.getValue().asText().equals("******")) {
                plain.put(e.getKey(), e.getValue().asText());
            }
        });
        plain.put("baseUrl", baseUrl);
        jdbc.update("update yq_connection set plain_values = ? where id = ?", plain.toString(), id);
    }

    @Test
    void aStoredNameThatResolvesToALoopbackAddressIsRefusedWhenSending() {
        // given a stored Kingdee address whose host name resolves to loopback when the test runs
        storeAddressDirectly(kingdee, "http://localhost:" + attacker.getAddress().getPort());

        // when an operator tests it
        Answer test = operator("POST", "/api/connections/" + kingdee + "/test");

        // then nothing is sent: the test fails, saying why in the request's language (Chinese without Accept-Language)
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body().path("ok").asBoolean()).isFalse();
        assertThat(test.body().path("message").asText()).contains("请求没有发出").contains("127.0.0.1");
        assertThat(attackerRequests.get()).isZero();
    }

    @Test
    void aStoredHostOffTheAllowListIsRefusedWhenSending() {
        storeAddressDirectly(jackyun, "https://evil.example.org/open/openapi/do");

        Answer test = operator("POST", "/api/connections/" + jackyun + "/test");

        assertThat(test.body().path("ok").asBoolean()).isFalse();
        assertThat(test.body().path("message").asText()).contains("evil.example.org").contains("allowed");
    }

    @Test
    void aStoredAddressWithABadSchemeIsRefusedWhenSending() {
        storeAddressDirectly(jackyun, "file:///etc/passwd");

        Answer test = operator("POST", "/api/connections/" + jackyun + "/test");

        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body().path("ok").asBoolean()).isFalse();
        assertThat(test.body().path("message").asText()).contains("只允许 http:// 或 https://");
        // and in English for a reader who asks for it
        Answer english = call(OPERATOR, PASSWORD, "POST", "/api/connections/" + jackyun + "/test", null, "en");
        assertThat(english.body().path("message").asText()).contains("only http:// and https://")
                .contains("data refused");
    }

    // --- record logs

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    @Test
    void aViewerReadingRecordLogsSeesNoSignatureOnlyTheMask() {
        // given a real run of the seed solution from the Kingdee sandbox into the Jackyun sandbox
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "种子方案", kingdee,
                jackyun);
        SolutionSpec spec = copied.spec();
        solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(), spec.source(),
                new SolutionSpec.Window("P31D", 300, 744), spec.target(), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "whole data set");
        Run run = engine.runNow(copied.id(), RunTrigger.MANUAL, false);
        assertThat(run.getWritten() + run.getFailed()).as(run.getError()).isPositive();

        // when a viewer reads its record log over the REST API
        Answer logs = call(VIEWER, PASSWORD, "GET", "/api/runs/" + run.getId() + "/records?size=1000", null);

        // then every request sent to the gateway shows its sign as the mask, and no signature (32 hex digits) is
        // readable anywhere (records skipped by dedupe log only the mapped body)
        assertThat(logs.status()).isEqualTo(200);
        int sent = 0;
        for (JsonNode log : logs.body()) {
            JsonNode request = log.path("request").isTextual() ? readJson(log.path("request").asText()) : null;
            if (request != null && request.has("bizcontent")) {
                sent++;
                assertThat(request.path("sign").asText()).isEqualTo("******");
                assertThat(request.path("appkey").asText()).isEqualTo("100200");
            }
        }
        assertThat(sent).isPositive();
        assertThat(MD5_HEX.matcher(logs.body().toString()).find()).as(logs.body().toString()).isFalse();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
