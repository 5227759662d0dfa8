package io.yunqiao.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.sandbox.SandboxServlet;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The seed solution end to end, engine against a hand-written baseline in the same run, on H2 (the embedded
 * default: a file database) and on PostgreSQL. The engine stages, dedupes, checkpoints and logs every record; the
 * baseline is a plain loop over the same connector client, the same sandboxes and the same number of writer threads,
 * with an in-memory set for dedupe and no staging and no logging. For each size and scenario it prints bills/s and
 * writes/s of both and their ratio, the time to the target's first stored customer, the live heap after a full GC
 * at the end of each phase, the bytes the engine's database grew per record staged, and the engine's time in a child
 * JVM at a small heap ({@code --heap}) against a child JVM at the default heap. Then a run with a target rate limit.
 */
final class SyncThroughput {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final String PER_BILL_MAPPING = "{ \"customerCode\": billno, \"nickname\": supplierid_name,"
            + " \"phone\": contact_phone, \"address\": contact_address, \"specialReminding\": \"来自金蝶采购入库单 \""
            + " & billno }";
    /** Bodies the baseline lets wait for a writer: its fetching pauses beyond that, as any sane loop would. */
    private static final int BASELINE_QUEUE = 1_000;
    private static final String RESULT = "RESULT ";
    private static final String USER_VARIABLE = "YUNQIAO_BENCH_DB_USER";
    private static final String PASSWORD_VARIABLE = "YUNQIAO_BENCH_DB_PASSWORD";
    private static final String ROW = "%-8s %-8s %9s %-14s %8s %8s %8s %8s %7s %24s %13s  %s%n";

    private SyncThroughput() {
    }

    /** The live heap (used after a full GC) when a side starts, has fetched everything, has written, has ended. */
    record Heap(Long before, Long staged, Long written, Long run) {

        String text() {
            return mb(before) + " / " + mb(staged) + " / " + mb(written) + " / " + mb(run);
        }

        private static String mb(Long bytes) {
            return bytes == null ? "n/a" : String.valueOf(bytes >> 20);
        }
    }

    /**
     * One side's run.
     *
     * @param seconds     the run's time less the benchmark's own full GCs ({@code gcSeconds}); rates use it
     * @param wallSeconds the run's time on the clock
     * @param stagedAt    seconds on the clock until every bill had been fetched (and staged); null when not seen
     * @param outcomesAt  seconds on the clock until every bill had its outcome; null when not seen
     * @param logLevel    the record log level the saved solution has ({@code -} for the baseline)
     */
    record Measured(int fetched, int written, double seconds, double wallSeconds, Instant started, Heap heap,
            double gcSeconds, Double stagedAt, Double outcomesAt, Long databaseBefore, Long databaseAfter,
            Long databaseCompacted, String logLevel, String databaseUser) {

        double billsPerSecond() {
            return fetched / seconds;
        }

        double writesPerSecond() {
            return written / seconds;
        }

        Long bytesPerRecord() {
            return perRecord(databaseAfter);
        }

        /** H2 only: the growth per record once the file is compacted (its free pages given back). */
        Long compactedBytesPerRecord() {
            return perRecord(databaseCompacted);
        }

        private Long perRecord(Long after) {
            return databaseBefore == null || after == null || fetched == 0 ? null : (after - databaseBefore) / fetched;
        }

        Measured withCompacted(Long bytes) {
            return new Measured(fetched, written, seconds, wallSeconds, started, heap, gcSeconds, stagedAt,
                    outcomesAt, databaseBefore, databaseAfter, bytes, logLevel, databaseUser);
        }
    }

    /** A PostgreSQL database and its account; null where the engine gets a new H2 file of its own. */
    record Database(String url, String user, String password) {
    }

    /** Where a side's database lives: a new H2 file database or a new PostgreSQL database per round. */
    private interface Databases extends AutoCloseable {

        String name();

        /** A new, empty database; null for a new H2 file in a directory of its own. */
        Database newDatabase() throws SQLException;

        @Override
        void close() throws IOException;
    }

    /** Whether each engine run prints what each table holds ({@code --tables yes}). */
    private static boolean printTables;

    static void run(Options options) throws Exception {
        printTables = tables(options);
        int writers = options.integer("writers");
        String level = logLevel(options);
        String heap = options.text("heap").trim();
        boolean compareHeap = !heap.isEmpty() && !heap.equalsIgnoreCase("none");
        if (!heap.matches("(?i)none|[0-9]+[kmg]?")) {
            throw new IllegalArgumentException("--heap is a Java heap size such as 256m, or none; not '" + heap + "'");
        }
        if (!compareHeap && sides(options).equals("small-heap")) {
            throw new IllegalArgumentException("--sides small-heap runs the engine at --heap only: give --heap");
        }
        System.out.printf("Sync throughput: %d cores, %d writer threads, JVM max heap %d MB, record log level %s,"
                + " databases %s, %s%n", Runtime.getRuntime().availableProcessors(), writers,
                Runtime.getRuntime().maxMemory() >> 20, level, options.text("db"), !compareHeap
                        ? "no child JVMs" : sides(options).equals("all")
                        ? "the engine again in child JVMs at the default heap and at -Xmx" + heap
                        : "only the engine in a child JVM at -Xmx" + heap);
        System.out.println("  seconds: the run, from its start to its end, less the benchmark's own full GCs;"
                + " first s: from the run's start to the target's first stored customer; live heap: MB used after a"
                + " full GC when the side starts / has fetched (and staged) every bill / every bill has its outcome"
                + " / the run has ended; B/record: the engine's database growth per record staged (H2: the file on"
                + " disk / the file compacted)");
        System.out.printf(ROW, "db", "scenario", "bills", "side", "written", "seconds", "bills/s", "writes/s",
                "first s", "live heap MB", "B/record", "ratio");
        for (String db : options.texts("db")) {
            try (Databases databases = databases(db, options.text("db-url"))) {
                for (int bills : options.integers("sizes")) {
                    compare(options, databases, "seed", bills, compareHeap ? heap : null);
                }
                for (int bills : options.integers("per-bill-sizes")) {
                    compare(options, databases, "per-bill", bills, compareHeap ? heap : null);
                }
                if (options.integer("rate") > 0) {
                    rateLimited(options, databases);
                }
            }
        }
    }

    private static String logLevel(Options options) {
        String level = options.text("log-level").trim().toUpperCase(Locale.ROOT);
        if (!Set.of("ALL", "FAILURES", "SUMMARY").contains(level)) {
            throw new IllegalArgumentException("--log-level is ALL, FAILURES or SUMMARY, not '"
                    + options.text("log-level") + "'");
        }
        return level;
    }

    private static Databases databases(String db, String serverUrl) throws IOException {
        return switch (db.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> new Databases() {
                @Override
                public String name() {
                    return "h2";
                }

                @Override
                public Database newDatabase() {
                    return null;
                }

                @Override
                public void close() {
                }
            };
            case "postgres", "postgresql" -> {
                PostgresServer server = PostgresServer.start(serverUrl);
                yield new Databases() {
                    @Override
                    public String name() {
                        return "postgres";
                    }

                    @Override
                    public Database newDatabase() throws SQLException {
                        return new Database(server.newDatabase("sync_bench"), server.user(), server.password());
                    }

                    @Override
                    public void close() throws IOException {
                        server.close();
                    }
                };
            }
            default -> throw new IllegalArgumentException("--db is a list of h2 and postgres, not '" + db + "'");
        };
    }

    /**
     * The engine, then the baseline, then (with {@code heap}) the engine in child JVMs at the default heap and at
     * {@code heap}, on one data set; with {@code --sides small-heap} only the last.
     */
    private static void compare(Options options, Databases databases, String scenario, int bills, String heap)
            throws Exception {
        int writers = options.integer("writers");
        String level = logLevel(options);
        boolean progress = bills >= options.integer("progress-from");
        boolean perBill = scenario.equals("per-bill");
        boolean all = sides(options).equals("all");
        String db = databases.name();
        TargetWatch target = new TargetWatch(sandbox("jackyun", Map.of()));
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee", Map.of("bills", String.valueOf(bills))));
                SandboxServer jackyun = SandboxServer.start(target)) {
            Integer stored = null;
            if (all) {
                target.reset(jackyun.baseUrl());
                Measured engine = engine(databases.newDatabase(), kingdee.baseUrl(), jackyun.baseUrl(), perBill,
                        bills, writers, level, 0, progress ? db + " " + scenario + " engine" : null);
                Duration engineFirst = target.firstWriteAfter(engine.started());
                stored = storedCustomers(jackyun);
                target.reset(jackyun.baseUrl());
                Measured baseline = baseline(kingdee.baseUrl(), jackyun.baseUrl(), perBill, bills, writers,
                        progress ? db + " " + scenario + " baseline" : null);
                Duration baselineFirst = target.firstWriteAfter(baseline.started());
                int storedByBaseline = storedCustomers(jackyun);
                if (stored != storedByBaseline || stored != engine.written()) {
                    throw new IllegalStateException("engine and baseline disagree: engine stored " + stored
                            + " (counted " + engine.written() + "), baseline " + storedByBaseline);
                }
                print(db, scenario, bills, "engine", engine, engineFirst, "");
                print(db, scenario, bills, "baseline", baseline, baselineFirst,
                        String.format("%.2f engine/baseline", engine.billsPerSecond() / baseline.billsPerSecond()));
                printEngineDetail(db, engine);
            }
            if (heap != null) {
                Measured atDefault = null;
                Duration defaultFirst = null;
                if (all) {
                    atDefault = child(options, databases, kingdee, jackyun, target, scenario, bills, null, stored);
                    defaultFirst = target.firstWriteAfter(atDefault.started());
                }
                Measured atSmall = child(options, databases, kingdee, jackyun, target, scenario, bills, heap,
                        stored);
                Duration smallFirst = target.firstWriteAfter(atSmall.started());
                if (atDefault != null) {
                    print(db, scenario, bills, "engine child", atDefault, defaultFirst, "default heap");
                }
                print(db, scenario, bills, "engine -Xmx" + heap, atSmall, smallFirst, atDefault == null ? ""
                        : String.format("%.2f× the time at the default heap", atSmall.seconds()
                                / atDefault.seconds()));
            }
        }
    }

    private static String sides(Options options) {
        String sides = options.text("sides").trim().toLowerCase(Locale.ROOT);
        if (!sides.equals("all") && !sides.equals("small-heap")) {
            throw new IllegalArgumentException("--sides is all (engine, baseline, engine in child JVMs) or"
                    + " small-heap (only the engine in a child JVM at --heap), not '" + options.text("sides") + "'");
        }
        return sides;
    }

    /**
     * The engine's run on a platform of its own: a new database, the seed solution (per bill or not) at the given
     * log level and rate limit, one manual run; answers what it measured.
     *
     * @param database     a PostgreSQL database, or null for a new H2 file database
     * @param progressName the progress lines' name of the run, or null for none
     */
    static Measured engine(Database database, String kingdeeUrl, String jackyunUrl, boolean perBill,
            int bills, int writers, String level, double rateLimit, String progressName) throws Exception {
        Path data = Files.createTempDirectory("yunqiao-bench");
        try {
            Measured measured = engineOn(data, database, kingdeeUrl, jackyunUrl, perBill, bills, writers, level,
                    rateLimit, progressName);
            return database == null && System.getProperty("bench.db") == null
                    ? measured.withCompacted(compactedH2(data.resolve("yunqiao"), measured.databaseUser()))
                    : measured;
        } finally {
            delete(data);
        }
    }

    private static Measured engineOn(Path data, Database database, String kingdeeUrl, String jackyunUrl,
            boolean perBill, int bills, int writers, String level, double rateLimit, String progressName)
            throws Exception {
        try (ConfigurableApplicationContext platform = database == null ? BenchmarkPlatform.start(data, writers)
                : BenchmarkPlatform.startOnPostgres(database.url(), database.user(), database.password(),
                        writers)) {
            long solution = BenchmarkSolutions.create(platform, "benchmark", kingdeeUrl, jackyunUrl,
                    new BenchmarkSolutions.Changes(perBill ? PER_BILL_MAPPING : null, null, rateLimit, level));
            SyncEngine engine = platform.getBean(SyncEngine.class);
            MeterRegistry meters = platform.getBean(MeterRegistry.class);
            DataSource dataSource = platform.getBean(DataSource.class);
            Long databaseBefore = databaseSize(dataSource);
            Long heapBefore = PhaseSampler.liveHeap();
            Instant started = Instant.now();
            Run run;
            PhaseSampler sampler = new PhaseSampler(progressName, bills, () -> records(meters, "fetched"),
                    () -> records(meters, "written") + records(meters, "skipped") + records(meters, "failed"),
                    progressName != null);
            try {
                run = engine.runNow(solution, RunTrigger.MANUAL, false);
            } finally {
                sampler.close();
            }
            if (run.getFailed() > 0 || run.getStatus().name().equals("FAILED")) {
                throw new IllegalStateException("the engine's run did not succeed: " + run.getStatus() + ", "
                        + run.getFailed() + " failed" + (run.getError() == null ? "" : " (" + run.getError() + ")"));
            }
            Long heapAfter = PhaseSampler.liveHeap();
            Long databaseAfter = databaseSize(dataSource);
            if (printTables) {
                printTables(dataSource, run.getFetched());
            }
            return new Measured(run.getFetched(), run.getWritten(), sampler.wallSeconds() - sampler.gcSeconds(),
                    sampler.wallSeconds(), started, new Heap(heapBefore,
                    bytes(sampler.staged()), bytes(sampler.written()), heapAfter), sampler.gcSeconds(),
                    at(sampler.staged()), at(sampler.written()), databaseBefore, databaseAfter, null,
                    BenchmarkSolutions.logLevelOf(platform, solution), databaseUser(dataSource));
        }
    }

    /**
     * The size of an H2 file database (closed) after {@code SHUTDOWN COMPACT}, opened with the platform's account
     * (no password in the benchmark); null when it cannot be had.
     */
    private static Long compactedH2(Path database, String user) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                + database.toAbsolutePath(), user, ""); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            System.out.println("  (the H2 file could not be compacted: " + e.getMessage() + ")");
            return null;
        }
        try {
            return Files.size(Path.of(database + ".mv.db"));
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes a run's data directory: a 100,000-bill run leaves gigabytes. */
    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Long bytes(PhaseSampler.Sample sample) {
        return sample == null ? null : sample.liveBytes();
    }

    private static Double at(PhaseSampler.Sample sample) {
        return sample == null ? null : sample.seconds();
    }

    /** The engine's record counter by outcome (fetched, written, skipped, failed); 0 before the first. */
    private static int records(MeterRegistry meters, String outcome) {
        return (int) meters.find("yunqiao.records").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static String databaseUser(DataSource dataSource) throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getUserName();
        }
    }

    private static boolean tables(Options options) {
        String tables = options.text("tables").trim().toLowerCase(Locale.ROOT);
        if (!tables.equals("yes") && !tables.equals("no")) {
            throw new IllegalArgumentException("--tables is yes or no, not '" + options.text("tables") + "'");
        }
        return tables.equals("yes");
    }

    /**
     * The platform's tables, largest first, with their indexes (and PostgreSQL's TOAST): bytes and bytes per record
     * fetched. PostgreSQL counts the row versions vacuum has not reclaimed yet; H2 the pages its tables use.
     */
    private static void printTables(DataSource dataSource, int records) throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String query = product.equals("PostgreSQL")
                    ? "select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on"
                            + " n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' and"
                            + " c.relname like 'yq\\_%' order by 2 desc"
                    : "select lower(table_name), disk_space_used(table_name) from information_schema.tables"
                            + " where table_schema = 'PUBLIC' and table_name like 'YQ\\_%' order by 2 desc";
            try (ResultSet tables = statement.executeQuery(query)) {
                while (tables.next()) {
                    long bytes = tables.getLong(2);
                    if (bytes > 0) {
                        System.out.printf("    table %-24s %,14d bytes  %,8d B per record%n", tables.getString(1),
                                bytes, records == 0 ? 0 : bytes / records);
                    }
                }
            }
        }
    }

    /**
     * What the database holds, in bytes: PostgreSQL's {@code pg_database_size}; for H2 the size of its file after
     * {@code CHECKPOINT SYNC} (everything written out; the file's free pages included, as on the disk).
     */
    private static Long databaseSize(DataSource dataSource) throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equals("PostgreSQL")) {
                try (ResultSet size = statement.executeQuery("select pg_database_size(current_database())")) {
                    size.next();
                    return size.getLong(1);
                }
            }
            if (product.equals("H2")) {
                statement.execute("CHECKPOINT SYNC");
                try (ResultSet path = statement.executeQuery("CALL DATABASE_PATH()")) {
                    path.next();
                    Path file = Path.of(path.getString(1) + ".mv.db");
                    return Files.exists(file) ? Files.size(file) : null;
                } catch (IOException e) {
                    return null;
                }
            }
            return null;
        }
    }

    /**
     * The hand-written loop: fetch every page, map by hand, dedupe in memory, write with the same number of
     * threads; at most {@link #BASELINE_QUEUE} bodies wait for a writer.
     */
    private static Measured baseline(String kingdeeUrl, String jackyunUrl, boolean perBill, int bills, int writers,
            String progressName) throws Exception {
        ConnectorClient client = new ConnectorClient(ConnectorRegistry.discover(
                SyncThroughput.class.getClassLoader()));
        Connection source = new Connection("b1", "金蝶", "kingdee-jdy", BenchmarkSolutions.kingdeeValues(kingdeeUrl));
        Connection target = new Connection("b2", "吉客云", "jackyun", BenchmarkSolutions.jackyunValues(jackyunUrl));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Semaphore queue = new Semaphore(BASELINE_QUEUE);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger outcomes = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        Long heapBefore = PhaseSampler.liveHeap();
        Instant started = Instant.now();
        PhaseSampler sampler = new PhaseSampler(progressName, bills, fetched::get, outcomes::get,
                progressName != null);
        try {
            PageRequest page = PageRequest.first(100);
            QueryPage answer;
            do {
                answer = client.query(source, "jdy/pur/pur_inbound_list", Map.of(), page);
                for (JsonNode bill : answer.records()) {
                    fetched.incrementAndGet();
                    ObjectNode body = perBill ? perBillCustomer(bill) : supplierCustomer(bill);
                    if (!seen.add(body.get("customerCode").asText())) {
                        outcomes.incrementAndGet();
                        continue;
                    }
                    queue.acquire();
                    pool.execute(() -> {
                        try {
                            ExecuteResult result = client.execute(target, "crm.customer.add", body);
                            if (result.success()) {
                                written.incrementAndGet();
                            }
                        } catch (RuntimeException | Error e) {
                            synchronized (errors) {
                                errors.add(e);
                            }
                        } finally {
                            outcomes.incrementAndGet();
                            queue.release();
                        }
                    });
                }
                page = answer.next();
            } while (answer.hasMore());
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the baseline's writers did not finish within an hour");
            }
        } finally {
            pool.shutdownNow();
            sampler.close();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the baseline's writes failed: " + errors.get(0), errors.get(0));
        }
        Long heapAfter = PhaseSampler.liveHeap();
        return new Measured(fetched.get(), written.get(), sampler.wallSeconds() - sampler.gcSeconds(),
                sampler.wallSeconds(), started, new Heap(heapBefore,
                bytes(sampler.staged()), bytes(sampler.written()), heapAfter), sampler.gcSeconds(),
                at(sampler.staged()), at(sampler.written()), null, null, null, "-", null);
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

    /**
     * A per-bill run with a target rate limit R against a target that itself allows R calls per second and answers
     * "too many calls" beyond: prints the rate the target saw between its first and last write, and how often it
     * refused.
     */
    private static void rateLimited(Options options, Databases databases) throws Exception {
        int perSecond = options.integer("rate");
        int bills = options.integer("rate-bills");
        TargetWatch target = new TargetWatch(sandbox("jackyun", Map.of("rateLimit", String.valueOf(perSecond))));
        try (SandboxServer kingdee = SandboxServer.start(sandbox("kingdee", Map.of("bills", String.valueOf(bills))));
                SandboxServer jackyun = SandboxServer.start(target)) {
            target.reset(jackyun.baseUrl());
            Measured run = engine(databases.newDatabase(), kingdee.baseUrl(), jackyun.baseUrl(),
                    true, bills, options.integer("writers"), logLevel(options), perSecond, null);
            List<Instant> writes = target.writes();
            double span = writes.size() < 2 ? 0 : Duration.between(writes.get(0), writes.get(writes.size() - 1))
                    .toNanos() / 1e9;
            double achieved = span == 0 ? 0 : (writes.size() - 1) / span;
            System.out.printf("%s rate limit R = %d req/s on the target connection (the target allows %d/s):"
                    + " %d writes in %.1f s = %.1f req/s achieved (%.2f R), %d throttle answers; %d written by the"
                    + " run%n", databases.name(), perSecond, perSecond, writes.size(), span, achieved,
                    achieved / perSecond, target.throttled(), run.written());
        }
    }

    /**
     * The engine's run in a child JVM of this jar ({@code heap}: its {@code -Xmx}, null for the JVM's default), on a
     * new database, against this JVM's sandboxes (so their data does not count against the child's heap).
     */
    private static Measured child(Options options, Databases databases, SandboxServer kingdee,
            SandboxServer jackyun, TargetWatch target, String scenario, int bills, String heap, Integer expectedStored)
            throws Exception {
        target.reset(jackyun.baseUrl());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, Benchmarks.class.getName()));
        }
        Database database = databases.newDatabase();
        command.addAll(List.of("sync-engine", "--db", databases.name(), "--database-url",
                database == null ? "" : database.url(),
                "--source-url", kingdee.baseUrl(), "--target-url", jackyun.baseUrl(), "--scenario", scenario,
                "--bills", String.valueOf(bills), "--writers", options.text("writers"),
                "--log-level", logLevel(options), "--progress-from", options.text("progress-from"),
                "--tables", options.text("tables")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // the account reaches the child in its environment, not on its command line where any user could read it
        if (database != null) {
            builder.environment().put(USER_VARIABLE, database.user());
            builder.environment().put(PASSWORD_VARIABLE, database.password());
        }
        Process process = builder.start();
        Measured measured = null;
        String prefix = "  [" + (heap == null ? "child, default heap" : "child, -Xmx" + heap) + "] ";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    measured = JSON.readValue(line.substring(RESULT.length()), Measured.class);
                } else {
                    System.out.println(prefix + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || measured == null) {
            throw new IllegalStateException("the engine's run in a child JVM (" + prefix.trim() + ") ended with "
                    + exit + (measured == null ? " and no result" : ""));
        }
        int stored = storedCustomers(jackyun);
        if (stored != measured.written() || expectedStored != null && stored != expectedStored) {
            throw new IllegalStateException("the engine in a child JVM stored " + stored + " customers (counted "
                    + measured.written() + "), the run in this JVM " + expectedStored);
        }
        return measured;
    }

    /** The child's side of {@link #child}: one engine run, its own lines, then its result as one JSON line. */
    static void runChild(Options options) throws Exception {
        printTables = tables(options);
        int bills = options.integer("bills");
        String scenario = options.text("scenario");
        String url = options.text("database-url");
        Database database = url.isBlank() ? null : new Database(url, System.getenv().getOrDefault(USER_VARIABLE,
                "postgres"), System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
        Measured measured = engine(database, options.text("source-url"),
                options.text("target-url"), scenario.equals("per-bill"), bills, options.integer("writers"),
                logLevel(options), 0, bills >= options.integer("progress-from") ? options.text("db") + " " + scenario
                        + " engine, JVM max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB" : null);
        printEngineDetail(options.text("db"), measured);
        System.out.println(RESULT + JSON.writeValueAsString(measured));
    }

    private static void printEngineDetail(String db, Measured engine) {
        String compacted = engine.databaseCompacted() == null ? "" : String.format(" (%s MB once compacted: %d B"
                + " per record)", megabytes(engine.databaseCompacted()), engine.compactedBytesPerRecord());
        System.out.printf("  engine on %s, log level %s: every bill fetched and staged at %s s, every bill with an"
                + " outcome at %s s, run ended at %.1f s (of which the benchmark's full GCs took %.1f s, left out of"
                + " seconds and rates);"
                + " database %s → %s MB%s for %d records staged%n", db, engine.logLevel(),
                seconds(engine.stagedAt()), seconds(engine.outcomesAt()), engine.wallSeconds(), engine.gcSeconds(),
                megabytes(engine.databaseBefore()), megabytes(engine.databaseAfter()), compacted, engine.fetched());
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "n/a" : String.format("%.1f", seconds);
    }

    private static String megabytes(Long bytes) {
        return bytes == null ? "n/a" : String.format("%.1f", bytes / 1048576.0);
    }

    private static void print(String db, String scenario, int bills, String side, Measured measured,
            Duration firstWrite, String ratio) {
        Long perRecord = measured.bytesPerRecord();
        Long compacted = measured.compactedBytesPerRecord();
        String stored = perRecord == null ? "" : perRecord + (compacted == null ? "" : "/" + compacted);
        System.out.printf(ROW, db, scenario, bills, side, measured.written(), String.format("%.1f",
                measured.seconds()), String.format("%.0f", measured.billsPerSecond()), String.format("%.1f",
                measured.writesPerSecond()), firstWrite == null ? "n/a" : String.format("%.2f",
                firstWrite.toNanos() / 1e9), measured.heap().text(), stored, ratio);
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

    /**
     * How many customers the Jackyun sandbox stored, read from the head of its list: a million customers are
     * hundreds of megabytes of JSON, which this JVM's heap (where the benchmark measures) need not hold.
     */
    static int storedCustomers(SandboxServer jackyun) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(jackyun.baseUrl() + "/_admin/customers")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = answer.body();
                com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("count")) {
                        return parser.getIntValue();
                    }
                    parser.skipChildren();
                }
            }
        }
        throw new IllegalStateException("the Jackyun sandbox's customer list has no count");
    }

    static void post(String url) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
