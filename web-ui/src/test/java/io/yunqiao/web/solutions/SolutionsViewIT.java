package io.yunqiao.web.solutions;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteConfiguration;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.shell.Notices;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The solutions list, server-side (Karibu): what each role sees and may do, on the seed solution. */
@SharedPlatform
// Karibu's lookups by class literal (_get(Grid.class, spec -> …)) give their lambdas raw component types
@SuppressWarnings("rawtypes")
class SolutionsViewIT {

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

    private SandboxFixture sandboxes;
    private SolutionView seed;

    @BeforeEach
    void seedSolutionOnTheSandboxes() {
        sandboxes = new SandboxFixture(port, connections, solutions, templates, history).fresh();
        seed = sandboxes.seed("种子方案");
    }

    @AfterEach
    void stop() {
        MockUi.stop();
        sandboxes.waitForRuns(seed.id());
    }

    private static void open(ApplicationContext context, String user, Role role) {
        MockUi.start(context, user, role);
        UI.getCurrent().navigate("solutions");
    }

    @SuppressWarnings("unchecked")
    private static Grid<SolutionsView.Row> grid() {
        return _get(Grid.class, spec -> spec.withId("solutions"));
    }

    /**
     * Every component of the first row, cell by cell (grids render components outside the normal tree); the
     * plain-text "next run" column has none.
     */
    private static List<Component> firstRow() {
        Grid<SolutionsView.Row> grid = grid();
        return Stream.of("name", "flow", "status", "schedule", "lastRun", "actions")
                .map(key -> GridKt._getCellComponent(grid, 0, key))
                .flatMap(SolutionsViewIT::withDescendants).toList();
    }

    private static Stream<Component> withDescendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(SolutionsViewIT::withDescendants));
    }

    private static Optional<Component> inFirstRow(String id) {
        return firstRow().stream().filter(c -> c.getId().map(id::equals).orElse(false)).findFirst();
    }

    /**
     * Checks that the UI went to the run's screen. That screen is another part of the UI: where its route is not
     * registered (this module built without it), only the notice naming the run can be checked.
     */
    private static void assertWentToRun(long runId) {
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains(String.valueOf(runId)));
        if (RouteConfiguration.forApplicationScope().isPathAvailable("runs/" + runId)) {
            assertThat(NavigatorKt.getCurrentPath()).isEqualTo("runs/" + runId);
        }
    }

    @Test
    void listsTheSolutionWithItsFlowScheduleAndState() {
        // given the seed solution, when an administrator opens the list
        open(context, "admin", Role.ADMIN);

        // then its row names the flow in words and describes the schedule; it is disabled and has never run
        assertThat(GridKt._size(grid())).isEqualTo(1);
        String row = String.join(" | ", firstRow().stream().map(c -> c.getElement().getTextRecursively()).toList());
        assertThat(row).contains("种子方案").contains("金蝶云星辰 V1 · 采购入库单查询(列表+详情)")
                .contains("吉客云 · 客户新增").contains("金蝶沙箱 → 吉客云沙箱").contains("每分钟")
                .contains("还没有运行过").contains("下次：—");
        assertThat(inFirstRow("enable-" + seed.id())).hasValueSatisfying(c ->
                assertThat(((Checkbox) c).getValue()).isFalse());
    }

    @Test
    void theScheduleReadsInWordsBeforeTheExpression() {
        // given the seed solution (every minute), when an administrator opens the list
        open(context, "admin", Role.ADMIN);

        // then the schedule column leads with the words; the cron follows, small
        assertThat(inFirstRow("schedule-" + seed.id())).hasValueSatisfying(c ->
                assertThat(c.getElement().getText()).isEqualTo("每分钟"));
    }

    @Test
    void runNowStartsARunAndGoesToIt() {
        // given an operator on the list
        open(context, "ops", Role.OPERATOR);

        // when they click "run now"
        _click((Button) inFirstRow("run-" + seed.id()).orElseThrow());

        // then a manual run of the solution has started and the UI went to that run
        List<Run> runs = history.runsOf(seed.id(), 5);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.getTrigger()).isEqualTo(RunTrigger.MANUAL);
            assertThat(run.isDryRun()).isFalse();
            assertWentToRun(run.getId());
        });
    }

    @Test
    void aDryRunIsStartedAsADryRun() {
        // given an operator, when they click "dry run", then the run started is a dry run
        open(context, "ops", Role.OPERATOR);
        _click((Button) inFirstRow("dry-" + seed.id()).orElseThrow());
        assertThat(history.runsOf(seed.id(), 5)).singleElement().satisfies(run -> assertThat(run.isDryRun()).isTrue());
    }

    @Test
    void anOperatorSwitchesASolutionOnAsANewVersion() {
        // given an operator on the list
        open(context, "ops", Role.OPERATOR);

        // when they tick "enabled"
        Checkbox toggle = (Checkbox) inFirstRow("enable-" + seed.id()).orElseThrow();
        _setValue(toggle, true);

        // then the solution is enabled, recorded as version 2
        SolutionView after = solutions.get(seed.id());
        assertThat(after.enabled()).isTrue();
        assertThat(after.version()).isEqualTo(2);
        assertThat(solutions.versions(seed.id()).get(0).getComment()).isEqualTo("enabled");
        // and the list shows when it runs next
        assertThat(inFirstRow("next-" + seed.id())).hasValueSatisfying(next ->
                assertThat(next.getElement().getTextRecursively()).matches("下次：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:00"));
    }

    @Test
    void anAdministratorCopiesASolutionUnderANewNameDisabled() {
        // given an enabled solution
        solutions.setEnabled(seed.id(), true);
        open(context, "admin", Role.ADMIN);

        // when it is copied as "副本方案"
        _click((Button) inFirstRow("copy-sol-" + seed.id()).orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "副本方案");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the copy has the same flow and mapping, is disabled, and its editor is open
        SolutionView copy = solutions.list().stream().filter(s -> s.name().equals("副本方案")).findFirst()
                .orElseThrow();
        assertThat(copy.enabled()).isFalse();
        assertThat(copy.spec().target()).isEqualTo(solutions.get(seed.id()).spec().target());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SolutionEditorView.class);
    }

    @Test
    void anAdministratorDeletesASolutionAfterConfirming() {
        // given an administrator on the list
        open(context, "admin", Role.ADMIN);

        // when they click delete, then nothing is deleted until they confirm
        _click((Button) inFirstRow("delete-" + seed.id()).orElseThrow());
        assertThat(solutions.list()).hasSize(1);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-dialog")));

        // then the solution is gone, from the service and the list
        assertThat(solutions.list()).isEmpty();
        assertThat(_find(Grid.class, spec -> spec.withId("solutions"))).isEmpty();
    }

    @Test
    void aViewerSeesNoRunEnableDeleteOrEditControls() {
        // given someone with read-only access, when they open the list
        open(context, "reader", Role.VIEWER);

        // then the row shows the state as text and offers only the export and a link to read the solution
        long id = seed.id();
        for (String control : List.of("run-", "dry-", "enable-", "delete-", "copy-sol-", "open-")) {
            assertThat(inFirstRow(control + id)).as(control).isEmpty();
        }
        assertThat(inFirstRow("view-" + id)).hasValueSatisfying(view ->
                assertThat(view.getElement().getTextRecursively()).isEqualTo("查看"));
        assertThat(inFirstRow("state-" + id)).hasValueSatisfying(state ->
                assertThat(state.getElement().getTextRecursively()).isEqualTo("已停用"));
        assertThat(inFirstRow("export-" + id)).isPresent();
        assertThat(_find(Button.class, spec -> spec.withId("new-solution"))).isEmpty();
        assertThat(_find(Upload.class, spec -> spec.withId("import"))).isEmpty();
    }

    @Test
    void aViewerOpensTheEditorReadOnlyButCannotStartANewSolution() {
        // given a viewer, when they go to a solution's editor, then they get it read-only, without a save button
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("solutions/" + seed.id());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SolutionEditorView.class);
        assertThat(_find(Span.class, spec -> spec.withId("editor-read-only"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("save-solution"))).isEmpty();

        // when they go to the address of a new solution, then they are sent back to the list
        UI.getCurrent().navigate("solutions/new");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(SolutionEditorView.class);
    }

    @Test
    void exportDownloadsTheSolutionJson() {
        // given the list, when the export link is followed, then it serves the export of the solution
        open(context, "reader", Role.VIEWER);
        Anchor export = (Anchor) inFirstRow("export-" + seed.id()).orElseThrow();
        // a grid renders its cells apart from the component tree: attached, the link's download is registered
        UI.getCurrent().add(export);
        String json = new String(DownloadKt._download(export), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(solutions.export(seed.id()));
    }

    @Test
    void importingAnExportCreatesADisabledSolutionAndOpensIt() {
        // given an export of the seed solution under another name
        String exported = solutions.export(seed.id()).replace("\"种子方案\"", "\"导入的方案\"");
        open(context, "admin", Role.ADMIN);

        // when it is uploaded
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import")), "solution.json", "application/json",
                exported.getBytes(StandardCharsets.UTF_8));

        // then the solution exists, disabled, and its editor is open
        SolutionView imported = solutions.list().stream().filter(s -> s.name().equals("导入的方案")).findFirst()
                .orElseThrow();
        assertThat(imported.enabled()).isFalse();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SolutionEditorView.class);
    }

    @Test
    void anImportThatIsNotASolutionIsRefusedWithTheReason() {
        // given an administrator, when a file that is no solution is uploaded
        open(context, "admin", Role.ADMIN);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import")), "notes.json", "application/json",
                "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8));

        // then nothing is created and the notice names the file and the parser's reason
        assertThat(solutions.list()).hasSize(1);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("notes.json").contains("hello"));
    }

    @Test
    void aSkippedRunIsANoticeNotANavigation() {
        // given a run of the solution in progress
        open(context, "ops", Role.OPERATOR);
        Run first = engine.start(seed.id(), RunTrigger.MANUAL, false);
        assumeTrue(history.runsOf(seed.id(), 1).get(0).getStatus()
                == RunStatus.RUNNING, "the first run ended too quickly to overlap");

        // when "run now" is clicked again
        _click((Button) inFirstRow("run-" + seed.id()).orElseThrow());

        // then the second run is skipped, the list stays, and the notice says which run is in progress
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("solutions");
        assertThat(history.runsOf(seed.id(), 1).get(0).getStatus()).isEqualTo(RunStatus.SKIPPED);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("运行 " + first.getId()).contains("还在进行"));
    }
}
