package io.yunqiao.web.runs;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run detail screen, server-side, on real runs of the seed template against the sandboxes: status and counts,
 * a record's request and response, who may re-push, and re-pushes that open the new run.
 */
@RunScreensTest
class RunDetailViewIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

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
    JdbcTemplate jdbc;

    private RunFixtures fixtures;
    private SolutionView seed;
    private Run partial;

    @BeforeEach
    void aPartlyFailedRun() {
        fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        seed = fixtures.solution("种子方案");
        partial = fixtures.partialRun(seed);
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Grid<RecordLog> records() {
        return _get(Grid.class, spec -> spec.withId("records"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<RecordStatus> recordStatus() {
        return _get(Select.class, spec -> spec.withId("records-status"));
    }

    private static List<Button> visibleButtons(String id) {
        return _find(Button.class, spec -> spec.withId(id)).stream().filter(Component::isVisible).toList();
    }

    private static Component currentView() {
        return UI.getCurrent().getCurrentView();
    }

    /** The seed solution's newest run. */
    private Run latestRun() {
        return history.runs(new RunHistory.Filter(seed.id(), null, null, null), 1).get(0);
    }

    /** How many record logs a run has, counted in the database. */
    private int logsOf(long runId) {
        return jdbc.queryForObject("select count(*) from yq_record_log where run_id = ?", Integer.class, runId);
    }

    @Test
    void showsTheStatusAndCountsOfARun() {
        // given a run that wrote some records and failed others
        MockUi.start(context, "viewer", Role.VIEWER);

        // when it is opened
        UI.getCurrent().navigate("runs/" + partial.getId());

        // then its status is translated and marked with its name, and the counts are the run's
        Span status = _get(Span.class, spec -> spec.withId("run-status"));
        assertThat(status.getText()).isEqualTo("部分失败");
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo("PARTIAL");
        assertThat(status.getClassNames()).contains("yq-status-PARTIAL");
        assertThat(text("run-fetched")).isEqualTo(String.valueOf(partial.getFetched()));
        assertThat(text("run-written")).isEqualTo(String.valueOf(partial.getWritten()));
        assertThat(text("run-failed")).isEqualTo(String.valueOf(partial.getFailed()));
        assertThat(text("run-skipped")).isEqualTo(String.valueOf(partial.getSkipped()));
        assertThat(partial.getFailed()).isPositive();
        assertThat(text("run-error")).isEqualTo(partial.getError());
        assertThat(_find(ProgressBar.class, spec -> spec.withId("run-progress"))).noneMatch(Component::isVisible);
    }

    @Test
    void theRecordLogFiltersByStatus() {
        // given the run's record log
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs/" + partial.getId());
        assertThat(GridKt._size(records())).isEqualTo(logsOf(partial.getId()));

        // when only failed records are asked for
        _setValue(recordStatus(), RecordStatus.FAILED);

        // then the log shows exactly the failed ones
        Grid<RecordLog> grid = records();
        assertThat(GridKt._size(grid)).isEqualTo(partial.getFailed());
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._get(grid, i).getStatus()).isEqualTo(RecordStatus.FAILED);
        }
        Span badge = (Span) GridKt._getCellComponent(grid, 0, "status");
        assertThat(badge.getElement().getAttribute("data-status")).isEqualTo("FAILED");
        assertThat(badge.getText()).isEqualTo("失败");
    }

    @Test
    void aRecordOpensWithTheRequestSentAndTheResponseReceivedAsIndentedJson() throws Exception {
        // given the written records of the run
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs/" + partial.getId());
        _setValue(recordStatus(), RecordStatus.SUCCESS);
        RecordLog written = GridKt._get(records(), 0);

        // when one is clicked
        GridKt._clickItem(records(), 0, 1, false, false, false, false);

        // then the dialog shows the request and the response, indented, with the same content as logged, the
        // request's bizcontent (JSON inside a string) shown as the object it holds
        _get(Dialog.class, spec -> spec.withId("record-dialog"));
        Pre request = _get(Pre.class, spec -> spec.withId("record-request"));
        Pre response = _get(Pre.class, spec -> spec.withId("record-response"));
        assertThat(request.getClassNames()).contains("yq-json");
        JsonNode shown = JSON.readTree(request.getText());
        JsonNode logged = JSON.readTree(written.getRequest());
        assertThat(logged.findValue("bizcontent").isTextual()).isTrue();
        assertThat(shown.findValue("bizcontent")).isEqualTo(JSON.readTree(logged.findValue("bizcontent").asText()));
        assertThat(shown.findValue("bizcontent").path("customerCode").asText()).startsWith("GYS");
        assertThat(request.getText()).doesNotContain("\\\"");
        assertThat(JSON.readTree(response.getText())).isEqualTo(JSON.readTree(written.getResponse()));
        assertThat(request.getText()).startsWith("{\n  \"");
        assertThat(visibleButtons("repush-one")).isEmpty();
    }

    @Test
    void aFailedRecordShowsWhyItFailedAndAnOperatorMayRepushIt() {
        // given an operator on the run's failed records
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("runs/" + partial.getId());
        _setValue(recordStatus(), RecordStatus.FAILED);
        RecordLog failed = GridKt._get(records(), 0);

        // when one is opened
        GridKt._clickItem(records(), 0, 1, false, false, false, false);

        // then its error class is named in words with what to do next, the code only as a tooltip, and its message
        // is shown, with a button to re-push it alone
        assertThat(failed.getErrorClass()).isEqualTo("VALIDATION");
        assertThat(text("record-error-class")).isEqualTo(
                "数据被拒绝 — 对方不接受这条数据的内容：请按消息修改映射或源数据，再重推");
        assertThat(_get(Span.class, spec -> spec.withId("record-error-class")).getTitle()).contains("VALIDATION");
        assertThat(failed.getMessage()).contains("nickname");
        assertThat(visibleButtons("repush-one")).hasSize(1);

        // and re-pushing it starts a re-push run of that one record
        _click(_get(Button.class, spec -> spec.withId("repush-one")));
        Run repush = fixtures.awaitEnd(latestRun().getId());
        assertThat(repush.getTrigger()).isEqualTo(RunTrigger.REPUSH);
        assertThat(repush.getWritten() + repush.getSkipped() + repush.getFailed()).isEqualTo(1);
        assertThat(currentView()).isInstanceOf(RunDetailView.class);
    }

    @Test
    void aViewerSeesNoRepushButtons() {
        // given someone with read-only access on a run with failed records
        MockUi.start(context, "viewer", Role.VIEWER);

        // when they open the run and a failed record
        UI.getCurrent().navigate("runs/" + partial.getId());
        _setValue(recordStatus(), RecordStatus.FAILED);
        GridKt._clickItem(records(), 0, 1, false, false, false, false);

        // then no re-push button is there for them
        assertThat(visibleButtons("repush-selected")).isEmpty();
        assertThat(visibleButtons("repush-all-failed")).isEmpty();
        assertThat(visibleButtons("repush-one")).isEmpty();
    }

    @Test
    void repushAllFailedStartsANewRunAndOpensIt() {
        // given an operator on the run, after the mapping was fixed
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("runs/" + partial.getId());

        // when every failed record is re-pushed, and that is confirmed
        _click(_get(Button.class, spec -> spec.withId("repush-all-failed")));
        _click(_get(Button.class, spec -> spec.withId("repush-confirm")));

        // then a new re-push run of the same solution is open
        Run repush = latestRun();
        assertThat(repush.getId()).isNotEqualTo(partial.getId());
        assertThat(repush.getTrigger()).isEqualTo(RunTrigger.REPUSH);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("runs/" + repush.getId());

        // and, followed live, it shows the end: the supplier written once, its other records skipped
        Run ended = fixtures.awaitEnd(repush.getId());
        awaitPushedStatus(ended.getStatus());
        assertThat(ended.getStatus()).as(ended.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(text("run-written")).isEqualTo("1");
        assertThat(text("run-skipped")).isEqualTo(String.valueOf(partial.getFailed() - 1));
        assertThat(GridKt._size(records())).isEqualTo(logsOf(repush.getId())).isPositive();
    }

    @Test
    void repushAllFailedAsksFirstWithTheCount() {
        // given an operator on a run with failed records
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("runs/" + partial.getId());
        long before = latestRun().getId();

        // when "re-push all failed" is pressed
        _click(_get(Button.class, spec -> spec.withId("repush-all-failed")));

        // then a dialog asks with the number of failed records, and nothing has started yet
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("repush-dialog"));
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("重推 " + partial.getFailed() + " 条失败数据？");
        assertThat(latestRun().getId()).isEqualTo(before);
    }

    @Test
    void repushSelectedSendsOnlyTheSelectedFailedRecords() {
        // given an operator who selects one failed record of the run
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("runs/" + partial.getId());
        _setValue(recordStatus(), RecordStatus.FAILED);
        Grid<RecordLog> grid = records();
        RecordLog chosen = GridKt._get(grid, 0);
        grid.select(chosen);

        // when the selection is re-pushed
        _click(_get(Button.class, spec -> spec.withId("repush-selected")));

        // then the new run handled that record alone
        Run repush = latestRun();
        assertThat(repush.getTrigger()).isEqualTo(RunTrigger.REPUSH);
        Run ended = fixtures.awaitEnd(repush.getId());
        assertThat(ended.getWritten() + ended.getSkipped() + ended.getFailed()).isEqualTo(1);
        assertThat(history.records(repush.getId(), null, 0, 10)).singleElement()
                .satisfies(log -> assertThat(log.getSourceRecordId()).isEqualTo(chosen.getSourceRecordId()));
    }

    @Test
    void aRunningRunShowsProgressUntilItEnds() {
        // given a run of a new solution (so it fetches everything again), held up by a slow source
        SolutionView another = fixtures.solution("另一个方案");
        fixtures.slowSource(2000);
        Run started = engine.start(another.id(), RunTrigger.MANUAL, false);
        MockUi.start(context, "viewer", Role.VIEWER);

        // when it is opened while it runs
        UI.getCurrent().navigate("runs/" + started.getId());

        // then it shows RUNNING with a progress bar, and the pushed refresh shows its end
        assertThat(_get(Span.class, spec -> spec.withId("run-status")).getElement().getAttribute("data-status"))
                .isEqualTo("RUNNING");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("run-progress")).isVisible()).isTrue();
        Run ended = fixtures.awaitEnd(started.getId());
        awaitPushedStatus(ended.getStatus());
        assertThat(_find(ProgressBar.class, spec -> spec.withId("run-progress"))).noneMatch(Component::isVisible);
        assertThat(text("run-fetched")).isEqualTo(String.valueOf(ended.getFetched()));
        assertThat(GridKt._size(records())).isEqualTo(logsOf(ended.getId())).isPositive();
    }

    @Test
    void aRunOfASummarySolutionSaysItsSuccessesAreCountedNotItemised() {
        // given a run of a solution that keeps only a summary: its good suppliers written, GYS0001 failed
        fixtures.fresh();
        SolutionView summary = fixtures.solution("仅摘要方案");
        solutions.update(summary.id(), solutions.get(summary.id()).spec().withLogLevel(LogLevel.SUMMARY), "仅摘要");
        Run run = fixtures.partialRun(summary);
        assertThat(run.getWritten()).isPositive();
        MockUi.start(context, "viewer", Role.VIEWER);

        // when it is opened
        UI.getCurrent().navigate("runs/" + run.getId());

        // then the record log lists only the failed records, and says the successes are counted, with their number
        assertThat(GridKt._size(records())).isEqualTo(run.getFailed());
        Span notice = _get(Span.class, spec -> spec.withId("records-log-level"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("仅摘要").contains("成功 " + run.getWritten() + " 条")
                .contains("只计数");
        assertThat(text("run-written")).isEqualTo(String.valueOf(run.getWritten()));
    }

    @Test
    void aWrittenRecordOfAFailuresOnlyRunSaysItsRequestWasNotKeptWhileAFailedOneShowsItsOwn() {
        // given a run of a solution that keeps request and response only for records not written
        fixtures.fresh();
        SolutionView failuresOnly = fixtures.solution("仅失败方案");
        solutions.update(failuresOnly.id(), solutions.get(failuresOnly.id()).spec().withLogLevel(LogLevel.FAILURES),
                "仅失败");
        Run run = fixtures.partialRun(failuresOnly);
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs/" + run.getId());
        assertThat(_get(Span.class, spec -> spec.withId("records-log-level")).getText()).contains("仅失败");

        // when a written record is opened
        _setValue(recordStatus(), RecordStatus.SUCCESS);
        GridKt._clickItem(records(), 0, 1, false, false, false, false);

        // then where its request and response would be, the dialog says they were not kept and why
        assertThat(_get(Pre.class, spec -> spec.withId("record-request")).getText()).contains("未保存")
                .contains("仅失败");
        _click(_get(Button.class, spec -> spec.withId("record-close")));

        // and a failed record shows the request that was sent
        _setValue(recordStatus(), RecordStatus.FAILED);
        GridKt._clickItem(records(), 0, 1, false, false, false, false);
        assertThat(_get(Pre.class, spec -> spec.withId("record-request")).getText()).contains("customerCode");
    }

    @Test
    void aRunLoggedInFullHasNoLogLevelNotice() {
        MockUi.start(context, "viewer", Role.VIEWER);

        UI.getCurrent().navigate("runs/" + partial.getId());

        assertThat(_find(Span.class, spec -> spec.withId("records-log-level"))).noneMatch(Component::isVisible);
        assertThat(text("run-written")).isEqualTo(String.valueOf(partial.getWritten()));
    }

    @Test
    void anUnknownRunSaysSo() {
        MockUi.start(context, "viewer", Role.VIEWER);

        UI.getCurrent().navigate("runs/987654321");

        assertThat(text("run-missing")).contains("987654321");
    }

    /** Runs what the live refresh pushed until the status shows {@code expected}. */
    private static void awaitPushedStatus(RunStatus expected) {
        // generous: a shared build machine was seen 4-5× slower than an idle one
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            MockVaadin.runUIQueue();
            Span status = _get(Span.class, spec -> spec.withId("run-status"));
            if (expected.name().equals(status.getElement().getAttribute("data-status"))) {
                return;
            }
            RunFixtures.pause(100);
        }
        throw new AssertionError("the screen did not show " + expected + " within 60 s");
    }
}
