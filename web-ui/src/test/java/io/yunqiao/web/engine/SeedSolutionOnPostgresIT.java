package io.yunqiao.web.engine;

import io.yunqiao.web.postgres.TestPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SeedSolutionIT} on a real PostgreSQL ({@link TestPostgres}): the engine behaves the same on both databases. */
@DirtiesContext
class SeedSolutionOnPostgresIT extends SeedSolutionIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "seedsolution-postgres");
    }
}
