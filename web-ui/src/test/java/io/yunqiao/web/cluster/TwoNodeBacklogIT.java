package io.yunqiao.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.solution.SolutionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One large backlog, two nodes: the node running the run writes, and the other node claims batches of the same
 * backlog ({@code FOR UPDATE SKIP LOCKED}) until it is gone; no record is claimed twice, every record reaches the
 * target once, and the run's counts add up both nodes' work.
 */
class TwoNodeBacklogIT {

    private static final int BILLS = 3000;

    private static ClusterFixture cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() {
        cluster = new ClusterFixture("two_node_backlog", BILLS);
        // every add takes a while, as a real target's do, so that the backlog lasts long enough to share
        cluster.jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, 10, ""));
        nodeA = cluster.startNode("node-a", "--yunqiao.engine.assist-interval-millis=300");
        nodeB = cluster.startNode("node-b", "--yunqiao.engine.assist-interval-millis=300");
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        cluster.close();
    }

    @Test
    void theOtherNodeHelpsWriteALargeBacklogAndEveryRecordArrivesOnce() throws InterruptedException {
        // given a solution with 3000 records to write, run on node A
        long[] connections = cluster.connections(nodeA);
        long solutionId = cluster.perBillSolution(nodeA, connections, "B", new SolutionSpec.Schedule(null, false))
                .id();

        // when node A runs it
        Run started = nodeA.getBean(SyncEngine.class).start(solutionId, RunTrigger.MANUAL, false);
        Run run = awaitEnd(started.getId(), Duration.ofMinutes(3));

        // then the run wrote every record, and node B wrote a share of them
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getWritten()).isEqualTo(BILLS);
        assertThat(run.getFailed()).isZero();
        double writtenByA = written(nodeA);
        double writtenByB = written(nodeB);
        assertThat(writtenByB).as("records node B wrote for node A's run").isPositive();
        assertThat(writtenByA).as("records node A wrote itself").isPositive();
        assertThat(writtenByA + writtenByB).isEqualTo(BILLS);

        // and the target received each record exactly once
        JsonNode stored = cluster.customers();
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        assertThat(codes).hasSize(BILLS);
        stored.path("addCalls").properties().forEach(calls -> assertThat(calls.getValue().asInt())
                .as("add calls for %s", calls.getKey()).isEqualTo(1));
    }

    private static double written(ConfigurableApplicationContext node) {
        var counter = node.getBean(MeterRegistry.class).find("yunqiao.records").tag("outcome", "written").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Run awaitEnd(long runId, Duration timeout) throws InterruptedException {
        RunRepository runs = nodeA.getBean(RunRepository.class);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Run run = runs.findById(runId).orElseThrow();
            if (run.getStatus().isFinal()) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + runId + " did not end in " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
