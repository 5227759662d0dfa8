package io.yunqiao.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.SharedPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The numbers people read in alerts and on screens ("运行 #153") follow each other on the embedded H2: solutions and
 * runs have sequences of their own, one value at a time (issue #16). PostgresIT checks the same on PostgreSQL.
 */
@SharedPlatform
class ReadableIdsIT {

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    RunHistory history;

    private RunFixtures fixtures;

    @BeforeEach
    void freshSandboxes() {
        fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
    }

    @Test
    void twoSolutionsCreatedOneAfterAnotherHaveConsecutiveIds() {
        long first = fixtures.solution("编号方案一").id();
        long second = fixtures.solution("编号方案二").id();

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void twoRunsOneAfterAnotherHaveConsecutiveIds() {
        long solution = fixtures.solution("编号运行").id();

        Run first = engine.runNow(solution, RunTrigger.MANUAL, true);
        Run second = engine.runNow(solution, RunTrigger.MANUAL, true);

        assertThat(second.getId()).isEqualTo(first.getId() + 1);
    }
}
