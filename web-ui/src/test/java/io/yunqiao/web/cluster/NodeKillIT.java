package io.yunqiao.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.SourceRecordRepository;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.engine.OutsideSandboxes;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node killed with SIGKILL in the middle of a large scheduled run: Quartz's clustered job store notices that the
 * node stopped checking in and re-fires its job on the other node (the job requests recovery), which takes over
 * the dead run: the dead run ends INTERRUPTED, linked both ways to the recovery run, and the one alert sent is the
 * recovery run's, on the work's final outcome; the target ends with every record exactly once. Node A is a separate
 * JVM process, so that the kill is a real one; node B runs in this JVM.
 */
class NodeKillIT {

    private static final int BILLS = 2000;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static ClusterFixture cluster;
    private static ConfigurableApplicationContext nodeB;
    private static Process nodeA;
    /** A webhook that keeps every alert posted to it. */
    private static HttpServer webhook;
    private static final List<String> alerts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        cluster = new ClusterFixture("node_kill", BILLS);
        // every add takes a while, so that node A dies with part of the backlog written
        cluster.jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, 20, ""));
        // node B waits with its scheduler stopped, so that node A fires the run; B helps nobody, so that only
        // Quartz's recovery can finish the run
        nodeB = cluster.startNode("node-b", "--spring.quartz.auto-startup=false", "--yunqiao.engine.assist=false");
    }

    @AfterAll
    static void stop() {
        if (nodeA != null) {
            nodeA.destroyForcibly();
        }
        nodeB.close();
        cluster.close();
        webhook.stop(0);
    }

    @Test
    void theOtherNodeRecoversTheRunOfAKilledNodeWithEveryRecordExactlyOnce() throws Exception {
        // given a solution with a large backlog, and node A running as its own process
        long[] connections = cluster.connections(nodeB);
        SolutionView perBill = cluster.perBillSolution(nodeB, connections, "K", new SolutionSpec.Schedule(null,
                false));
        // and one bill in ten fails (an empty nickname), so that the work's outcome is worth an alert: alerts on a
        // failed run and on more than one failed record, to a webhook
        SolutionView solution = nodeB.getBean(Solutions.class).update(perBill.id(), perBill.spec()
                .withTarget(perBill.spec().target().withMapping("{ \"customerCode\": \"K-\" & billno,"
                        + " \"nickname\": $substring(billno, -1) = \"7\" ? \"\" : supplierid_name }"))
                .withAlerts(new SolutionSpec.Alerts(true, 1, List.of(), "http://127.0.0.1:"
                        + webhook.getAddress().getPort() + "/alerts", null)), "some fail, alerts on");
        nodeA = startProcess("node-a");

        // when its schedule fires once, on node A (the only node whose scheduler runs)
        ZonedDateTime fireAt = ZonedDateTime.now(BEIJING).plusSeconds(5);
        nodeB.getBean(Solutions.class).update(solution.id(), solution.spec().withSchedule(new SolutionSpec.Schedule(
                DateTimeFormatter.ofPattern("s m H d M '?' yyyy").format(fireAt), true)), "fire once");
        RunRepository runs = nodeB.getBean(RunRepository.class);
        Run first = OutsideSandboxes.await("a run of node A", Duration.ofSeconds(60), () -> runs.findAll().stream()
                .filter(r -> r.getSolutionId() == solution.id() && "node-a".equals(r.getNode())).findFirst());
        OutsideSandboxes.await("part of the backlog written", Duration.ofSeconds(90), () -> Optional.of(cluster.customers())
                .filter(c -> c.path("count").asInt() >= BILLS / 5));

        // and node A is killed in the middle of it
        nodeA.destroyForcibly().waitFor();
        int atKill = cluster.customers().path("count").asInt();
        assertThat(atKill).as("node A died before it finished").isLessThan(BILLS);

        // then node B, once its scheduler runs, recovers the job and its run finishes the work
        nodeB.getBean(Scheduler.class).start();
        Run recovery = OutsideSandboxes.await("the recovery run's end", Duration.ofSeconds(120), () -> runs.findAll().stream()
                .filter(r -> r.getSolutionId() == solution.id() && r.getTrigger() == RunTrigger.RECOVERY
                        && r.getStatus().isFinal()).findFirst());
        assertThat(recovery.getStatus()).as(recovery.getError()).isEqualTo(RunStatus.PARTIAL);
        assertThat(recovery.getNode()).isEqualTo("node-b");
        Run dead = runs.findById(first.getId()).orElseThrow();
        assertThat(dead.getStatus()).as(dead.getError()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(dead.error(java.util.Locale.ENGLISH)).contains("node-a", "#" + recovery.getId(), "node-b");
        assertThat(dead.getContinuedByRunId()).isEqualTo(recovery.getId());
        assertThat(recovery.getContinuesRunId()).isEqualTo(dead.getId());

        // and exactly one alert was sent: the recovery run's, on the final outcome, naming the run it continued
        OutsideSandboxes.await("the recovery run's alert", Duration.ofSeconds(30), () -> alerts.isEmpty()
                ? Optional.empty() : Optional.of(alerts));
        Thread.sleep(2000);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).contains("#" + recovery.getId(), "接着完成中断的运行 #" + dead.getId())
                .doesNotContain("#" + dead.getId() + "（");

        // and the target holds every record that could be written exactly once
        JsonNode stored = cluster.customers();
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        long failed = nodeB.getBean(SourceRecordRepository.class).countBySolutionIdAndStatus(solution.id(),
                RecordStatus.FAILED);
        assertThat(failed).as("bills whose nickname is empty").isPositive();
        assertThat(codes).hasSize((int) (BILLS - failed));
        assertThat(stored.path("count").asInt()).isEqualTo(BILLS - failed);
        List<String> sentTwice = new ArrayList<>();
        stored.path("addCalls").properties().forEach(calls -> {
            assertThat(calls.getValue().asInt()).as("add calls for %s", calls.getKey()).isBetween(1, 2);
            if (calls.getValue().asInt() == 2) {
                sentTwice.add(calls.getKey());
            }
        });
        // a second call (answered "already exists", so stored once) only for what was in flight when node A died or
        // finished but not yet recorded: the engine lets at most 40 records be sent without a recorded outcome
        assertThat(sentTwice).as("records sent again because they were in flight at the kill")
                .hasSizeLessThanOrEqualTo(40);
    }

    private static Process startProcess(String nodeName) throws IOException, InterruptedException {
        Path log = Path.of("target", "node-kill-" + nodeName + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "io.yunqiao.web.YunqiaoApplication"));
        command.addAll(cluster.nodeArgs(nodeName));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        // bytes, not Files.readString: the log may end in the middle of a multi-byte character; ready once the
        // node has brought its Quartz in line with the solutions (after that it only follows what nodes save)
        while (!new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains("reconciled with Quartz")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(nodeName + " did not start; its log: " + new File(log.toString())
                        .getAbsolutePath());
            }
            Thread.sleep(200);
        }
        return process;
    }

}
