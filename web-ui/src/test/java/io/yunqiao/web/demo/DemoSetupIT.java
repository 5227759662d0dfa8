package io.yunqiao.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.RunFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The embedded default's first start: records flow from the Kingdee sandbox to the Jackyun sandbox by themselves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1",
    "spring.quartz.scheduler-name=demo-it",
    "yunqiao.security.admin-password=" + RunFixtures.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
class DemoSetupIT {

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    SyncEngine engine;

    @Autowired
    RunHistory history;

    @Autowired
    SolutionScheduler scheduler;

    @Test
    void theFirstStartCreatesAScheduledDemoWhoseFirstRunWritesCustomers() throws Exception {
        assertThat(connections.list()).extracting(c -> c.connectorId()).containsExactlyInAnyOrder("kingdee-jdy",
                "jackyun");
        List<SolutionView> all = solutions.list();
        assertThat(all).singleElement().satisfies(demo -> {
            assertThat(demo.enabled()).isTrue();
            assertThat(demo.cron()).isEqualTo("0 * * * * ?");
            assertThat(scheduler.nextFireTime(demo.id())).isPresent();
        });
        Run first = awaitFirstRun(all.get(0).id());
        assertThat(first.getStatus()).as(first.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(first.getWritten()).isPositive();
        HttpResponse<String> customers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/sandbox/jackyun/_admin/customers"))
                .header("Authorization", RunFixtures.basic("admin", RunFixtures.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode stored = new ObjectMapper().readTree(customers.body());
        assertThat(stored.path("count").asInt()).isEqualTo(first.getWritten());
    }

    private Run awaitFirstRun(long solutionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<Run> runs = history.runsOf(solutionId, 10);
            if (!runs.isEmpty() && runs.get(runs.size() - 1).getStatus().isFinal()) {
                return runs.get(runs.size() - 1);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo's first run did not end within 90 s");
    }
}
