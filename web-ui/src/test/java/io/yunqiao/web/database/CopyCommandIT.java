package io.yunqiao.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.YunqiaoApplication;
import io.yunqiao.web.postgres.TestPostgres;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The H2 → PostgreSQL copy ({@link CopyCommand}) on an H2 file database the real platform filled (connections,
 * solution and its versions, an own template, runs with staged records and record logs, users, API tokens, value
 * maps), copied once into a new embedded PostgreSQL database.
 */
class CopyCommandIT {

    private static Path data;
    private static String source;
    private static String key;
    private static String target;
    private static int exitCode;
    private static String output;

    @BeforeAll
    static void copyAFilledH2Database() throws IOException {
        data = Files.createTempDirectory("yunqiao-copy-it");
        source = "jdbc:h2:file:" + data.resolve("yunqiao");
        fill();
        key = Files.readString(data.resolve("secret.key"), StandardCharsets.US_ASCII).strip();
        target = TestPostgres.newDatabase("copy_it");
        Outcome outcome = copy(target, key);
        exitCode = outcome.exitCode();
        output = outcome.out() + outcome.err();
    }

    @AfterAll
    static void removeData() throws IOException {
        FileSystemUtils.deleteRecursively(data);
    }

    @Test
    void theCopyEndsWithExitCodeZeroAndASummaryPerTable() {
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("yq_run", "yq_record_log", "yq_connection", "QRTZ_");
    }

    @Test
    void everyRowOfEveryTableArrivesColumnByColumn() throws SQLException {
        Map<String, List<String>> before = rows(source(), true);
        Map<String, List<String>> after = rows(target(), false);

        assertThat(before.keySet()).contains("yq_connection", "yq_solution", "yq_solution_version", "yq_run",
                "yq_source_record", "yq_source_content", "yq_record_log", "yq_written_key", "yq_checkpoint",
                "yq_user_account", "yq_value_map", "yq_template");
        assertThat(before.get("yq_record_log")).isNotEmpty();
        assertThat(before.get("yq_source_content")).isNotEmpty();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as("rows of " + table).hasSameSizeAs(before.get(table))
                    .containsExactlyElementsOf(before.get(table));
        }
    }

    @Test
    void everySequenceContinuesWhereTheSourcesStood() throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        try (Connection h2 = source(); Statement sql = h2.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                next.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
            }
        }
        assertThat(next).containsKeys("yq_id_seq", "yq_run_seq", "yq_solution_seq");

        try (Connection postgres = target(); Statement sql = postgres.createStatement()) {
            for (Map.Entry<String, Long> sequence : next.entrySet()) {
                try (ResultSet value = sql.executeQuery("SELECT last_value, is_called FROM " + sequence.getKey())) {
                    value.next();
                    assertThat(value.getLong(1)).as(sequence.getKey()).isEqualTo(sequence.getValue());
                    assertThat(value.getBoolean(2)).as(sequence.getKey()).isFalse();
                }
            }
        }
    }

    @Test
    void aSecondCopyIntoTheFilledDatabaseIsRefused() throws SQLException {
        long runs = count(target(), "yq_run");

        Outcome again = copy(target, key);

        assertThat(again.exitCode()).isEqualTo(CopyCommand.REFUSED);
        assertThat(again.err()).contains("problem.copy.targetHasData", "目标数据库已经有数据",
                "holds data already");
        assertThat(count(target(), "yq_run")).isEqualTo(runs);
    }

    @Test
    void aKeyOtherThanTheSourcesIsRefusedBeforeAnythingIsWritten() throws SQLException {
        String empty = TestPostgres.newDatabase("copy_it_key");

        Outcome wrongKey = copy(empty, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

        assertThat(wrongKey.exitCode()).isEqualTo(CopyCommand.REFUSED);
        assertThat(wrongKey.err()).contains("problem.copy.keyDiffers", "secret.key");
        try (Connection postgres = DriverManager.getConnection(empty, TestPostgres.user(), TestPostgres.password());
                Statement sql = postgres.createStatement(); ResultSet tables = sql.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getLong(1)).isZero();
        }
    }

    @Test
    void aTargetThatIsNotPostgresIsRefusedNamingTheProfile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new CopyCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--yunqiao.copy.from=" + source,
                        "--yunqiao.secrets.key=" + key);

        assertThat(code).isEqualTo(CopyCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("problem.copy.targetNotPostgres",
                "SPRING_PROFILES_ACTIVE=postgres");
    }

    @Test
    void aSourceOlderThanTheJarIsCopiedAtItsVersionThenMigrated() throws IOException, SQLException {
        Path old = Files.createTempDirectory("yunqiao-copy-it-old");
        try {
            String olderSource = "jdbc:h2:file:" + old.resolve("yunqiao");
            Flyway.configure().dataSource(olderSource, "sa", "").locations("classpath:db/migration/common",
                    "classpath:db/migration/h2").target("15").load().migrate();
            try (Connection h2 = DriverManager.getConnection(olderSource, "sa", "");
                    Statement sql = h2.createStatement()) {
                sql.execute("INSERT INTO yq_connection (id, name, connector_id, plain_values, created_at, updated_at,"
                        + " row_version) VALUES (7, '旧版本的连接', 'jackyun', '{}', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP, 0)");
            }
            String database = TestPostgres.newDatabase("copy_it_old");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int code = new CopyCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                    StandardCharsets.UTF_8)).execute("--yunqiao.copy.from=" + olderSource,
                            "--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
                            "--spring.datasource.username=" + TestPostgres.user(),
                            "--spring.datasource.password=" + TestPostgres.password(), "--yunqiao.secrets.key=" + key);

            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(Flyway.configure().dataSource(database, TestPostgres.user(), TestPostgres.password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().info()
                    .pending()).as("migrations left after the copy").isEmpty();
            try (Connection postgres = DriverManager.getConnection(database, TestPostgres.user(),
                    TestPostgres.password()); Statement sql = postgres.createStatement();
                    ResultSet row = sql.executeQuery("SELECT name FROM yq_connection WHERE id = 7")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("旧版本的连接");
            }
        } finally {
            FileSystemUtils.deleteRecursively(old);
        }
    }

    @Test
    void aDatabaseAnotherProcessHoldsOpenIsRefused() throws Exception {
        Path open = Files.createTempDirectory("yunqiao-copy-it-open");
        String url = "jdbc:h2:file:" + open.resolve("yunqiao");
        DriverManager.getConnection(url, "sa", "shell-pass-1").close();
        // another JVM (H2's own shell, as a running platform would) opens the database and waits for SQL
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "shell-pass-1")
                .redirectErrorStream(true).start();
        try {
            waitFor(other, "sql>");
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = new CopyCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--yunqiao.copy.from=" + url,
                            "--yunqiao.copy.from-user=sa", "--yunqiao.copy.from-password=shell-pass-1",
                            "--spring.profiles.active=postgres", "--spring.datasource.url=" + target,
                            "--yunqiao.secrets.key=" + key);

            assertThat(code).isEqualTo(CopyCommand.REFUSED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("problem.copy.sourceInUse", "正在被使用",
                    "is in use");
        } finally {
            other.destroy();
            other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            FileSystemUtils.deleteRecursively(open);
        }
    }

    /** Reads the process's output until it shows {@code text} (a prompt), within a minute. */
    private static void waitFor(Process process, String text) throws IOException, InterruptedException {
        StringBuilder seen = new StringBuilder();
        java.io.InputStream output = process.getInputStream();
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (seen.indexOf(text) < 0) {
            if (output.available() > 0) {
                seen.append((char) output.read());
            } else if (!process.isAlive() || System.nanoTime() > until) {
                throw new IllegalStateException("the other process never showed '" + text + "': " + seen);
            } else {
                Thread.sleep(50);
            }
        }
    }

    /** The platform itself, on the H2 file, makes data of every kind, then stops. */
    private static void fill() {
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(YunqiaoApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + source,
                "--yunqiao.secrets.key-file=" + data.resolve("secret.key"),
                "--spring.quartz.scheduler-name=copy-it-source",
                "--yunqiao.security.admin-password=copy-admin-1",
                "--yunqiao.demo.enabled=false")) {
            String sandbox = "http://127.0.0.1:" + platform.getEnvironment().getProperty("local.server.port")
                    + "/sandbox";
            Connections connections = platform.getBean(Connections.class);
            long kingdee = connections.create(new ConnectionDraft("金蝶(复制)", "kingdee-jdy", Map.of("baseUrl",
                    sandbox + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                    "demo", "password", "demo-pass"))).id();
            long jackyun = connections.create(new ConnectionDraft("吉客云(复制)", "jackyun", Map.of("baseUrl",
                    sandbox + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                    "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
            Templates templates = platform.getBean(Templates.class);
            SolutionView solution = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "复制测试方案",
                    kingdee, jackyun);
            SyncEngine engine = platform.getBean(SyncEngine.class);
            assertThat(engine.runNow(solution.id(), RunTrigger.MANUAL, false).getStatus())
                    .isEqualTo(RunStatus.SUCCESS);
            engine.runNow(solution.id(), RunTrigger.MANUAL, false);
            ValueMapTables valueMaps = platform.getBean(ValueMapTables.class);
            valueMaps.create("仓库对照", "复制测试");
            valueMaps.put("仓库对照", Map.of("WH01", "主仓", "WH02", "二号仓"));
            platform.getBean(UserAccounts.class).create("clerk", "业务员", Role.OPERATOR, "clerk-password-1");
            TemplatePublication proposal = templates.proposal(solution.id());
            templates.publish(solution.id(), new TemplatePublication("copy-it-own", proposal.title(),
                    proposal.description(), proposal.category(), proposal.tags(), proposal.inputs(),
                    proposal.copiedValueMaps(), "复制测试"), "admin");
        }
    }

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome copy(String database, String secretsKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CopyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(
                        "--yunqiao.copy.from=" + source,
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestPostgres.user(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--yunqiao.secrets.key=" + secretsKey);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Connection source() throws SQLException {
        DatabaseCredentials owner = DatabaseCredentials.loadOrCreate(data.resolve("database.credentials"), "sa");
        return DriverManager.getConnection(source + ";IFEXISTS=TRUE", owner.ownerUser(), owner.ownerPassword());
    }

    private static Connection target() throws SQLException {
        return DriverManager.getConnection(target, TestPostgres.user(), TestPostgres.password());
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (connection; Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Every copied table's rows, each as its columns' values in a form both databases give alike (bytes as hex,
     * instants, numbers without scale), sorted: table name → rows.
     */
    private static Map<String, List<String>> rows(Connection connection, boolean h2) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (connection) {
            List<String> names = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet found = sql.executeQuery(h2
                    ? "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                            + " AND TABLE_TYPE = 'BASE TABLE'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_type = 'BASE TABLE'")) {
                while (found.next()) {
                    if (CopyCommand.copied(found.getString(1))) {
                        names.add(found.getString(1));
                    }
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (Statement sql = connection.createStatement();
                        ResultSet all = sql.executeQuery("SELECT * FROM \"" + name + "\"")) {
                    int columns = all.getMetaData().getColumnCount();
                    List<String> labels = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        labels.add(all.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    while (all.next()) {
                        Map<String, String> row = new java.util.TreeMap<>();
                        for (int i = 1; i <= columns; i++) {
                            row.put(labels.get(i - 1), comparable(all.getObject(i)));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name.toLowerCase(Locale.ROOT), rows);
            }
        }
        return tables;
    }

    private static String comparable(Object value) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.sql.Blob blob) {
            return "0x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant().toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
