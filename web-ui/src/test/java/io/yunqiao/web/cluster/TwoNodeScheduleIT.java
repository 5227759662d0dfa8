package io.yunqiao.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.solution.SolutionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes with their own Quartz schedulers on one PostgreSQL, 20 solutions on a 10-second cron for two minutes:
 * Quartz's clustered job store fires every trigger on exactly one node, the work spreads over both, and the target
 * receives every expected record exactly once.
 */
class TwoNodeScheduleIT {

    private static final int SOLUTIONS = 20;
    private static final int BILLS = 60;
    private static final Duration TEST_TIME = Duration.ofMinutes(2);

    private static ClusterFixture cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    /** A trigger that fired, with the node it fired on. */
    private record Fired(String trigger, Instant scheduledFireTime, String node) {
    }

    private static final ConcurrentLinkedQueue<Fired> FIRED = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void twoNodes() {
        cluster = new ClusterFixture("two_node_schedule", BILLS);
        // the schedule fires every 10 s, below the production minimum interval
        nodeA = cluster.startNode("node-a", "--yunqiao.limits.min-schedule-interval=1s");
        nodeB = cluster.startNode("node-b", "--yunqiao.limits.min-schedule-interval=1s");
        listen(nodeA, "node-a");
        listen(nodeB, "node-b");
    }

    private static void listen(ConfigurableApplicationContext node, String name) {
        try {
            node.getBean(Scheduler.class).getListenerManager().addTriggerListener(new TriggerListenerSupport() {
                @Override
                public String getName() {
                    return "fired-on-" + name;
                }

                @Override
                public void triggerFired(Trigger trigger, JobExecutionContext context) {
                    FIRED.add(new Fired(trigger.getKey().getName(), context.getScheduledFireTime().toInstant(), name));
                }
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        cluster.close();
    }

    @Test
    void everyTriggerFiresOnExactlyOneNodeAndEveryRecordArrivesOnce() throws InterruptedException {
        // given 20 enabled solutions on a 10-second cron, each writing its own customers
        long[] connections = cluster.connections(nodeA);
        List<Long> solutionIds = new ArrayList<>();
        for (int i = 0; i < SOLUTIONS; i++) {
            solutionIds.add(cluster.perBillSolution(i % 2 == 0 ? nodeA : nodeB, connections, "S" + i,
                    new SolutionSpec.Schedule("*/10 * * * * ?", true)).id());
        }

        // when both nodes run them for two minutes
        Instant start = Instant.now();
        Thread.sleep(TEST_TIME.toMillis());
        setAllEnabled(solutionIds, false);
        Instant stop = Instant.now();
        awaitNoRunning(Duration.ofSeconds(60));

        // then every (trigger, fire time) fired once, on one node, and there were the fires two minutes hold
        Map<String, Long> firesPerKey = FIRED.stream().collect(Collectors.groupingBy(
                f -> f.trigger() + "@" + f.scheduledFireTime(), Collectors.counting()));
        assertThat(firesPerKey.values()).as("fires of each trigger at each fire time").allMatch(n -> n == 1);
        long expectedFires = SOLUTIONS * (Duration.between(start, stop).toSeconds() / 10);
        assertThat((long) firesPerKey.size()).as("fires in %s", TEST_TIME)
                .isGreaterThanOrEqualTo(expectedFires - SOLUTIONS);

        // and every fire made one run, on the node that fired it, and both nodes did a fair share
        List<Run> runs = nodeA.getBean(RunRepository.class).findAll().stream()
                .filter(r -> r.getTrigger() == RunTrigger.SCHEDULE).toList();
        assertThat(runs).hasSize(FIRED.size());
        assertThat(runs).allSatisfy(run -> assertThat(run.getStatus()).as(run.getError())
                .isIn(RunStatus.SUCCESS, RunStatus.SKIPPED));
        Map<String, Long> runsPerNode = runs.stream().collect(Collectors.groupingBy(Run::getNode,
                Collectors.counting()));
        assertThat(runsPerNode).containsOnlyKeys("node-a", "node-b");
        assertThat(runsPerNode.values()).as("runs per node: %s", runsPerNode)
                .allMatch(n -> n >= runs.size() / 5);
        Map<String, Long> firesPerNode = FIRED.stream().collect(Collectors.groupingBy(Fired::node,
                Collectors.counting()));
        assertThat(firesPerNode).isEqualTo(runsPerNode);

        // and the target holds each solution's customers exactly once
        JsonNode stored = cluster.customers();
        Set<String> codes = new HashSet<>();
        stored.path("customers").forEach(c -> codes.add(c.path("customerCode").asText()));
        assertThat(codes).hasSize(SOLUTIONS * BILLS);
        assertThat(stored.path("count").asInt()).isEqualTo(SOLUTIONS * BILLS);
        Map<String, Integer> addCalls = new HashMap<>();
        stored.path("addCalls").properties().forEach(e -> addCalls.put(e.getKey(), e.getValue().asInt()));
        assertThat(addCalls).hasSize(SOLUTIONS * BILLS);
        assertThat(addCalls.values()).as("add calls per customer code").allMatch(n -> n == 1);
    }

    private static void setAllEnabled(List<Long> solutionIds, boolean enabled) {
        io.yunqiao.solution.Solutions solutions = nodeA.getBean(io.yunqiao.solution.Solutions.class);
        solutionIds.forEach(id -> solutions.setEnabled(id, enabled));
    }

    private static void awaitNoRunning(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        RunRepository runs = nodeA.getBean(RunRepository.class);
        while (!runs.findByStatus(RunStatus.RUNNING).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("runs still running " + timeout + " after the schedules were switched off");
            }
            Thread.sleep(200);
        }
    }
}
