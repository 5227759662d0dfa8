package io.yunqiao.web.runs;

import io.yunqiao.web.postgres.TestPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RunHistoryIT} on a real PostgreSQL ({@link TestPostgres}): the filters, sums and pages are portable JPQL,
 * with no null parameter for PostgreSQL to guess a type for.
 */
@DirtiesContext
class RunHistoryOnPostgresIT extends RunHistoryIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "run-history-postgres");
    }
}
