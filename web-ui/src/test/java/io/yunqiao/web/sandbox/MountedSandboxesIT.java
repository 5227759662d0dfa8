package io.yunqiao.web.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.web.runs.RunFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default mounts both sandboxes in the platform, with the credentials documented in application.yml,
 * and the connectors work against them through the platform's own port.
 */
@MountedSandboxesTest
class MountedSandboxesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ConnectorClient client;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static HttpRequest asAdmin(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", RunFixtures.basic("admin",
                MountedSandboxesTest.ADMIN_PASSWORD)).build();
    }

    @Test
    void kingdeeV1IsServedUnderSandboxKingdee() {
        Connection kingdee = new Connection("k", "演示金蝶", "kingdee-jdy", Map.of("baseUrl", base() + "/sandbox/kingdee",
                "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo",
                "password", "demo-pass"));
        QueryPage page = client.query(kingdee, "jdy/pur/pur_inbound_list", Map.of(), PageRequest.first(100));
        assertThat(page.records()).hasSize(100);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void sandboxSettingsAreTakenFromTheConfiguration() throws Exception {
        HttpResponse<String> summary = HTTP.send(asAdmin(base() + "/sandbox/kingdee/_admin/bills"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(summary.body()).path("bills").asInt()).isEqualTo(1234);
    }

    @Test
    void kingdeeV2SignaturesHoldThroughTheMountPoint() {
        Connection kingdee = new Connection("k2", "演示金蝶V2", "kingdee-jdy-v2", Map.of(
                "baseUrl", base() + "/sandbox/kingdee", "clientId", "yunqiao-v2-demo", "clientSecret", "demo-secret-v2",
                "appKey", "demo-app-key", "appSecret", "demo-app-secret"));
        String operation = client.registry().definition("kingdee-jdy-v2").operations().get(0).id();
        QueryPage page = client.query(kingdee, operation, Map.of(), PageRequest.first(10));
        assertThat(page.records()).hasSize(10);
    }

    @Test
    void jackyunIsServedUnderSandboxJackyunAndListsWhatWasWritten() throws Exception {
        Connection jackyun = new Connection("j", "演示吉客云", "jackyun", Map.of(
                "baseUrl", base() + "/sandbox/jackyun/open/openapi/do", "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
        ExecuteResult added = client.execute(jackyun, "crm.customer.add", JSON.createObjectNode()
                .put("customerCode", "C-MOUNT-1").put("nickname", "挂载测试供应商"));
        assertThat(added.success()).as(added.message()).isTrue();

        HttpResponse<String> customers = HTTP.send(asAdmin(base() + "/sandbox/jackyun/_admin/customers"),
                HttpResponse.BodyHandlers.ofString());
        JsonNode listed = JSON.readTree(customers.body());
        assertThat(listed.toString()).contains("C-MOUNT-1").contains("挂载测试供应商");
    }

    @Test
    void theStartPageLeadsToTheLoginPage() throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.body()).contains("<html");
    }
}
