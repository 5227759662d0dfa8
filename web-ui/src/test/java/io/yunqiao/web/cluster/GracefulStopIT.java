package io.yunqiao.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.web.engine.OutsideSandboxes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node stopped deliberately in the middle of a run (closing its application context is what SIGTERM does): it
 * drains, its run ends INTERRUPTED (never FAILED), the other node continues the work at once in a RECOVERY run linked
 * to it, the interrupted run's counts no longer change, and the target receives every record exactly once.
 */
class GracefulStopIT {

    private static final int BILLS = 1500;

    private static ClusterFixture cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() {
        cluster = new ClusterFixture("graceful_stop", BILLS);
        // a slow target: every add takes a while, so that node A stops with part of the backlog written
        cluster.jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, 20, ""));
        nodeA = cluster.startNode("node-a", "--yunqiao.engine.assist-interval-millis=300");
        // node B helps node A's run with its backlog, so that the stop also meets a helping node's batches
        nodeB = cluster.startNode("node-b", "--yunqiao.engine.assist-interval-millis=300",
                "--yunqiao.engine.assist-min-pending=100");
    }

    @AfterAll
    static void stop() {
        if (nodeA.isActive()) {
            nodeA.close();
        }
        nodeB.close();
        cluster.close();
    }

    @Test
    void aStoppedNodesRunEndsInterruptedAndTheOtherNodeFinishesItWithEveryRecordExactlyOnce() throws Exception {
        // given a run on node A writing a large backlog to a slow target
        long[] connections = cluster.connections(nodeA);
        long solutionId = cluster.perBillSolution(nodeA, connections, "G", new SolutionSpec.Schedule(null, false))
                .id();
        Run started = nodeA.getBean(SyncEngine.class).start(solutionId, RunTrigger.MANUAL, false);
        OutsideSandboxes.await("part of the backlog written", Duration.ofSeconds(90), () -> Optional.of(
                cluster.customers()).filter(c -> c.path("count").asInt() >= BILLS / 5));

        // when node A is stopped as SIGTERM stops it
        long stopStarted = System.nanoTime();
        nodeA.close();
        long stopMillis = (System.nanoTime() - stopStarted) / 1_000_000;
        System.out.println("graceful stop of node A took " + stopMillis + " ms");

        // then its run ended INTERRUPTED, saying that the node stopped deliberately and that node B continues
        RunRepository runs = nodeB.getBean(RunRepository.class);
        Run interrupted = runs.findById(started.getId()).orElseThrow();
        assertThat(interrupted.getStatus()).as(interrupted.getError()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(interrupted.error(Locale.ENGLISH)).contains("node-a", "stopped deliberately");
        int writtenAtStop = interrupted.getWritten();
        assertThat(writtenAtStop).as("node A wrote part of the backlog").isBetween(1, BILLS - 1);

        // and node B continues the work at once, in a RECOVERY run linked to the interrupted one
        Run recovery = OutsideSandboxes.await("the recovery run's end", Duration.ofSeconds(120), () -> runs
                .findAll().stream().filter(r -> r.getSolutionId() == solutionId
                        && Long.valueOf(started.getId()).equals(r.getContinuesRunId()) && r.getStatus().isFinal())
                .findFirst());
        assertThat(recovery.getStatus()).as(recovery.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(recovery.getTrigger()).isEqualTo(RunTrigger.RECOVERY);
        assertThat(recovery.getNode()).isEqualTo("node-b");
        Run afterwards = runs.findById(started.getId()).orElseThrow();
        assertThat(afterwards.getContinuedByRunId()).isEqualTo(recovery.getId());

        // and the interrupted run's counts did not change after it ended
        assertThat(afterwards.getWritten()).isEqualTo(writtenAtStop);
        assertThat(afterwards.getFetched()).isEqualTo(interrupted.getFetched());

        // and no run of the solution failed; the two runs wrote every record once between them
        List<Run> all = runs.findAll().stream().filter(r -> r.getSolutionId() == solutionId).toList();
        assertThat(all).extracting(Run::getStatus).doesNotContain(RunStatus.FAILED, RunStatus.RUNNING);
        assertThat(afterwards.getWritten() + recovery.getWritten()).isEqualTo(BILLS);

        // and the target received every record exactly once: nothing was sent again after the stop
        JsonNode stored = cluster.customers();
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        assertThat(codes).hasSize(BILLS);
        assertThat(stored.path("count").asInt()).isEqualTo(BILLS);
        stored.path("addCalls").properties().forEach(calls -> assertThat(calls.getValue().asInt())
                .as("add calls for %s", calls.getKey()).isEqualTo(1));
    }
}
