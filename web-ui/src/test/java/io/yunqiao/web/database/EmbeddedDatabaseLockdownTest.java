package io.yunqiao.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** A first start on a fresh data directory: the accounts and permissions the platform then runs with. */
class EmbeddedDatabaseLockdownTest {

    @TempDir
    Path temp;

    private Path data;
    private String url;
    private final MockEnvironment environment = new MockEnvironment();

    private void firstStart() {
        data = temp.resolve("data");
        url = "jdbc:h2:file:" + data.resolve("yunqiao");
        environment.setProperty("spring.datasource.url", url);
        environment.setProperty("yunqiao.secrets.key-file", data.resolve("secret.key").toString());
        EmbeddedDatabaseLockdown lockdown = new EmbeddedDatabaseLockdown();
        lockdown.setEnvironment(environment);
        lockdown.postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    @Test
    void theDataDirectoryAndTheCredentialsFileAreCreatedOwnerOnly() throws IOException {
        firstStart();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Path credentials = data.resolve("database.credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
    }

    @Test
    void thePlatformSignsInAsAUserWithoutAdminRightsAndFlywayAsTheOwner() {
        firstStart();

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("YUNQIAO_APP");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("sa");
        assertThat(environment.getProperty("spring.datasource.password"))
                .isNotBlank().isNotEqualTo(environment.getProperty("spring.flyway.password"));
    }

    @Test
    void theApplicationsUserMayUseTablesTheOwnerCreatesLaterButReadNoFile() throws SQLException {
        firstStart();
        String ownerPassword = environment.getProperty("spring.flyway.password");
        try (Connection owner = DriverManager.getConnection(url, "sa", ownerPassword);
                Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE later_table (id INT)");
        }

        try (Connection application = DriverManager.getConnection(url, "YUNQIAO_APP",
                environment.getProperty("spring.datasource.password"));
                Statement sql = application.createStatement()) {
            sql.execute("INSERT INTO later_table VALUES (1)");
            assertThatThrownBy(() -> sql.execute("SELECT FILE_READ('" + data.resolve("database.credentials") + "')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("90040");
        }
    }

    @Test
    void aSecondStartSignsInWithTheStoredPasswords() {
        firstStart();
        String password = environment.getProperty("spring.datasource.password");

        firstStart();

        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(password);
    }

    @Test
    void aCredentialsFileOfAnotherDatabaseStopsTheStartWithWhereToLook() throws IOException {
        firstStart();
        Path credentials = data.resolve("database.credentials");
        Files.delete(credentials);
        DatabaseCredentials.loadOrCreate(credentials, "sa");

        assertThatThrownBy(this::firstStart).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials file").hasMessageContaining("restore");
    }
}
