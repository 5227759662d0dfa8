package io.yunqiao.web.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.YunqiaoApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A platform stopped in the middle of a run and started again: the interrupted run is recovered, the next run
 * finishes the work, and the target holds every customer exactly once. The sandboxes run outside the platform so
 * they outlive it; the database is an in-memory H2 that outlives both contexts.
 */
class CrashRecoveryIT {

    private static final int BILLS = 300;
    private static SandboxServer kingdee;
    private static SandboxServer jackyun;
    private static SandboxServlet jackyunSandbox;

    @BeforeAll
    static void sandboxes() {
        kingdee = SandboxServer.start(OutsideSandboxes.create("kingdee", Map.of("bills", String.valueOf(BILLS))));
        jackyunSandbox = OutsideSandboxes.create("jackyun", Map.of());
        jackyun = SandboxServer.start(jackyunSandbox);
        // every add takes a while, so the platform can be stopped with some written and some not
        jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, 40, ""));
    }

    @AfterAll
    static void stopSandboxes() {
        kingdee.close();
        jackyun.close();
    }

    /** The database both platform starts use: an in-memory H2 that outlives them. */
    List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:crash-it;DB_CLOSE_DELAY=-1",
                "--spring.quartz.scheduler-name=crash-it");
    }

    private ConfigurableApplicationContext platform() {
        // command-line arguments outrank application.yml, as a test's settings must
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--yunqiao.demo.enabled=false",
                "--yunqiao.sandbox.enabled=false",
                "--spring.quartz.auto-startup=false",
                "--yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        args.addAll(database());
        return new SpringApplicationBuilder(YunqiaoApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aRunStoppedMidwayIsFinishedByTheNextWithEveryCustomerExactlyOnce() throws Exception {
        long solutionId;
        try (ConfigurableApplicationContext first = platform()) {
            Connections connections = first.getBean(Connections.class);
            long source = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", Map.of("baseUrl",
                    kingdee.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                    "demo", "password", "demo-pass"))).id();
            long target = connections.create(new ConnectionDraft("吉客云", "jackyun", Map.of("baseUrl",
                    jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200", "appSecret",
                    "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
            SolutionView copied = first.getBean(Templates.class).copy("kingdee-pur-inbound-to-jackyun-customer",
                    "每张单据一个客户", source, target);
            SolutionSpec spec = copied.spec();
            SolutionView perBill = first.getBean(Solutions.class).update(copied.id(), new SolutionSpec(spec.name(),
                    null, spec.source(), new SolutionSpec.Window("P31D", 300, 744),
                    spec.target().withMapping("{ \"customerCode\": billno, \"nickname\": supplierid_name }"),
                    new SolutionSpec.Dedupe("customerCode"), new SolutionSpec.RateLimit(0), spec.retry(),
                    spec.schedule(), spec.alerts()), "one customer per bill");
            solutionId = perBill.id();
            first.getBean(SyncEngine.class).start(solutionId, RunTrigger.MANUAL, false);
            awaitCustomers(BILLS / 4);
        }
        int atStop = OutsideSandboxes.customers(jackyun).path("count").asInt();
        assertThat(atStop).as("the platform stopped before the run finished").isLessThan(BILLS);

        try (ConfigurableApplicationContext second = platform()) {
            // the interrupted run is resumed at start by a RECOVERY run, with nobody triggering anything
            RunRepository runs = second.getBean(RunRepository.class);
            Run next = awaitRecovery(runs, solutionId);

            assertThat(next.getStatus()).as(next.getError()).isEqualTo(RunStatus.SUCCESS);
            assertThat(next.getFailed()).isZero();
            assertThat(runs.findByStatus(RunStatus.RUNNING)).as("the interrupted run was ended").isEmpty();
        }
        JsonNode stored = OutsideSandboxes.customers(jackyun);
        assertThat(stored.path("count").asInt()).isEqualTo(BILLS);
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        assertThat(codes).hasSize(BILLS);
        stored.path("addCalls").properties().forEach(calls -> assertThat(calls.getValue().asInt())
                .as("add calls for %s: at most one more than the first, for a request in flight at the stop",
                        calls.getKey())
                .isBetween(1, 2));
    }

    private static Run awaitRecovery(RunRepository runs, long solutionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Optional<Run> ended = runs.findAll().stream().filter(r -> r.getSolutionId() == solutionId
                    && r.getTrigger() == RunTrigger.RECOVERY && r.getStatus().isFinal()).findFirst();
            if (ended.isPresent()) {
                return ended.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no RECOVERY run ended within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitCustomers(int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (OutsideSandboxes.customers(jackyun).path("count").asInt() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the first run wrote fewer than " + atLeast + " customers in 60 s");
            }
            Thread.sleep(50);
        }
    }
}
