package io.yunqiao.web.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.TemplateCopyRequest;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.YunqiaoApplication;
import io.yunqiao.web.engine.OutsideSandboxes;
import io.yunqiao.web.postgres.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sharing a template between installations: a template published on one running platform (H2) is exported over its
 * REST API, imported into a second running platform (PostgreSQL) over its REST API, copied there with that
 * installation's own connections, and run against the vendor sandboxes.
 */
class TemplateSharingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "share-admin-1";
    private static final String TRANSTYPE = "kingdee-pur-inbound-transtype-to-jackyun-customer";

    private static SandboxServer kingdee;
    private static SandboxServer jackyun;

    @BeforeAll
    static void sandboxes() {
        kingdee = SandboxServer.start(OutsideSandboxes.create("kingdee", Map.of("bills", "20")));
        jackyun = SandboxServer.start(OutsideSandboxes.create("jackyun", Map.of()));
    }

    @AfterAll
    static void stopSandboxes() {
        kingdee.close();
        jackyun.close();
    }

    private static ConfigurableApplicationContext platform(String name, List<String> database) {
        // command-line arguments outrank application.yml, as a test's settings must
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--yunqiao.demo.enabled=false",
                "--yunqiao.sandbox.enabled=false",
                "--spring.quartz.auto-startup=false",
                "--spring.quartz.scheduler-name=" + name,
                "--yunqiao.security.admin-password=" + PASSWORD,
                "--yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        args.addAll(database);
        return new SpringApplicationBuilder(YunqiaoApplication.class).run(args.toArray(String[]::new));
    }

    private static long[] connections(ConfigurableApplicationContext platform) {
        Connections connections = platform.getBean(Connections.class);
        long source = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", Map.of("baseUrl",
                kingdee.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo",
                "password", "demo-pass"))).id();
        long target = connections.create(new ConnectionDraft("吉客云", "jackyun", Map.of("baseUrl",
                jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        return new long[] {source, target};
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext platform, String method, String path,
            String body) throws IOException, InterruptedException {
        String port = platform.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTemplateExportedByOneInstallationImportsIntoAnotherAndRunsThere() throws Exception {
        // given installation A, where a solution with its own value map is published as a template
        String file;
        try (ConfigurableApplicationContext a = platform("share-a",
                List.of("--spring.datasource.url=jdbc:h2:mem:share-a;DB_CLOSE_DELAY=-1"))) {
            long[] ends = connections(a);
            Templates templates = a.getBean(Templates.class);
            SolutionView solution = templates.copyTemplate(TRANSTYPE, "A 店客户", ends[0], ends[1]).solution();
            a.getBean(ValueMapTables.class).put("金蝶采购业务类型", Map.of("普通采购", "A店供应商", "直运采购", "直运供应商"));
            templates.publish(solution.id(), new TemplatePublication("a-shop-customers",
                    new LocalizedText("A 店的供应商客户", "Shop A's supplier customers"),
                    new LocalizedText("A 店整理好的映射", null), "客户", List.of("金蝶云星辰", "吉客云"), List.of(),
                    null, "A 店第一版"), "admin");
            // when its file is exported over A's REST API
            HttpResponse<String> export = call(a, "GET", "/api/templates/a-shop-customers/export", null);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("a-shop-customers.template.json");
            file = export.body();
        }
        assertThat(file).doesNotContain("\"connection\"").doesNotContain("demo-secret");

        // and imported into installation B, on PostgreSQL, over B's REST API
        try (ConfigurableApplicationContext b = platform("share-b", List.of(
                "--spring.profiles.active=postgres",
                "--yunqiao.node-name=share-b",
                // the sandboxes run on loopback, which the production profile would refuse
                "--yunqiao.security.connections.refuse-private-addresses=false",
                "--spring.datasource.url=" + TestPostgres.newDatabase("share"),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password()))) {
            HttpResponse<String> imported = call(b, "POST", "/api/templates/import", file);
            // then B has the template as A published it, with A's note and version
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            JsonNode template = JSON.readTree(call(b, "GET", "/api/templates/a-shop-customers", null).body());
            assertThat(template.path("title").path("zh").asText()).isEqualTo("A 店的供应商客户");
            assertThat(template.path("runnable").asBoolean()).isTrue();
            assertThat(template.path("versions").get(0).path("note").asText()).isEqualTo("A 店第一版");
            assertThat(template.path("versions").get(0).path("origin").asText()).isEqualTo("IMPORTED");

            // and copied there with B's own connections, it runs against the sandboxes with A's value map
            long[] ends = connections(b);
            SolutionView copied = b.getBean(Templates.class).copy("a-shop-customers", null,
                    new TemplateCopyRequest("B 店客户", ends[0], ends[1], Map.of()), "admin").solution();
            assertThat(b.getBean(ValueMapTables.class).get("金蝶采购业务类型")).containsEntry("普通采购", "A店供应商");
            Run run = b.getBean(SyncEngine.class).runNow(copied.id(), RunTrigger.MANUAL, false);
            assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.getWritten()).isPositive();
            assertThat(run.getFailed()).isZero();
            assertThat(OutsideSandboxes.customers(jackyun).toString()).contains("A店供应商");
        }
    }
}
