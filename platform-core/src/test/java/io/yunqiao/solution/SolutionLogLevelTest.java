package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.problem.Problem;
import org.junit.jupiter.api.Test;

/** The log level of a solution spec: its default for older specs, its place in the JSON, and bad values. */
class SolutionLogLevelTest {

    @Test
    void aSpecWithoutALogLevelLogsEverything() {
        // given an export made before log levels existed
        String json = "{ \"name\": \"旧方案\", \"schedule\": { \"cron\": \"0 * * * * ?\", \"enabled\": false } }";

        // when it is read
        SolutionSpec spec = Solutions.read(json);

        // then every record is logged in full
        assertThat(spec.logLevel()).isEqualTo(LogLevel.ALL);
    }

    @Test
    void theDefaultLevelIsLeftOutSoOlderSpecsWriteAsBefore() {
        // given a spec at the default level
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\" }");

        // when it is written
        String json = Solutions.write(spec);

        // then the JSON has no logLevel, as exports and versions made before log levels
        assertThat(json).doesNotContain("logLevel");
    }

    @Test
    void anotherLevelIsWrittenLastAndReadsBackTheSame() {
        // given a spec that keeps only a summary
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\" }").withLogLevel(LogLevel.SUMMARY);

        // when it is written
        String json = Solutions.write(spec);

        // then logLevel comes after alerts, and the JSON reads back to the same spec
        assertThat(json.replaceAll("\\s", "")).contains("\"logLevel\":\"SUMMARY\"}");
        assertThat(json.indexOf("\"logLevel\"")).isGreaterThan(json.indexOf("\"alerts\""));
        assertThat(Solutions.read(json)).isEqualTo(spec);
    }

    @Test
    void everyChangeOfAnotherPartKeepsTheLevel() {
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\", \"source\": { \"operation\": \"q\" },"
                + " \"target\": { \"operation\": \"w\" }, \"logLevel\": \"FAILURES\" }");

        assertThat(spec.withName("m").withSchedule(new SolutionSpec.Schedule(null, false))
                .withAlerts(SolutionSpec.Alerts.OFF).withConnections(1L, 2L).withTarget(spec.target()).logLevel())
                .isEqualTo(LogLevel.FAILURES);
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheField() {
        Problem refusal = catchThrowableOfType(Problem.class,
                () -> Solutions.read("{ \"name\": \"n\", \"logLevel\": \"NONE\" }"));

        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).contains("logLevel");
    }
}
