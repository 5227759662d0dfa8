package io.yunqiao.web.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sandbox administration on the platform's main port, as someone on the network would try it: resetting the
 * sandboxes, injecting faults, reading the calls (with the vendors' signed parameters) and the stored data take
 * an administrator; the vendor-facing paths still answer the connectors without platform credentials.
 */
@MountedSandboxesTest
class SandboxAdminSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VIEWER_PASSWORD = "sandbox-viewer-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    ConnectorClient client;

    @BeforeEach
    void aViewer() {
        if (users.list().stream().noneMatch(user -> user.username().equals("sandbox-viewer"))) {
            users.create("sandbox-viewer", null, Role.VIEWER, VIEWER_PASSWORD);
        }
    }

    @AfterEach
    void noFaultsLeft() throws Exception {
        send("DELETE", "/sandbox/kingdee/_admin/faults", null, admin());
        send("DELETE", "/sandbox/jackyun/_admin/faults", null, admin());
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /sandbox/jackyun/_admin/reset",
        "POST, /sandbox/kingdee/_admin/reset",
        "GET, /sandbox/kingdee/_admin/faults",
        "POST, /sandbox/kingdee/_admin/faults",
        "DELETE, /sandbox/jackyun/_admin/faults",
        "GET, /sandbox/jackyun/_admin/calls",
        "GET, /sandbox/jackyun/_admin/customers",
        "POST, /sandbox/kingdee/_admin/bills/touch",
        "POST, /sandbox/kingdee/_admin/tokens/expire",
        "GET, /sandbox/jackyun/_admin/rate-limit"})
    void anonymousSandboxAdministrationIsRefused(String method, String path) throws Exception {
        HttpResponse<String> answer = send(method, path, "{}", null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /sandbox/jackyun/_admin/reset",
        "POST, /sandbox/kingdee/_admin/faults",
        "GET, /sandbox/jackyun/_admin/calls"})
    void aViewerMayNotAdministerTheSandboxes(String method, String path) throws Exception {
        HttpResponse<String> answer = send(method, path, "{}", RunFixtures.basic("sandbox-viewer", VIEWER_PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongAdministratorPasswordIsRefused() throws Exception {
        HttpResponse<String> answer = send("POST", "/sandbox/jackyun/_admin/reset", "",
                RunFixtures.basic("admin", "guessed-password"));

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorResetsTheSandboxes() throws Exception {
        assertThat(send("POST", "/sandbox/jackyun/_admin/reset", "", admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorInstallsListsAndClearsFaults() throws Exception {
        HttpResponse<String> installed = send("POST", "/sandbox/kingdee/_admin/faults",
                "{\"kind\":\"LATENCY\",\"count\":1,\"latencyMs\":1}", admin());
        HttpResponse<String> listed = send("GET", "/sandbox/kingdee/_admin/faults", null, admin());
        HttpResponse<String> cleared = send("DELETE", "/sandbox/kingdee/_admin/faults", null, admin());

        assertThat(installed.statusCode()).isEqualTo(200);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("LATENCY");
        assertThat(cleared.statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorReadsTheCallsReceived() throws Exception {
        HttpResponse<String> calls = send("GET", "/sandbox/jackyun/_admin/calls", null, admin());

        assertThat(calls.statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultPostedAnonymouslyNeverReachesTheSandbox() throws Exception {
        send("POST", "/sandbox/kingdee/_admin/faults", "{\"kind\":\"HTTP_500\",\"rate\":1.0}", null);

        QueryPage page = client.query(kingdee(), "jdy/pur/pur_inbound_list", Map.of(), PageRequest.first(10));

        assertThat(page.records()).hasSize(10);
    }

    @Test
    void anEncodedAdminPathIsNoWayAround() throws Exception {
        HttpResponse<String> answer = send("POST", "/sandbox/jackyun/%5Fadmin/reset", "", null);

        assertThat(answer.statusCode()).isIn(400, 401, 404);
    }

    @Test
    void theVendorPathsStillAnswerWithoutPlatformCredentials() {
        QueryPage page = client.query(kingdee(), "jdy/pur/pur_inbound_list", Map.of(), PageRequest.first(10));

        assertThat(page.records()).hasSize(10);
    }

    private Connection kingdee() {
        return new Connection("k", "演示金蝶", "kingdee-jdy", Map.of("baseUrl",
                "http://127.0.0.1:" + port + "/sandbox/kingdee", "clientId", "yunqiao-demo",
                "clientSecret", "demo-secret-v1", "username", "demo", "password", "demo-pass"));
    }

    private static String admin() {
        return RunFixtures.basic("admin", MountedSandboxesTest.ADMIN_PASSWORD);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
