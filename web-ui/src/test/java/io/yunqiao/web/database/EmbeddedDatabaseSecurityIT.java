package io.yunqiao.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlProcessor.MatchStatus;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database as a local attacker or an SQL injection would try it. The platform starts with the database
 * URL application.yml ships, on a data directory an older version left behind: H2 file opened with AUTO_SERVER, owner {@code sa} with an empty password,
 * directory and files readable by everyone, the database two migrations behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "yunqiao.demo.enabled=false",
    "yunqiao.sandbox.enabled=false",
    "spring.quartz.scheduler-name=embedded-database-it",
    "yunqiao.security.admin-password=embedded-admin-pass",
    "yunqiao.secrets.generate-missing=false"})
@DirtiesContext
class EmbeddedDatabaseSecurityIT {

    private static final Path DATA = olderVersionsDataDirectory();
    private static final Path DATABASE = DATA.resolve("yunqiao");
    private static final Path KEY_FILE = DATA.resolve("secret.key");
    private static final String URL = "jdbc:h2:file:" + DATABASE;
    private static final String SHIPPED_URL = shippedUrlIn(DATA);
    private static final String OLD_CONNECTION = "旧版本的连接";

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void olderVersionsData(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SHIPPED_URL);
        registry.add("yunqiao.secrets.key-file", KEY_FILE::toString);
    }

    @AfterAll
    static void removeData() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void noServerAddressIsLeftInALockFileForOtherProcesses() throws IOException {
        Path lockFile = DATA.resolve("yunqiao.lock.db");

        Properties lock = new Properties();
        if (Files.exists(lockFile)) {
            try (InputStream in = Files.newInputStream(lockFile)) {
                lock.load(in);
            }
        }

        assertThat(lock.getProperty("server")).isNull();
    }

    @Test
    void anotherProcessCannotReachTheRunningDatabaseTheWayOlderVersionsAllowed() throws Exception {
        // What any local account could do: H2's shell with AUTO_SERVER reads the server's address and key from the
        // lock file and connects over TCP, as the old default user. Now the file is locked by the platform alone.
        String readKey = "SELECT FILE_READ('" + KEY_FILE + "', NULL)";
        String keyText = Files.readString(KEY_FILE).trim();

        String output = otherProcess("org.h2.tools.Shell", "-url", URL + ";AUTO_SERVER=TRUE", "-user", "sa",
                "-password", "", "-sql", readKey);

        assertThat(output).doesNotContain(keyText).contains("90020");
    }

    @Test
    void theDataDirectoryIsOwnerOnlyAndSoIsEveryFileItHeldOrGained() throws IOException {
        assertThat(mode(DATA)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(DATA)) {
            List<Path> all = files.filter(file -> !file.getFileName().toString().endsWith(".trace.db")).toList();
            assertThat(all).extracting(EmbeddedDatabaseSecurityIT::mode).containsOnly("rw-------");
            assertThat(all).extracting(file -> file.getFileName().toString())
                    .contains("yunqiao.mv.db", "secret.key", "database.credentials");
        }
    }

    @Test
    void theSecretsKeyFileIsOwnerOnly() {
        assertThat(mode(KEY_FILE)).isEqualTo("rw-------");
    }

    @Test
    void sqlThroughTheApplicationsConnectionsCannotReadTheSecretsKeyFile() {
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT FILE_READ(?, NULL)", String.class, KEY_FILE.toString()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("90040");
    }

    @Test
    void sqlThroughTheApplicationsConnectionsCannotCreateAnAlias() {
        assertThatThrownBy(() -> jdbc.execute("CREATE ALIAS READ_KEY AS 'String readKey() throws Exception {"
                + " return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"" + KEY_FILE
                + "\"))); }'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("90040");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM CSVREAD('%s')",
        "RUNSCRIPT FROM '%s'",
        "SCRIPT TO '%s.copy'",
        "CREATE TRIGGER STEAL BEFORE INSERT ON yq_connection AS 'org.h2.api.Trigger create() { return null; }'",
        "CALL LINK_SCHEMA('STOLEN', '', 'jdbc:h2:mem:elsewhere', 'sa', '', 'PUBLIC')",
        "ALTER USER YUNQIAO_APP ADMIN TRUE",
        "CREATE USER INTRUDER PASSWORD 'x' ADMIN",
        "DROP TABLE yq_connection"})
    void sqlThroughTheApplicationsConnectionsCannotReachFilesCodeOrAccounts(String attack) {
        // H2's codes: 90040 admin rights are required, 90096 not enough rights for the object
        assertThatThrownBy(() -> jdbc.execute(attack.formatted(KEY_FILE)))
                .isInstanceOf(DataAccessException.class).hasMessageMatching("(?s).*\\[(90040|90096)-\\d+].*");
    }

    @Test
    void theOlderVersionsRowsAreStillThere() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM yq_connection WHERE name = ?", Integer.class,
                OLD_CONNECTION)).isEqualTo(1);
    }

    @Test
    void theOlderVersionsMissingMigrationsRanAsTheOwner() {
        assertThat(jdbc.queryForList("SELECT \"installed_by\" FROM \"flyway_schema_history\""
                + " WHERE \"version\" IN ('4', '5')", String.class)).containsExactly("SA", "SA");
    }

    @Test
    void theOlderVersionsEmptyOwnerPasswordNoLongerOpensTheDatabase() {
        assertThatThrownBy(() -> DriverManager.getConnection(URL, "sa", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("28000");
    }

    /** The database URL application.yml ships (its default section), with ./data moved to the given directory. */
    private static String shippedUrlIn(Path dir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        yaml.setDocumentMatchers(document -> document.containsKey("spring.config.activate.on-profile")
                ? MatchStatus.NOT_FOUND : MatchStatus.FOUND);
        String shipped = yaml.getObject().getProperty("spring.datasource.url");
        assertThat(shipped).startsWith("jdbc:h2:file:./data/yunqiao");
        return shipped.replace("./data/", dir + "/");
    }

    /**
     * What the previous version left: the database opened as it did (AUTO_SERVER, sa, empty password), migrated to
     * version 3, with one connection; everything readable by everyone.
     */
    private static Path olderVersionsDataDirectory() {
        try {
            Path data = Files.createTempDirectory("yunqiao-old-data");
            String oldUrl = "jdbc:h2:file:" + data.resolve("yunqiao") + ";AUTO_SERVER=TRUE";
            Flyway.configure().dataSource(oldUrl, "sa", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("3")
                    .load().migrate();
            try (Connection old = DriverManager.getConnection(oldUrl, "sa", "");
                    Statement sql = old.createStatement()) {
                sql.execute("INSERT INTO yq_connection (id, name, connector_id, plain_values, created_at,"
                        + " updated_at, row_version) VALUES (NEXT VALUE FOR yq_id_seq, '" + OLD_CONNECTION
                        + "', 'jackyun', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            Files.writeString(data.resolve("secret.key"), "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a class from H2's jar in a JVM of its own, as another local account would; its output. */
    private static String otherProcess(String mainClass, String... arguments)
            throws IOException, InterruptedException, URISyntaxException {
        Path h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2.toString(),
                mainClass));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output;
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
