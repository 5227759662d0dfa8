package io.yunqiao.web.engine;

import io.yunqiao.web.postgres.TestPostgres;
import java.util.List;

/** {@link CrashRecoveryIT} on a real PostgreSQL ({@link TestPostgres}), with the production profile. */
class CrashRecoveryOnPostgresIT extends CrashRecoveryIT {

    private static final String URL = TestPostgres.newDatabase("crash_recovery_postgres");

    @Override
    List<String> database() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--spring.quartz.scheduler-name=crash-postgres",
                // the sandboxes run on loopback outside the platform, which the production profile would refuse
                "--yunqiao.security.connections.refuse-private-addresses=false");
    }
}
