package io.yunqiao.web.database;

import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Moves an embedded H2 database to PostgreSQL (docs/operations.md, "Moving from H2 to PostgreSQL"):
 * {@code java -jar yunqiao.jar --yunqiao.copy.from=jdbc:h2:file:./data/yunqiao} with the postgres profile and the
 * target's {@code YUNQIAO_DB_*} settings. No web server, no Quartz, no platform bean starts: the configuration is
 * read the way the platform reads it (application.yml, profile, environment, arguments), then plain JDBC does the
 * work and the process ends with an exit code.
 *
 * <p>Order: refuse early (source not H2, in use or newer than this jar; target not PostgreSQL or holding data; key
 * missing or not the source's), migrate the target to the source's schema version, copy every table of the source
 * (read from its schema, so tables added later come along) in one transaction with the foreign keys dropped and
 * put back (which checks them), compare row counts, set every sequence to where the source's stands, commit, then
 * migrate the target to this jar's version, so newer migrations treat the copied rows as they would have the H2 ones.
 * The Quartz tables are not copied: they hold the H2 instance's scheduler state, and every node registers the
 * schedules again from the solutions table when it starts.
 */
public final class CopyCommand {

    static final String FROM = "yunqiao.copy.from";
    static final int REFUSED = 2;
    static final int FAILED = 1;

    private static final String HISTORY = "flyway_schema_history";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CopyCommand.class);
    /**
     * Tables a migration puts a row in, and which of their rows someone made: the migrations of an earlier, failed
     * copy leave the maintenance mode's row behind, which must not make the target count as holding data.
     */
    private static final Map<String, String> SET_BY_PEOPLE = Map.of("yq_maintenance", "changed_at IS NOT NULL");
    // org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 and DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
    private static final int H2_IN_USE = 90020;
    private static final int H2_NOT_FOUND = 90146;

    private final PrintStream out;
    private final PrintStream err;

    CopyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the command line asks for the copy instead of the platform. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + FROM + "="));
    }

    /** Runs the copy with the platform's configuration and these arguments; answers the process's exit code. */
    public static int run(String... args) {
        return new CopyCommand(System.out, System.err).execute(args);
    }

    /**
     * Only so that Spring Boot reads the configuration: no bean of the platform is created. Deliberately not a
     * {@code @Configuration}, which the platform's component scan would pick up.
     */
    static class ConfigurationOnly {
    }

    int execute(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigurationOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                // the command's own lines are the report; warnings and errors still show (--logging.level.root=INFO
                // on the command line brings Flyway's and Spring's lines back)
                .properties("logging.level.root=WARN").run(args)) {
            return copy(context.getEnvironment());
        } catch (Problem problem) {
            err.println(problem.code() + ": " + problem.message(Locale.SIMPLIFIED_CHINESE));
            err.println(problem.code() + ": " + problem.message(Locale.ENGLISH));
            return REFUSED;
        } catch (SQLException | RuntimeException e) {
            say(err, "problem.copy.failed", reason(e));
            // the operator reads the database's words; the trace is for a bug report (--logging.level.io.yunqiao=DEBUG)
            LOG.debug("the copy failed", e);
            return FAILED;
        }
    }

    /**
     * A JDBC URL as printed: without its settings ({@code ?…} for PostgreSQL, {@code ;…} for H2), where a password
     * may be written, since the console of a copy often ends up in a job log.
     */
    static String shown(String url) {
        int settings = url.length();
        for (char mark : new char[] {'?', ';'}) {
            int at = url.indexOf(mark);
            if (at >= 0 && at < settings) {
                settings = at;
            }
        }
        return settings == url.length() ? url : url.substring(0, settings) + "…";
    }

    /**
     * The database's own words, e.g. a duplicate key and its value: for a batch, those of the statement that failed
     * rather than the driver's summary, which repeats the whole statement.
     */
    static String reason(Exception e) {
        if (e instanceof SQLException sql) {
            SQLException last = sql;
            while (last.getNextException() != null) {
                last = last.getNextException();
            }
            return String.valueOf(last.getMessage());
        }
        return String.valueOf(e.getMessage());
    }

    private int copy(Environment environment) throws SQLException {
        String sourceUrl = environment.getProperty(FROM, "").strip();
        String targetUrl = environment.getProperty("spring.datasource.url", "");
        if (!sourceUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            throw refusal("problem.copy.sourceNotH2", shown(sourceUrl));
        }
        if (!targetUrl.startsWith("jdbc:postgresql:")) {
            throw refusal("problem.copy.targetNotPostgres", shown(targetUrl));
        }
        checkKey(environment, sourceUrl);
        Properties targetAccount = new Properties();
        targetAccount.setProperty("user", environment.getProperty("spring.datasource.username", ""));
        targetAccount.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        targetAccount.setProperty("reWriteBatchedInserts", "true");
        try (Connection source = openSource(sourceUrl, environment);
                Connection target = DriverManager.getConnection(targetUrl, targetAccount)) {
            MigrationVersion sourceVersion = sourceVersion(source);
            Flyway flyway = flyway(environment, targetUrl, targetAccount, null);
            MigrationVersion jarVersion = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
            if (sourceVersion.isNewerThan(jarVersion.getVersion())) {
                throw refusal("problem.copy.sourceNewer", sourceVersion.getVersion(), jarVersion.getVersion());
            }
            refuseTargetWithData(target, sourceVersion);
            say(out, "copy.migrating", sourceVersion.getVersion());
            flyway(environment, targetUrl, targetAccount, sourceVersion).migrate();
            List<String> tables = sourceTables(source);
            Map<String, long[]> counts = copyTables(source, target, tables);
            Map<String, Long> sequences = copySequences(source, target);
            target.commit();
            say(out, "copy.migratingRest", jarVersion.getVersion());
            try {
                flyway.migrate();
            } catch (RuntimeException e) {
                // the rows are in: running the copy again would be refused, starting a node finishes the migration
                say(err, "problem.copy.migrateAfterCopyFailed", reason(e), jarVersion.getVersion());
                LOG.debug("the migration after the copy failed", e);
                return FAILED;
            }
            summary(counts, sequences);
            return 0;
        }
    }

    /** Flyway on the target with the platform's own migration locations, up to {@code version} when given. */
    private static Flyway flyway(Environment environment, String url, Properties account, MigrationVersion version) {
        String[] locations = Arrays.stream(environment.getProperty("spring.flyway.locations",
                "classpath:db/migration/common,classpath:db/migration/{vendor}").split(","))
                .map(location -> location.strip().replace("{vendor}", "postgresql")).toArray(String[]::new);
        var configuration = Flyway.configure().dataSource(url, account.getProperty("user"),
                account.getProperty("password")).locations(locations);
        if (version != null) {
            configuration.target(version);
        }
        return configuration.load();
    }

    /**
     * The key the nodes will open the copied connection secrets with must be the one that sealed them: the embedded
     * default's generated key file beside the H2 database, when it is there.
     */
    private void checkKey(Environment environment, String sourceUrl) {
        String key = environment.getProperty("yunqiao.secrets.key", "").strip();
        Optional<Path> keyFile = EmbeddedDatabaseFile.of(sourceUrl).map(file -> file.toAbsolutePath().normalize()
                .getParent().resolve("secret.key")).filter(Files::isRegularFile);
        if (key.isEmpty()) {
            throw refusal("problem.copy.keyMissing", keyFile.map(Path::toString).orElse("data/secret.key"));
        }
        if (keyFile.isPresent()) {
            try {
                String stored = Files.readString(keyFile.get(), StandardCharsets.US_ASCII).strip();
                if (!stored.equals(key)) {
                    throw refusal("problem.copy.keyDiffers", keyFile.get().toString());
                }
            } catch (java.io.IOException e) {
                throw refusal("problem.copy.keyUnreadable", keyFile.get().toString());
            }
        }
    }

    /**
     * Signs in to the H2 database as its owner (the credentials file beside it, as the platform made it), or with
     * {@code yunqiao.copy.from-user}/{@code -password}, else H2's old default {@code sa}. IFEXISTS keeps a mistyped
     * path from creating an empty database; a database a running platform holds open is refused.
     */
    private static Connection openSource(String url, Environment environment) throws SQLException {
        String user = environment.getProperty(FROM + "-user", "");
        String password = environment.getProperty(FROM + "-password", "");
        Optional<Path> file = EmbeddedDatabaseFile.of(url);
        if (user.isEmpty()) {
            Optional<Path> credentials = file.map(f -> f.toAbsolutePath().normalize().getParent()
                    .resolve("database.credentials")).filter(Files::isRegularFile);
            if (credentials.isPresent()) {
                DatabaseCredentials accounts = DatabaseCredentials.loadOrCreate(credentials.get(), "sa");
                user = accounts.ownerUser();
                password = accounts.ownerPassword();
            } else {
                user = "sa";
            }
        }
        String opened = url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
        try {
            Connection connection = DriverManager.getConnection(opened, user, password);
            connection.setReadOnly(true);
            try (Statement sql = connection.createStatement()) {
                // rows are streamed instead of gathered per query: memory stays bounded whatever a table holds
                sql.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            return connection;
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_IN_USE) {
                throw refusal("problem.copy.sourceInUse", shown(url));
            }
            if (e.getErrorCode() == H2_NOT_FOUND) {
                throw refusal("problem.copy.sourceMissing", shown(url));
            }
            throw refusal("problem.copy.sourceUnreadable", shown(url), e.getMessage());
        }
    }

    private static MigrationVersion sourceVersion(Connection source) throws SQLException {
        MigrationVersion newest = MigrationVersion.EMPTY;
        try (Statement sql = source.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT \"version\" FROM \"" + HISTORY + "\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (version.isNewerThan(newest.getVersion())) {
                    newest = version;
                }
            }
        } catch (SQLException e) {
            throw refusal("problem.copy.sourceNotYunqiao", e.getMessage());
        }
        if (newest == MigrationVersion.EMPTY) {
            throw refusal("problem.copy.sourceNotYunqiao", HISTORY);
        }
        return newest;
    }

    /** Any row in any table (Flyway's history aside), or a schema newer than the source's, and the copy stops. */
    private static void refuseTargetWithData(Connection target, MigrationVersion sourceVersion) throws SQLException {
        target.setAutoCommit(false);
        List<String> withRows = new ArrayList<>();
        for (String table : targetTables(target)) {
            if (table.equals(HISTORY)) {
                continue;
            }
            try (Statement sql = target.createStatement(); ResultSet any = sql.executeQuery(
                    "SELECT 1 FROM " + quoted(table) + " WHERE " + SET_BY_PEOPLE.getOrDefault(table, "TRUE")
                            + " LIMIT 1")) {
                if (any.next()) {
                    withRows.add(table);
                }
            }
        }
        if (!withRows.isEmpty()) {
            throw refusal("problem.copy.targetHasData", String.join(", ", withRows.subList(0,
                    Math.min(5, withRows.size()))), withRows.size());
        }
        if (targetTables(target).contains(HISTORY)) {
            try (Statement sql = target.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
                while (rows.next()) {
                    if (MigrationVersion.fromVersion(rows.getString(1)).isNewerThan(sourceVersion.getVersion())) {
                        throw refusal("problem.copy.targetNewer", rows.getString(1), sourceVersion.getVersion());
                    }
                }
            }
        }
        target.rollback();
    }

    private static List<String> targetTables(Connection target) throws SQLException {
        return firstColumn(target, "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /** The source's tables as H2 names them, Flyway's history and Quartz's tables left out. */
    private static List<String> sourceTables(Connection source) throws SQLException {
        return firstColumn(source, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME").stream().filter(CopyCommand::copied).toList();
    }

    private static List<String> firstColumn(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Whether a table's rows are copied: not Flyway's own history, not the Quartz scheduler's state. */
    static boolean copied(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return !name.equals(HISTORY) && !name.startsWith("qrtz_");
    }

    private Map<String, long[]> copyTables(Connection source, Connection target, List<String> tables)
            throws SQLException {
        target.setAutoCommit(false);
        List<String[]> foreignKeys = dropForeignKeys(target);
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String table : tables) {
            String name = table.toLowerCase(Locale.ROOT);
            List<String> columns = columns(source, table);
            // the target was empty before its migrations ran, so what it holds now a migration put there (the
            // maintenance mode's single row): the source's rows, which went through the same migrations, replace it
            try (Statement sql = target.createStatement()) {
                sql.executeUpdate("DELETE FROM " + quoted(name));
            }
            long copied = copyTable(source, target, table, columns);
            long sourceRows = count(source, "\"" + table + "\"");
            long targetRows = count(target, quoted(name));
            counts.put(name, new long[] {sourceRows, copied, targetRows});
            if (sourceRows != targetRows || copied != sourceRows) {
                target.rollback();
                throw refusal("problem.copy.countDiffers", name, sourceRows, targetRows);
            }
            say(out, "copy.table", name, copied);
        }
        for (String[] key : foreignKeys) {
            try (Statement sql = target.createStatement()) {
                sql.execute("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + quoted(key[1]) + " " + key[2]);
            }
        }
        return counts;
    }

    /** The target's foreign keys, dropped for the copy; answered to be put back (table, name, definition). */
    private static List<String[]> dropForeignKeys(Connection target) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (Statement sql = target.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")) {
            while (rows.next()) {
                keys.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        for (String[] key : keys) {
            try (Statement sql = target.createStatement()) {
                sql.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT " + quoted(key[1]));
            }
        }
        return keys;
    }

    private static List<String> columns(Connection source, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement sql = source.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            sql.setString(1, table);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** Streams one table into the target in batches; answers the rows sent. */
    private static long copyTable(Connection source, Connection target, String table, List<String> columns)
            throws SQLException {
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList())
                + " FROM \"" + table + "\"";
        String insert = "INSERT INTO " + quoted(table.toLowerCase(Locale.ROOT)) + " ("
                + String.join(", ", columns.stream().map(c -> quoted(c.toLowerCase(Locale.ROOT))).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long sent = 0;
        try (Statement read = source.createStatement(); PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery(select)) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, portable(rows.getObject(i)));
                    }
                    write.addBatch();
                    sent++;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
        return sent;
    }

    /** H2's large objects as plain values: PostgreSQL's columns are text and bytea. */
    private static Object portable(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return value;
    }

    /**
     * Each sequence of the source continues on the target where it stood: the next value the target hands out is
     * the one the source would have, so no copied id is handed out again.
     */
    private static Map<String, Long> copySequences(Connection source, Connection target) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        try (Statement sql = source.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                        + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' ORDER BY SEQUENCE_NAME")) {
            while (rows.next()) {
                next.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
            }
        }
        for (Map.Entry<String, Long> sequence : next.entrySet()) {
            try (PreparedStatement sql = target.prepareStatement("SELECT setval(?::regclass, ?, false)")) {
                sql.setString(1, quoted(sequence.getKey()));
                sql.setLong(2, sequence.getValue());
                sql.execute();
            }
        }
        return next;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void summary(Map<String, long[]> counts, Map<String, Long> sequences) {
        say(out, "copy.summary.head");
        long total = 0;
        for (Map.Entry<String, long[]> table : counts.entrySet()) {
            long[] c = table.getValue();
            out.printf("  %-32s %12d %12d%n", table.getKey(), c[0], c[2]);
            total += c[2];
        }
        sequences.forEach((name, value) -> say(out, "copy.summary.sequence", name, value));
        say(out, "copy.summary.quartz");
        say(out, "copy.summary.done", counts.size(), total);
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Every line in Chinese, then in English: the console of a server rarely says which the reader prefers. */
    private static void say(PrintStream stream, String code, Object... params) {
        stream.println(ProblemTexts.render(code, Locale.SIMPLIFIED_CHINESE, params));
        stream.println(ProblemTexts.render(code, Locale.ENGLISH, params));
    }

    private static Problem refusal(String code, Object... params) {
        return Problem.coded(Problem.Kind.CONFLICT, null, code, params);
    }
}
