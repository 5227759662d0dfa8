package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RunHistory;
import io.yunqiao.schedule.MaintenanceMode;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.api.ApiCalls.Answer;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The maintenance mode over the REST API, on an application whose Quartz runs (unlike the shared platform's): who
 * may read and switch it, that it is stored, and that a solution scheduled every second does not run while it is on
 * and runs again once it is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:maintenance-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.scheduler-name=maintenance-it",
    "yunqiao.security.admin-password=" + RunFixtures.ADMIN_PASSWORD,
    // the schedule fires every second, below the production minimum interval
    "yunqiao.limits.min-schedule-interval=1s",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
class MaintenanceApiIT {

    private static final String PASSWORD = "maintenance-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    MaintenanceMode mode;

    @Autowired
    SolutionScheduler scheduler;

    @Autowired
    Scheduler quartz;

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    RunHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        for (Role role : List.of(Role.VIEWER, Role.OPERATOR)) {
            String name = role.name().toLowerCase();
            if (users.list().stream().noneMatch(u -> u.username().equals(name))) {
                users.create(name, null, role, PASSWORD);
            }
        }
    }

    @AfterEach
    void switchOff() {
        mode.switchTo(false, "test", null);
    }

    @Test
    void aViewerReadsTheModeButMayNotSwitchIt() {
        // when a viewer reads the mode, then it is off with nothing running
        Answer read = ApiCalls.call(port, "viewer", PASSWORD, "GET", "/api/maintenance", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("on").asBoolean()).isFalse();
        assertThat(read.body().get("running").isArray()).isTrue();

        // when they try to switch it on, then they are refused as JSON and it stays off
        Answer refused = ApiCalls.call(port, "viewer", PASSWORD, "PUT", "/api/maintenance", Map.of("on", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("status").asInt()).isEqualTo(403);
        assertThat(mode.state().on()).isFalse();
    }

    @Test
    void anOperatorSwitchesItOnWithANoteAndItIsStored() {
        // when an operator switches the mode on with a note
        Answer on = ApiCalls.call(port, "operator", PASSWORD, "PUT", "/api/maintenance",
                Map.of("on", true, "note", "升级到新版本"));

        // then the answer and the database say on, by whom, since when and why
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().get("on").asBoolean()).isTrue();
        assertThat(on.body().get("by").asText()).isEqualTo("operator");
        assertThat(on.body().get("note").asText()).isEqualTo("升级到新版本");
        assertThat(on.body().hasNonNull("since")).isTrue();
        assertThat(jdbc.queryForObject("select active from yq_maintenance where id = 1", Boolean.class)).isTrue();
        Answer read = ApiCalls.call(port, "viewer", PASSWORD, "GET", "/api/maintenance", null);
        assertThat(read.body().get("on").asBoolean()).isTrue();
        assertThat(read.body().get("by").asText()).isEqualTo("operator");
    }

    @Test
    void theOpenApiDocumentDescribesBothOperations() {
        // when the OpenAPI document is read
        Answer docs = ApiCalls.call(port, null, null, "GET", "/api/docs", null);

        // then it holds the reading and the switching of the mode
        assertThat(docs.body().path("paths").path("/api/maintenance").has("get")).isTrue();
        assertThat(docs.body().path("paths").path("/api/maintenance").has("put")).isTrue();
    }

    @Test
    void aSwitchWithoutOnOrOffIsRefusedWithTheRule() {
        // when the body does not say on or off
        Answer refused = ApiCalls.call(port, "operator", PASSWORD, "PUT", "/api/maintenance", Map.of("note", "x"));

        // then 400 names the field and what to send
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("on");
        assertThat(refused.body().get("code").asText()).isEqualTo("problem.maintenance.onRequired");
        assertThat(mode.state().on()).isFalse();
    }

    @Test
    void aTooLongNoteIsRefused() {
        // when the note is longer than a description may be
        Answer refused = ApiCalls.call(port, "operator", PASSWORD, "PUT", "/api/maintenance",
                Map.of("on", true, "note", "x".repeat(2001)));

        // then nothing is switched
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asText()).isEqualTo("problem.limit.descriptionTooLong");
        assertThat(mode.state().on()).isFalse();
    }

    @Test
    void aNodeStartingWhileTheModeIsOnPausesTheSchedulesAgain() throws Exception {
        // given the mode on, and Quartz's tables lost the pause (e.g. restored without it)
        mode.switchTo(true, "operator", null);
        quartz.resumeTriggers(GroupMatcher.triggerGroupEquals("solutions"));

        // when a node starts (it brings Quartz in line with the mode)
        mode.reconcile();

        // then the solutions' trigger group is paused again
        assertThat(quartz.getPausedTriggerGroups()).contains("solutions");
    }

    @Test
    void aSolutionScheduledEverySecondDoesNotRunDuringMaintenanceAndRunsAgainAfter() throws Exception {
        // given a solution scheduled every second that has run
        SolutionView everySecond = scheduledEverySecond();
        awaitRuns(everySecond.id(), 1);

        // when the mode is switched on and the run in progress has ended
        ApiCalls.call(port, "operator", PASSWORD, "PUT", "/api/maintenance", Map.of("on", true));
        // a fire Quartz had handed to a worker just before may still be creating its run
        Thread.sleep(1_500);
        awaitNothingRunning(everySecond.id());
        int before = history.runsOf(everySecond.id(), 1000).size();

        // then no run starts for several fire times, even after the solution is saved again
        SolutionView saved = solutions.update(everySecond.id(), everySecond.spec().withSchedule(
                new SolutionSpec.Schedule("*/2 * * * * ?", true)), "saved during maintenance");
        assertThat(scheduler.isPaused(saved.id())).isTrue();
        assertThat(scheduler.nextFireTime(saved.id())).isEmpty();
        Thread.sleep(4_000);
        assertThat(history.runsOf(everySecond.id(), 1000)).hasSize(before);

        // when the mode is switched off, then it runs on its schedule again
        Answer off = ApiCalls.call(port, "operator", PASSWORD, "PUT", "/api/maintenance", Map.of("on", false));
        assertThat(off.body().get("on").asBoolean()).isFalse();
        assertThat(scheduler.isPaused(saved.id())).isFalse();
        assertThat(scheduler.nextFireTime(saved.id())).isPresent();
        awaitRuns(everySecond.id(), before + 1);
        solutions.setEnabled(everySecond.id(), false);
    }

    private SolutionView scheduledEverySecond() {
        String base = "http://127.0.0.1:" + port + "/sandbox";
        long kingdee = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", Map.of("baseUrl",
                base + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo",
                "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft("吉客云", "jackyun", Map.of("baseUrl",
                base + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "每秒", kingdee, jackyun);
        return solutions.update(copied.id(), copied.spec().withSchedule(new SolutionSpec.Schedule("* * * * * ?",
                true)), "every second");
    }

    private void awaitRuns(long solutionId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (history.runsOf(solutionId, 1000).size() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + count + " runs in 30 s");
    }

    private void awaitNothingRunning(long solutionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (history.runsOf(solutionId, 1000).stream().allMatch(r -> r.getStatus().isFinal())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a run still running after 30 s");
    }
}
