package io.yunqiao.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What a load balancer and Prometheus see: liveness and readiness (database and Quartz included) without
 * credentials, metrics only for signed-in users, and among them Yunqiao's own: records, runs, backlog, connector
 * calls and rate-limit waits, each labelled with the node; the series a dashboard needs exist from the start at 0
 * with their HELP text; {@code /actuator/info} tells version, commit and node; the health details list the nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:health-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.scheduler-name=health-it",
    "yunqiao.security.admin-password=health-admin-1",
    "yunqiao.metrics.backlog-refresh-millis=100",
    "yunqiao.node-name=" + HealthAndMetricsIT.NODE,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
// Spring Boot's tests switch metrics export off unless asked: this test is about the export.
@AutoConfigureObservability
@DirtiesContext
class HealthAndMetricsIT {

    static final String NODE = "health-node";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    SyncEngine engine;

    /**
     * The seed solution between the mounted sandboxes, with a rate limit on the target connection; its customer
     * codes start with {@code prefix}, so that the tests' solutions write different customers.
     */
    private long seedSolution(String name, String prefix, double perSecond) {
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        long kingdee = connections.create(new ConnectionDraft("金蝶 " + name, "kingdee-jdy", Map.of("baseUrl",
                sandbox + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft("吉客云 " + name, "jackyun", Map.of("baseUrl",
                sandbox + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", name, kingdee, jackyun);
        SolutionSpec spec = copied.spec();
        return solutions.update(copied.id(), new SolutionSpec(spec.name(), null, spec.source(), spec.window(),
                spec.target().withMapping("{ \"customerCode\": \"" + prefix + "-\" & supplierid_number,"
                        + " \"nickname\": supplierid_name }"), new SolutionSpec.Dedupe("customerCode"),
                new SolutionSpec.RateLimit(perSecond), spec.retry(), spec.schedule(), spec.alerts()), "metrics").id();
    }

    private HttpResponse<String> get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (signedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:health-admin-1"
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessAnswersUpWithoutCredentials() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", false);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessCoversTheDatabaseAndTheRunningScheduler() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", true);

        JsonNode body = JSON.readTree(readiness.body());
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("scheduler").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("scheduler").path("details").path("clustered").asBoolean())
                .isTrue();
    }

    @Test
    void metricsNeedASignedInUser() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", false);
        HttpResponse<String> admin = get("/actuator/prometheus", true);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void aRunShowsInYunqiaosOwnMetrics() throws Exception {
        // given a solution with a rate limit on its target
        long solution = seedSolution("指标方案", "M", 50);

        // when it runs
        Run run = engine.runNow(solution, RunTrigger.MANUAL, false);

        // then its records, its duration, the connector calls and the rate-limit waits are published
        assertThat(run.getWritten()).isPositive();
        String metrics = get("/actuator/prometheus", true).body();
        assertThat(metrics)
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"fetched\",solution=\"指标方案\"} "
                        + run.getFetched() + ".0")
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"written\",solution=\"指标方案\"} "
                        + run.getWritten() + ".0")
                .contains("yunqiao_runs_seconds_count{dry_run=\"false\",node=\"health-node\",solution=\"指标方案\","
                        + "status=\"success\",trigger=\"manual\"} 1")
                .contains("yunqiao_connector_calls_seconds_count{connector=\"jackyun\",node=\"health-node\","
                        + "operation=\"crm.customer.add\",outcome=\"success\"}")
                .contains("yunqiao_connector_calls_seconds_count{connector=\"kingdee-jdy\",node=\"health-node\","
                        + "operation=\"jdy/pur/pur_inbound_list\",outcome=\"success\"}")
                .contains("yunqiao_ratelimit_waits_seconds_count{connection=\"吉客云 指标方案\",node=\"health-node\"} "
                        + run.getWritten());
    }

    @Test
    void theBacklogOfARunningSolutionIsPublished() throws Exception {
        // given a slow target, so that records wait to be written
        long solution = seedSolution("积压方案", "B", 5);

        // when the solution runs
        engine.start(solution, RunTrigger.MANUAL, false);

        // then its backlog shows while it writes
        Instant deadline = Instant.now().plusSeconds(30);
        String metrics;
        while (!(metrics = get("/actuator/prometheus", true).body())
                .contains("yunqiao_backlog_records{node=\"health-node\",solution=\"积压方案\",status=\"pending\"}")) {
            assertThat(Instant.now()).as("the backlog metric within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(metrics).contains("# TYPE yunqiao_backlog_records gauge");
    }

    @Test
    void aSolutionThatNeverRanHasItsSeriesAtZeroWithHelpText() throws Exception {
        // given a solution that has not run, and no alert sent yet
        seedSolution("零值方案", "Z", 50);

        // when Prometheus scrapes (the backlog is read from the database every 100 ms here)
        String zeroBacklog = "yunqiao_backlog_records{node=\"health-node\",solution=\"零值方案\",status=\"pending\"} 0.0";
        Instant deadline = Instant.now().plusSeconds(30);
        String metrics;
        while (!(metrics = get("/actuator/prometheus", true).body()).contains(zeroBacklog)) {
            assertThat(Instant.now()).as("the backlog at 0 within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }

        // then its backlog, its record counters and the alert counters are there at 0, each with its HELP text
        assertThat(metrics)
                .contains("yunqiao_backlog_records{node=\"health-node\",solution=\"零值方案\",status=\"processing\"} 0.0")
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"fetched\",solution=\"零值方案\"} 0.0")
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"written\",solution=\"零值方案\"} 0.0")
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"skipped\",solution=\"零值方案\"} 0.0")
                .contains("yunqiao_records_total{node=\"health-node\",outcome=\"failed\",solution=\"零值方案\"} 0.0")
                .contains("yunqiao_alerts_total{channel=\"email\",node=\"health-node\",outcome=\"sent\"} 0.0")
                .contains("yunqiao_alerts_total{channel=\"email\",node=\"health-node\",outcome=\"failed\"} 0.0")
                .contains("yunqiao_alerts_total{channel=\"webhook\",node=\"health-node\",outcome=\"sent\"} 0.0")
                .contains("yunqiao_alerts_total{channel=\"webhook\",node=\"health-node\",outcome=\"failed\"} 0.0")
                .contains("# HELP yunqiao_backlog_records records waiting to be written")
                .contains("# HELP yunqiao_records_total records by solution and outcome")
                .contains("# HELP yunqiao_alerts_total alert notifications by channel and outcome");
        // and so are the series its scheduled runs, its two operations and its target's rate limit will use
        for (String status : List.of("success", "partial", "failed", "interrupted")) {
            assertThat(metrics).contains("yunqiao_runs_seconds_count{dry_run=\"false\",node=\"health-node\","
                    + "solution=\"零值方案\",status=\"" + status + "\",trigger=\"schedule\"} 0");
        }
        assertThat(metrics)
                .contains("yunqiao_connector_calls_seconds_count{connector=\"kingdee-jdy\",node=\"health-node\","
                        + "operation=\"jdy/pur/pur_inbound_list\",outcome=\"success\"}")
                .contains("yunqiao_connector_calls_seconds_count{connector=\"jackyun\",node=\"health-node\","
                        + "operation=\"crm.customer.add\",outcome=\"success\"}")
                .contains("yunqiao_ratelimit_waits_seconds_count{connection=\"吉客云 零值方案\",node=\"health-node\"} 0")
                .contains("# HELP yunqiao_runs_seconds runs by solution, status and trigger")
                .contains("# HELP yunqiao_connector_calls_seconds HTTP calls to connected systems")
                .contains("# HELP yunqiao_ratelimit_waits_seconds waits for the rate limit");
        // and every Yunqiao series names this node
        assertThat(metrics.lines().filter(line -> line.startsWith("yunqiao_")))
                .isNotEmpty().allMatch(line -> line.contains("node=\"health-node\""));
        // and every Yunqiao metric has its HELP text
        String scraped = metrics;
        scraped.lines().filter(line -> line.startsWith("# TYPE yunqiao_")).map(line -> line.split(" ")[2])
                .forEach(metric -> assertThat(scraped).as(metric).containsPattern("# HELP " + metric + " \\S"));
    }

    @Test
    void infoTellsTheVersionTheCommitAndTheNodeToSignedInUsers() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/info", false);
        HttpResponse<String> admin = get("/actuator/info", true);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        JsonNode info = JSON.readTree(admin.body());
        assertThat(info.path("build").path("version").asText()).isNotBlank();
        // built from a clone: the commit read by git at build time
        assertThat(info.path("git").path("commit").path("id").asText()).matches("[0-9a-f]{7,40}");
        assertThat(info.path("node").path("name").asText()).isEqualTo(NODE);
        assertThat(info.path("node").path("instance").asText()).matches(NODE + "-\\d{13}");
    }

    @Test
    void theHealthDetailsListTheClusterNodesWithTheirNames() throws Exception {
        HttpResponse<String> health = get("/actuator/health", true);

        JsonNode scheduler = JSON.readTree(health.body()).path("components").path("scheduler").path("details");
        assertThat(scheduler.path("node").asText()).isEqualTo(NODE);
        String instance = scheduler.path("instanceId").asText();
        assertThat(instance).startsWith(NODE + "-");
        JsonNode self = null;
        for (JsonNode node : scheduler.path("nodes")) {
            if (node.path("instanceId").asText().equals(instance)) {
                self = node;
            }
        }
        assertThat(self).as(scheduler.toString()).isNotNull();
        assertThat(self.path("name").asText()).isEqualTo(NODE);
        assertThat(self.path("alive").asBoolean()).isTrue();
        assertThat(Instant.parse(self.path("lastCheckIn").asText())).isBefore(Instant.now().plusSeconds(1));
    }
}
