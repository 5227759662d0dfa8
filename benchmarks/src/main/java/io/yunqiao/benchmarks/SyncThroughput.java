package io.yunqiao.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.Templates;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * The seed solution end to end, engine against a hand-written baseline in the same run: the engine (staging,
 * checkpoint, dedupe, record logs on an H2 file database) versus a plain loop over the same connector client, the
 * same sandboxes and the same number of writer threads, with no staging and no logging. Then a run with a target
 * rate limit, printing the rate achieved.
 */
final class SyncThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final String PER_BILL_MAPPING = "{ \"customerCode\": billno, \"nickname\": supplierid_name,"
            + " \"phone\": contact_phone, \"address\": contact_address, \"specialReminding\": \"来自金蝶采购入库单 \""
            + " & billno }";

    private SyncThroughput() {
    }

    /** One side's result. */
    private record Measured(int records, int written, double seconds, long peakHeapBytes) {

        double perSecond() {
            return records / seconds;
        }
    }

    static void run(Options options) throws Exception {
        int writers = options.integer("writers");
        System.out.printf("Sync throughput: %d cores, %d writer threads, JVM max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), writers, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-9s %8s %-9s %9s %8s %9s %10s %9s%n", "scenario", "bills", "side", "written", "seconds",
                "records/s", "peak heap", "ratio");
        for (int bills : options.integers("sizes")) {
            compare("seed", bills, writers, false);
        }
        for (int bills : options.integers("per-bill-sizes")) {
            compare("per-bill", bills, writers, true);
        }
        rateLimited(options.integer("rate"), options.integer("rate-bills"), writers);
    }

    private static void compare(String scenario, int bills, int writers, boolean perBill) throws Exception {
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee", Map.of("bills", String.valueOf(bills))));
                SandboxServer jackyun = SandboxServer.start(sandbox("jackyun", Map.of()))) {
            Measured engine = engine(kingdee, jackyun, writers, perBill, 0);
            int stored = customers(jackyun).path("count").asInt();
            post(jackyun.baseUrl() + "/_admin/reset");
            Measured baseline = baseline(kingdee, jackyun, writers, perBill);
            int storedByBaseline = customers(jackyun).path("count").asInt();
            if (stored != storedByBaseline || stored != engine.written()) {
                throw new IllegalStateException("engine and baseline disagree: engine stored " + stored + " (counted "
                        + engine.written() + "), baseline " + storedByBaseline);
            }
            print(scenario, bills, "engine", engine, null);
            print(scenario, bills, "baseline", baseline, engine.perSecond() / baseline.perSecond());
        }
    }

    private static Measured engine(SandboxServer kingdee, SandboxServer jackyun, int writers, boolean perBill,
            double rateLimit) throws IOException {
        Path data = Files.createTempDirectory("yunqiao-bench");
        try (ConfigurableApplicationContext platform = BenchmarkPlatform.start(data, writers)) {
            long solution = solution(platform, kingdee, jackyun, perBill, rateLimit);
            SyncEngine engine = platform.getBean(SyncEngine.class);
            resetPeaks();
            long started = System.nanoTime();
            Run run = engine.runNow(solution, RunTrigger.MANUAL, false);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (run.getFailed() > 0 || run.getStatus().name().equals("FAILED")) {
                throw new IllegalStateException("the engine's run did not succeed: " + run.getStatus() + " "
                        + run.getError());
            }
            if (rateLimit > 0) {
                printRate(platform, run, rateLimit);
            } else {
                printPhases(platform, run);
            }
            return new Measured(run.getFetched(), run.getWritten(), seconds, peakHeap());
        }
    }

    private static long solution(ConfigurableApplicationContext platform, SandboxServer kingdee,
            SandboxServer jackyun, boolean perBill, double rateLimit) {
        Connections connections = platform.getBean(Connections.class);
        long source = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", kingdeeValues(kingdee))).id();
        long target = connections.create(new ConnectionDraft("吉客云", "jackyun", jackyunValues(jackyun))).id();
        SolutionView copied = platform.getBean(Templates.class).copy(SEED, "benchmark", source, target);
        SolutionSpec spec = copied.spec();
        SolutionSpec.Target mapping = perBill ? spec.target().withMapping(PER_BILL_MAPPING) : spec.target();
        return platform.getBean(Solutions.class).update(copied.id(), new SolutionSpec(spec.name(), null,
                spec.source(), new SolutionSpec.Window("P31D", 300, 744), mapping, spec.dedupe(),
                new SolutionSpec.RateLimit(rateLimit), spec.retry(), spec.schedule(), spec.alerts()), "benchmark")
                .id();
    }

    /** The hand-written loop: fetch every page, map by hand, dedupe in memory, write with the same threads. */
    private static Measured baseline(SandboxServer kingdee, SandboxServer jackyun, int writers, boolean perBill)
            throws Exception {
        ConnectorClient client = new ConnectorClient(ConnectorRegistry.discover(
                SyncThroughput.class.getClassLoader()));
        Connection source = new Connection("b1", "金蝶", "kingdee-jdy", kingdeeValues(kingdee));
        Connection target = new Connection("b2", "吉客云", "jackyun", jackyunValues(jackyun));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> sends = new ArrayList<>();
        resetPeaks();
        long started = System.nanoTime();
        int fetched = 0;
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(source, "jdy/pur/pur_inbound_list", Map.of(), page);
            for (JsonNode bill : answer.records()) {
                fetched++;
                ObjectNode body = perBill ? perBillCustomer(bill) : supplierCustomer(bill);
                if (seen.add(body.get("customerCode").asText())) {
                    sends.add(pool.submit(() -> {
                        ExecuteResult result = client.execute(target, "crm.customer.add", body);
                        if (result.success()) {
                            written.incrementAndGet();
                        }
                    }));
                }
            }
            page = answer.next();
        } while (answer.hasMore());
        for (Future<?> send : sends) {
            send.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Measured(fetched, written.get(), seconds, peakHeap());
    }

    private static ObjectNode supplierCustomer(JsonNode bill) {
        return JSON.createObjectNode()
                .put("customerCode", bill.path("supplierid_number").asText())
                .put("nickname", bill.path("supplierid_name").asText())
                .put("contacts", bill.path("empid_name").asText())
                .put("phone", bill.path("contact_phone").asText())
                .put("country", bill.path("contact_country_name").asText())
                .put("state", bill.path("contact_province_name").asText())
                .put("city", bill.path("contact_city_name").asText())
                .put("district", bill.path("contact_district_name").asText())
                .put("address", bill.path("contact_address").asText())
                .put("customerTypeName", "供应商")
                .put("specialReminding", "来自金蝶采购入库单 " + bill.path("billno").asText());
    }

    private static ObjectNode perBillCustomer(JsonNode bill) {
        return JSON.createObjectNode()
                .put("customerCode", bill.path("billno").asText())
                .put("nickname", bill.path("supplierid_name").asText())
                .put("phone", bill.path("contact_phone").asText())
                .put("address", bill.path("contact_address").asText())
                .put("specialReminding", "来自金蝶采购入库单 " + bill.path("billno").asText());
    }

    /** A per-bill run with a target rate limit; prints the rate achieved between the first and last write. */
    private static void rateLimited(int perSecond, int bills, int writers) throws Exception {
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee", Map.of("bills", String.valueOf(bills))));
                SandboxServer jackyun = SandboxServer.start(sandbox("jackyun", Map.of()))) {
            engine(kingdee, jackyun, writers, true, perSecond);
        }
    }

    private static void printRate(ConfigurableApplicationContext platform, Run run, double limit) {
        List<RecordLog> logs = platform.getBean(RecordLogRepository.class).findByRunIdAndStatusOrderById(run.getId(),
                RecordStatus.SUCCESS, Pageable.unpaged());
        Duration span = Duration.between(logs.get(0).getCreatedAt(), logs.get(logs.size() - 1).getCreatedAt());
        double achieved = (logs.size() - 1) / (span.toNanos() / 1e9);
        System.out.printf("rate limit %.0f req/s on the target connection: %d writes in %.1f s = %.1f req/s achieved%n",
                limit, logs.size(), span.toNanos() / 1e9, achieved);
    }

    /** Where the engine's time went: fetching and staging until the first write, then writing. */
    private static void printPhases(ConfigurableApplicationContext platform, Run run) {
        List<RecordLog> logs = platform.getBean(RecordLogRepository.class).findByRunIdOrderById(run.getId(),
                Pageable.unpaged());
        if (logs.isEmpty()) {
            return;
        }
        Duration fetch = Duration.between(run.getStartedAt(), logs.get(0).getCreatedAt());
        Duration write = Duration.between(logs.get(0).getCreatedAt(), run.getEndedAt());
        System.out.printf("  engine phases: fetch+stage %d pages in %.1f s, map+write %d records in %.1f s%n",
                run.getPages(), fetch.toNanos() / 1e9, logs.size(), write.toNanos() / 1e9);
    }

    private static void print(String scenario, int bills, String side, Measured measured, Double ratio) {
        System.out.printf("%-9s %8d %-9s %9d %8.1f %9.0f %8d MB %9s%n", scenario, bills, side, measured.written(),
                measured.seconds(), measured.perSecond(), measured.peakHeapBytes() >> 20,
                ratio == null ? "" : String.format("%.2f", ratio));
    }

    private static Map<String, String> kingdeeValues(SandboxServer kingdee) {
        return Map.of("baseUrl", kingdee.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo", "password", "demo-pass");
    }

    private static Map<String, String> jackyunValues(SandboxServer jackyun) {
        return Map.of("baseUrl", jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200",
                "appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    /** A sandbox of a connector on the class path, by its id. */
    static SandboxServlet sandbox(String id, Map<String, String> settings) {
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class, SyncThroughput.class.getClassLoader())) {
            if (sandbox.id().equals(id)) {
                return sandbox.create(settings);
            }
        }
        throw new IllegalStateException("no sandbox '" + id + "' on the class path");
    }

    /** Everything the Jackyun sandbox stored. */
    static JsonNode customers(SandboxServer jackyun) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                jackyun.baseUrl() + "/_admin/customers")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private static void post(String url) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
