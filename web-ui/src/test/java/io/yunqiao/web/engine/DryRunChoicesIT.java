package io.yunqiao.web.engine;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.runs.RunFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * Dry runs on chosen records, over real HTTP against the mounted sandboxes: after a first run the incremental window
 * holds nothing new, so a dry run takes the solution's last N staged records or a pasted sample instead; it maps,
 * validates and logs them and writes nothing. Bad choices are refused by the REST API with coded problems.
 */
@SharedPlatform
class DryRunChoicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LIST = "jdy/pur/pur_inbound_list";

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectorClient client;

    @Autowired
    RecordLogRepository logs;

    @Autowired
    RunHistory history;

    @Autowired
    ApplicationContext context;

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        kingdee = connected.kingdee();
        jackyun = connected.jackyun();
    }

    /** One customer per bill, for the bills numbered like the first bill the sandbox answers (one page). */
    private SolutionView perBill() {
        String firstBill = client.query(connections.runtime(kingdee), LIST, Map.of("search", "CGRK"),
                PageRequest.first(1)).records().get(0).get("billno").asText();
        return solutions.create(new SolutionSpec("试运行方案", null, new SolutionSpec.Source(kingdee, "kingdee-jdy",
                LIST, Map.of("search", TextNode.valueOf(firstBill.substring(0, 13))), 100),
                new SolutionSpec.Window("P31D", 300, 744),
                new SolutionSpec.Target(jackyun, "jackyun", "crm.customer.add",
                        "{ \"customerCode\": billno, \"nickname\": supplierid_name }"),
                new SolutionSpec.Dedupe(null), new SolutionSpec.RateLimit(0), new SolutionSpec.Retry(1, 0, 1, 0),
                new SolutionSpec.Schedule(null, false), null), "dry runs");
    }

    @AfterEach
    void stopUi() {
        MockUi.stop();
    }

    private long listCalls() {
        JsonNode calls = sandboxes.get("/kingdee/_admin/calls");
        return StreamSupport.stream(calls.spliterator(), false)
                .filter(call -> call.path("path").asText().endsWith("/pur_inbound_list")).count();
    }

    private List<RecordLog> logOf(Run run) {
        return logs.findByRunIdOrderById(run.getId(), Pageable.unpaged());
    }

    @Test
    void aDryRunAfterAFirstRunTestsTheLastNStagedRecordsAndWritesNothing() {
        // given a solution whose first run wrote its bills
        SolutionView solution = perBill();
        Run first = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(first.getStatus()).as(first.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(first.getWritten()).isGreaterThan(3);
        JsonNode customersBefore = sandboxes.customers();

        // when a dry run takes the last 3 staged records
        Run dry = engine.runNow(solution.id(), RunTrigger.MANUAL, DryRunSource.lastStaged(3));

        // then it mapped and validated those 3, logged them as dry-run records, and wrote nothing
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.getStatus()).as(dry.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(dry.getFetched()).isEqualTo(3);
        assertThat(logOf(dry)).hasSize(3).allSatisfy(log -> {
            assertThat(log.getStatus()).isEqualTo(RecordStatus.DRY_RUN);
            assertThat(log.getRequest()).contains("customerCode", "nickname");
        });
        assertThat(sandboxes.customers()).isEqualTo(customersBefore);
    }

    @Test
    void aDryRunOfAPastedSampleLogsEachRecordValidOrNot() {
        // given a solution and two pasted records, the second without the supplier name the nickname needs
        SolutionView solution = perBill();
        String sample = "[{\"id\": \"1\", \"billno\": \"CGRK-TRY-1\", \"supplierid_name\": \"杭州测试供应商\"},"
                + " {\"id\": \"2\", \"billno\": \"CGRK-TRY-2\"}]";
        long listCalls = listCalls();

        // when a dry run takes them
        Run dry = engine.runNow(solution.id(), RunTrigger.MANUAL, DryRunSource.sample(sample));

        // then the first would be sent, the second fails validation, and nothing was fetched or written
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.getFetched()).isEqualTo(2);
        List<RecordLog> logged = logOf(dry);
        assertThat(logged).extracting(RecordLog::getStatus).containsExactly(RecordStatus.DRY_RUN,
                RecordStatus.FAILED);
        assertThat(logged.get(0).getRequest()).contains("杭州测试供应商");
        assertThat(logged.get(1).getMessage()).contains("nickname");
        assertThat(sandboxes.customers().path("count").asInt()).isZero();
        assertThat(listCalls()).isEqualTo(listCalls);
    }

    @Test
    void theRestApiStartsADryRunOnTheLastStagedRecords() throws InterruptedException {
        // given a solution with staged records
        SolutionView solution = perBill();
        engine.runNow(solution.id(), RunTrigger.MANUAL, false);

        // when the REST API asks for a dry run of the last 2
        Answer started = post("/api/solutions/" + solution.id() + "/runs", "{\"dryRun\": true, \"last\": 2}");

        // then a dry run of those 2 runs
        assertThat(started.status()).isEqualTo(202);
        long runId = started.body().path("runId").asLong();
        Run dry = awaitEnd(runId);
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.getFetched()).isEqualTo(2);
    }

    @Test
    void badDryRunChoicesAreRefusedWithCodedProblemsAndStartNoRun() {
        SolutionView solution = perBill();
        String runs = "/api/solutions/" + solution.id() + "/runs";

        assertRefused(post(runs, "{\"dryRun\": true, \"last\": 0}"), 400, "problem.dryrun.lastOutOfRange");
        assertRefused(post(runs, "{\"dryRun\": true, \"last\": 101}"), 400, "problem.dryrun.lastOutOfRange");
        assertRefused(post(runs, "{\"dryRun\": true, \"sample\": \"{\\\"id\\\": \"}"), 400,
                "problem.dryrun.sampleBadJson");
        assertRefused(post(runs, "{\"dryRun\": true, \"sample\": \"[1, 2]\"}"), 400,
                "problem.dryrun.sampleNotRecords");
        assertRefused(post(runs, "{\"dryRun\": true, \"sample\": \"" + "{\\\"a\\\": \\\"" + "x".repeat(300_000)
                + "\\\"}\"}"), 413, "problem.dryrun.sampleTooLarge");
        assertRefused(post(runs, "{\"dryRun\": true, \"last\": 2, \"sample\": \"{}\"}"), 400,
                "problem.dryrun.oneSource");
        assertRefused(post(runs, "{\"last\": 2}"), 400, "problem.dryrun.notDry");
        assertThat(history.runsOf(solution.id(), 10)).isEmpty();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theEditorsDryRunButtonOffersTheLastStagedRecordsAndRefusesAPastedSampleThatIsNotJson()
            throws InterruptedException {
        // given a solution with staged records, open in the editor
        SolutionView solution = perBill();
        engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/" + solution.id());

        // when the dry run is asked for a pasted sample that is not JSON
        _click(_get(Button.class, spec -> spec.withId("editor-dry-run")));
        RadioButtonGroup kind = _get(RadioButtonGroup.class, spec -> spec.withId("dry-run-kind"));
        kind.setValue(DryRunSource.Kind.SAMPLE);
        _setValue(_get(TextArea.class, spec -> spec.withId("dry-run-sample")), "{\"id\": ");
        _click(_get(Button.class, spec -> spec.withId("dry-run-start")));

        // then the dialog says why and stays open, and no run started
        assertThat(_get(Span.class, spec -> spec.withId("dry-run-problem")).getText()).contains("不是合法的 JSON");
        assertThat(history.runsOf(solution.id(), 10)).hasSize(1);

        // when the last 2 staged records are chosen instead
        kind.setValue(DryRunSource.Kind.LAST_STAGED);
        _setValue(_get(IntegerField.class, spec -> spec.withId("dry-run-last")), 2);
        _click(_get(Button.class, spec -> spec.withId("dry-run-start")));

        // then a dry run of those 2 ran
        Run dry = awaitEnd(history.runsOf(solution.id(), 10).get(0).getId());
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.getFetched()).isEqualTo(2);
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.body().path("code").asText()).isEqualTo(code);
    }

    private Run awaitEnd(long runId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Run run = history.run(runId).orElseThrow();
            if (run.getStatus() != RunStatus.RUNNING) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer post(String path, String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).header("Content-Type", "application/json")
                    .header("Authorization", RunFixtures.basic("admin", SharedPlatform.ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
