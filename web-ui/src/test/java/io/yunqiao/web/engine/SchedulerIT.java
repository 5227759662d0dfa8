package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** Quartz (JDBC job store) fires enabled solutions on their cron and stops when they are disabled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:scheduler-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.scheduler-name=scheduler-it",
    "yunqiao.security.admin-password=" + SandboxAdmin.ADMIN_PASSWORD,
    // the schedule fires every 2 s, below the production minimum interval
    "yunqiao.limits.min-schedule-interval=1s",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
class SchedulerIT {

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

    @Autowired
    RunHistory history;

    @Autowired
    SolutionScheduler scheduler;

    @Test
    void anEnabledSolutionRunsOnItsCronAndADisabledOneDoesNot() throws InterruptedException {
        SandboxAdmin sandboxes = new SandboxAdmin(port);
        long kingdee = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", Map.of("baseUrl",
                sandboxes.kingdee(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo",
                "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft("吉客云", "jackyun", Map.of("baseUrl",
                sandboxes.jackyunGateway(), "appKey", "100200", "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")))
                .id();
        SolutionView copied = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "每两秒", kingdee, jackyun);
        SolutionView everyTwoSeconds = solutions.update(copied.id(), copied.spec().withSchedule(
                new SolutionSpec.Schedule("*/2 * * * * ?", true)), "every 2 s");
        assertThat(scheduler.nextFireTime(everyTwoSeconds.id())).isPresent();

        List<Run> scheduled = awaitScheduledRuns(everyTwoSeconds.id(), 2);
        assertThat(scheduled).allSatisfy(run -> assertThat(run.getTrigger()).isEqualTo(RunTrigger.SCHEDULE));

        solutions.setEnabled(everyTwoSeconds.id(), false);
        assertThat(scheduler.nextFireTime(everyTwoSeconds.id())).isEmpty();
        Thread.sleep(500);
        int afterDisable = history.runsOf(everyTwoSeconds.id(), 100).size();
        Thread.sleep(4_000);
        assertThat(history.runsOf(everyTwoSeconds.id(), 100)).hasSize(afterDisable);
    }

    @Test
    void nextFireTimesOfACronAreInBeijingTime() {
        List<Instant> times = SolutionScheduler.nextFireTimes("0 0 9 * * ?", Instant.parse("2026-11-28T00:00:00Z"),
                2);
        assertThat(times).containsExactly(Instant.parse("2026-11-28T01:00:00Z"),
                Instant.parse("2026-11-29T01:00:00Z"));
    }

    private List<Run> awaitScheduledRuns(long solutionId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Run> runs = history.runsOf(solutionId, 100).stream().filter(r -> r.getStatus().isFinal()).toList();
            if (runs.size() >= count) {
                return runs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + count + " scheduled runs in 30 s");
    }
}
