package io.yunqiao.web.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.Connections;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.SharedPlatform;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Samples for the mapping editor over real HTTP against the mounted Kingdee sandbox: live records of an unsaved
 * source, clear refusals, and the last staged record of a solution.
 */
@SharedPlatform
class SourceSamplesIT {

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

    @Autowired
    SourceSamples samples;

    private SandboxFixture sandboxes;

    @BeforeEach
    void freshSandboxConnections() {
        sandboxes = new SandboxFixture(port, connections, solutions, templates, history).fresh();
    }

    private SolutionSpec.Source source(long connection, Map<String, String> params) {
        Map<String, JsonNode> values = new TreeMap<>();
        params.forEach((k, v) -> values.put(k, TextNode.valueOf(v)));
        return new SolutionSpec.Source(connection, "kingdee-jdy", SandboxFixture.SOURCE_OPERATION, values, 100);
    }

    @Test
    void fetchesAtMostTheAskedNumberOfLiveRecordsOfTheLast30Days() {
        // given an unsaved source with the template's window variables
        SolutionSpec.Source source = source(sandboxes.kingdee, Map.of("begintime", "{{LAST_SYNC_TIME|ms}}",
                "expiretime", "{{CURRENT_TIME|ms}}"));

        // when three records are asked for
        List<JsonNode> records = samples.fetch(source, 3);

        // then three bills come back, each modified within the last 30 days
        assertThat(records).hasSize(3);
        long since = Instant.now().minus(30, ChronoUnit.DAYS).minusSeconds(5).toEpochMilli();
        assertThat(records).allSatisfy(bill -> {
            assertThat(bill.path("billno").asText()).isNotBlank();
            assertThat(bill.path("modifytime").asLong()).isGreaterThanOrEqualTo(since);
        });
    }

    @Test
    void theParametersOfTheSourceOnTheScreenAreSent() {
        // given a source that searches for one bill number
        String billno = samples.fetch(source(sandboxes.kingdee, Map.of()), 1).get(0).path("billno").asText();

        // when the sample is fetched with that search text
        List<JsonNode> records = samples.fetch(source(sandboxes.kingdee, Map.of("search", billno)), 10);

        // then only that bill is answered
        assertThat(records).extracting(r -> r.path("billno").asText()).containsOnly(billno);
    }

    @Test
    void aSourceWithoutConnectionIsRefusedWithWhatToDo() {
        // given a source whose connection has not been chosen, when a sample is fetched, then it says to choose one
        assertThatThrownBy(() -> samples.fetch(new SolutionSpec.Source(null, "kingdee-jdy",
                SandboxFixture.SOURCE_OPERATION, Map.of(), 0), 5))
                .isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).message(Locale.SIMPLIFIED_CHINESE)).contains("请先选择来源连接"))
                .hasMessageContaining("Choose a source connection first");
    }

    @Test
    void theVendorsRefusalIsPassedOnWithItsMessage() {
        // given a connection the sandbox does not let in
        long refused = sandboxes.refusedKingdee();

        // when a sample is fetched through it, then the refusal carries the vendor's code and message
        assertThatThrownBy(() -> samples.fetch(source(refused, Map.of()), 5))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("10012")
                .hasMessageContaining("用户名或密码错误");
    }

    @Test
    void anUnknownVariableIsRefusedNamingTheParameter() {
        // given a typo in a variable, when a sample is fetched, then the parameter and the known variables are named
        assertThatThrownBy(() -> samples.fetch(source(sandboxes.kingdee, Map.of("begintime", "{{LAST_SYNC|ms}}")), 5))
                .isInstanceOf(Problem.class).hasMessageContaining("begintime").hasMessageContaining("LAST_SYNC_TIME");
    }

    @Test
    void theLastStagedRecordOfASolutionIsTheOneItStagedLast() {
        // given a solution that has not run, then it has no staged record
        SolutionView seed = sandboxes.seed("样例方案");
        assertThat(samples.lastStaged(seed.id())).isEmpty();

        // when it has run
        Run run = engine.runNow(seed.id(), RunTrigger.MANUAL, false);
        assertThat(run.getStatus()).as(run.getError()).isIn(RunStatus.SUCCESS, RunStatus.PARTIAL);

        // then its last staged record is a purchase inbound bill
        assertThat(samples.lastStaged(seed.id())).hasValueSatisfying(bill ->
                assertThat(bill.path("billno").asText()).startsWith("CGRK"));
    }
}
