package io.yunqiao.benchmarks;

import io.yunqiao.run.search.FoundRecords;
import io.yunqiao.run.search.RecordSearch;
import io.yunqiao.run.search.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a search by business key takes with {@code --records} staged records (default 1,000,000) and one record
 * log entry each, on H2 and on PostgreSQL: the platform's own {@link RecordSearch} (the runs screen's search box and
 * {@code GET /api/records}), after the tables are filled by set-based SQL. Per kind of query, {@code --queries}
 * different texts (after as many to warm up): median, p99 and slowest in milliseconds, and how many records the
 * answers listed.
 */
final class SearchLatency {

    private static final long RECORD_IDS = 1_000_000_000L;
    private static final long RUN_IDS = 2_000_000_000L;
    private static final long LOG_IDS = 3_000_000_000L;
    private static final int SOLUTIONS = 10;
    /** Bills per day, and so per run. */
    private static final int PER_DAY = 1000;
    private static final int SUPPLIERS = 50_000;

    private SearchLatency() {
    }

    /** One kind of query: its name, the match the search box uses, and the text of query i. */
    private record Kind(String name, SearchQuery.Match match, IntFunction<String> text) {
    }

    static void run(Options options) throws Exception {
        int records = options.integer("records");
        int queries = options.integer("queries");
        System.out.printf("search latency: %,d staged records in %d solutions, %,d record log entries, %d queries"
                + " per kind after %d to warm up%n", records, SOLUTIONS, records, queries, queries);
        for (String db : options.texts("db")) {
            switch (db) {
                case "h2" -> {
                    Path dir = Files.createTempDirectory("yunqiao-search-bench");
                    try (ConfigurableApplicationContext platform = BenchmarkPlatform.start(dir, 1)) {
                        measure("h2", platform, records, queries);
                    }
                }
                case "postgres" -> {
                    try (PostgresServer server = PostgresServer.start(options.text("db-url"))) {
                        String url = server.newDatabase("yunqiao_search");
                        try (ConfigurableApplicationContext platform = BenchmarkPlatform.startOnPostgres(url,
                                server.user(), server.password(), 1)) {
                            measure(server.embedded() ? "postgres (embedded)" : "postgres", platform, records,
                                    queries);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("--db takes h2 and postgres, not " + db);
            }
        }
    }

    private static void measure(String db, ConfigurableApplicationContext platform, int records, int queries) {
        JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
        RecordSearch search = platform.getBean(RecordSearch.class);
        long start = System.nanoTime();
        fill(jdbc, db.startsWith("h2"), records);
        System.out.printf("%n%s: filled in %.1f s%n", db, (System.nanoTime() - start) / 1e9);
        Random random = new Random(42);
        int days = Math.max(1, records / PER_DAY);
        List<Kind> kinds = List.of(
                new Kind("bill number, whole (search box)", null, i -> code(random.nextInt(records))),
                new Kind("bill number, EXACT", SearchQuery.Match.EXACT, i -> code(random.nextInt(records))),
                new Kind("bill number, small letters", null,
                        i -> code(random.nextInt(records)).toLowerCase(java.util.Locale.ROOT)),
                new Kind("prefix: a day CGRK-yyyyMMdd", null,
                        i -> code(random.nextInt(days) * PER_DAY).substring(0, 13)),
                new Kind("prefix: a year CGRK-2026", null, i -> "CGRK-202" + (4 + random.nextInt(3))),
                new Kind("source key", null, i -> sourceKey(random.nextInt(records))),
                new Kind("target key", null, i -> String.format("GYS%06d", random.nextInt(SUPPLIERS))),
                new Kind("no match", null, i -> "XSCK-" + random.nextInt(1_000_000)));
        System.out.printf("%-32s %8s %8s %8s %10s %6s%n", "query", "median", "p99", "max", "listed/q", "more");
        for (Kind kind : kinds) {
            for (int i = 0; i < queries; i++) {
                search.find(SearchQuery.parse(kind.text().apply(i), kind.match()));
            }
            long[] nanos = new long[queries];
            long listed = 0;
            int more = 0;
            for (int i = 0; i < queries; i++) {
                SearchQuery query = SearchQuery.parse(kind.text().apply(i), kind.match());
                long began = System.nanoTime();
                FoundRecords found = search.find(query);
                nanos[i] = System.nanoTime() - began;
                listed += found.records().size();
                more += found.more() ? 1 : 0;
            }
            Arrays.sort(nanos);
            System.out.printf("%-32s %8.2f %8.2f %8.2f %10.1f %6d%n", kind.name(), nanos[queries / 2] / 1e6,
                    nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e6,
                    nanos[queries - 1] / 1e6, listed / (double) queries, more);
        }
    }

    /**
     * The bill number of record {@code x}: {@code CGRK-yyyyMMdd-NNNN}, a thousand bills a day from 2024-01-01 in
     * months of 28 days (what the fill's SQL computes).
     */
    static String code(long x) {
        long day = x / PER_DAY;
        return String.format("CGRK-%d%02d%02d-%04d", 2024 + day / 336, day / 28 % 12 + 1, day % 28 + 1,
                x % PER_DAY + 1);
    }

    static String sourceKey(long x) {
        return String.valueOf(100_000_000L + x);
    }

    /**
     * Solutions, a run per day, the staged records and a log entry each, by set-based inserts: 90% written (with a
     * target key: 50,000 suppliers), 7% skipped as duplicates, 2% failed, 1% waiting.
     */
    private static void fill(JdbcTemplate jdbc, boolean h2, int records) {
        Timestamp now = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
        for (int s = 1; s <= SOLUTIONS; s++) {
            jdbc.update("insert into yq_solution (id, name, enabled, current_version, created_at, updated_at,"
                    + " row_version) values (?, ?, false, 1, ?, ?, 0)", s, "方案 " + s, now, now);
        }
        String numbers = h2 ? "select x from system_range(0, ?)" : "select x from generate_series(0, ?) as g(x)";
        int days = (records + PER_DAY - 1) / PER_DAY;
        jdbc.update("insert into yq_run (id, solution_id, solution_version, trigger_type, dry_run, status, fetched,"
                + " skipped, written, failed, pages, started_at) select " + RUN_IDS + " + x, mod(x, " + SOLUTIONS
                + ") + 1, 1, 'SCHEDULE', false, 'PARTIAL', 0, 0, 0, 0, 0, ? from (" + numbers + ") n", now,
                days - 1);
        String day = "(x / " + PER_DAY + ")";
        String code = "'CGRK-' || cast(2024 + " + day + " / 336 as varchar)"
                + " || lpad(cast(mod(" + day + " / 28, 12) + 1 as varchar), 2, '0')"
                + " || lpad(cast(mod(" + day + ", 28) + 1 as varchar), 2, '0')"
                + " || '-' || lpad(cast(mod(x, " + PER_DAY + ") + 1 as varchar), 4, '0')";
        String status = "case when mod(x, 100) < 90 then 'SUCCESS' when mod(x, 100) < 97 then 'SKIPPED'"
                + " when mod(x, 100) < 99 then 'FAILED' else 'PENDING' end";
        String target = "case when mod(x, 100) < 97 then 'GYS' || lpad(cast(mod(x, " + SUPPLIERS
                + ") as varchar), 6, '0') end";
        // in slices, so that neither database holds one transaction of a million rows
        int slice = 100_000;
        for (int from = 0; from < records; from += slice) {
            int to = Math.min(records, from + slice) - 1;
            String range = h2 ? "select x from system_range(" + from + ", " + to + ")"
                    : "select x from generate_series(" + from + ", " + to + ") as g(x)";
            jdbc.update("insert into yq_source_record (id, solution_id, source_key, code, content_hash, status,"
                    + " target_key, attempts, sent, last_run_id, fetched_at, updated_at) select " + RECORD_IDS
                    + " + x, mod(" + day + ", " + SOLUTIONS + ") + 1, cast(100000000 + x as varchar), " + code
                    + ", 'h', " + status + ", " + target + ", 1, true, " + RUN_IDS + " + " + day + ", ?, ? from ("
                    + range + ") n", now, now);
            jdbc.update("insert into yq_record_log (id, run_id, source_record_id, source_key, code, status,"
                    + " attempts, duration_ms, created_at) select " + LOG_IDS + " + x, " + RUN_IDS + " + " + day
                    + ", " + RECORD_IDS + " + x, cast(100000000 + x as varchar), " + code + ", case when mod(x, 100)"
                    + " < 99 then " + status + " else 'FAILED' end, 1, 20, ? from (" + range + ") n", now);
        }
        jdbc.execute("analyze");
        List<String> checks = new ArrayList<>();
        checks.add(code(0));
        checks.add(code(records - 1));
        for (String check : checks) {
            Integer found = jdbc.queryForObject("select count(*) from yq_source_record where code = ?",
                    Integer.class, check);
            if (found == null || found != 1) {
                throw new IllegalStateException("the fill's bill numbers differ from code(): " + check);
            }
        }
    }
}
