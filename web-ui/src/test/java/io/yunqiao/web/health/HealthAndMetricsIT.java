package io.yunqiao.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What a load balancer and Prometheus see: liveness and readiness (database and Quartz included) without
 * credentials, metrics only for signed-in users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:health-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.scheduler-name=health-it",
    "yunqiao.security.admin-password=health-admin-1",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
// Spring Boot's tests switch metrics export off unless asked: this test is about the export.
@AutoConfigureObservability
@DirtiesContext
class HealthAndMetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

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
}
