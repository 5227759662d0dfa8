package io.yunqiao.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests per second each sandbox sustains on loopback: Kingdee list pages of 100 bills and Jackyun
 * signed customer adds, driven through the real connectors (token flow, signing, JSON parsing included) from a
 * thread pool in the same JVM. Later end-to-end benchmarks need these numbers well above what the engine asks.
 */
final class SandboxThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;
    private static final AtomicLong CUSTOMERS = new AtomicLong();

    private SandboxThroughput() {
    }

    static void run(Options options) throws Exception {
        int bills = options.integer("bills");
        Duration warmup = Duration.ofSeconds(options.integer("warmup"));
        Duration measured = Duration.ofSeconds(options.integer("seconds"));
        ConnectorClient client = new ConnectorClient(
                ConnectorRegistry.discover(SandboxThroughput.class.getClassLoader()));
        System.out.printf("Sandbox throughput on loopback: %d cores, %d bills, warm-up %ds, measured %ds per row%n",
                Runtime.getRuntime().availableProcessors(), bills, warmup.toSeconds(), measured.toSeconds());
        System.out.printf("%-8s %-34s %7s %9s %9s %8s %8s %8s%n", "sandbox", "operation", "threads", "requests",
                "req/s", "p50 ms", "p99 ms", "failed");
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee", Map.of("bills", String.valueOf(bills))));
                SandboxServer jackyun = SandboxServer.start(sandbox("jackyun", Map.of()))) {
            Connection kingdeeConnection = new Connection("bench-kingdee", "benchmark Kingdee", "kingdee-jdy", Map.of(
                    "baseUrl", kingdee.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                    "username", "demo", "password", "demo-pass"));
            Connection jackyunConnection = new Connection("bench-jackyun", "benchmark Jackyun", "jackyun", Map.of(
                    "baseUrl", jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200",
                    "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
            int pages = Math.max(1, bills / PAGE);
            for (int threads : options.integers("threads")) {
                print("kingdee", "jdy/pur/pur_inbound_list x" + PAGE, LoadRun.drive(threads, warmup, measured,
                        (thread, sequence) -> client.query(kingdeeConnection, "jdy/pur/pur_inbound_list", Map.of(),
                                new PageRequest((int) ((sequence * 7 + thread) % pages), PAGE)).records()
                                .size() == PAGE));
            }
            for (int threads : options.integers("threads")) {
                print("jackyun", "crm.customer.add (signed)", LoadRun.drive(threads, warmup, measured,
                        (thread, sequence) -> client.execute(jackyunConnection, "crm.customer.add",
                                customer()).success()));
            }
        }
        System.out.printf("peak heap used: %d MB%n", peakHeapBytes() / (1024 * 1024));
    }

    /** A customer with a code never used before in this run, so that every add is a real write. */
    private static ObjectNode customer() {
        long number = CUSTOMERS.incrementAndGet();
        return JSON.createObjectNode()
                .put("customerCode", "B" + number)
                .put("nickname", "压测客户 " + number)
                .put("phone", "13800000000");
    }

    private static SandboxServlet sandbox(String id, Map<String, String> settings) {
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class, SandboxThroughput.class.getClassLoader())) {
            if (sandbox.id().equals(id)) {
                return sandbox.create(settings);
            }
        }
        throw new IllegalStateException("no sandbox '" + id + "' on the class path");
    }

    private static void print(String sandbox, String operation, LoadRun.Result result) {
        System.out.printf("%-8s %-34s %7d %9d %9.0f %8.2f %8.2f %8d%n", sandbox, operation, result.threads(),
                result.calls(), result.perSecond(), result.p50Millis(), result.p99Millis(), result.failures());
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
