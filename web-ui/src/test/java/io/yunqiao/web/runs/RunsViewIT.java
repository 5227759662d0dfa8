package io.yunqiao.web.runs;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
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
import io.yunqiao.web.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The run history screen, server-side: filters by status, solution and date, newest first, a click opens a run. */
@RunScreensTest
class RunsViewIT {

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

    private SolutionView first;
    private SolutionView second;
    private Run partial;
    private Run dryRun;
    private Run otherDryRun;

    @BeforeEach
    void runsOfTwoSolutions() {
        RunFixtures fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        first = fixtures.solution("方案甲");
        second = fixtures.solution("方案乙");
        partial = fixtures.partialRun(first);
        dryRun = engine.runNow(first.id(), RunTrigger.MANUAL, true);
        otherDryRun = engine.runNow(second.id(), RunTrigger.MANUAL, true);
        assertThat(dryRun.getStatus()).isEqualTo(RunStatus.SUCCESS);
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Grid<Run> grid() {
        return _get(Grid.class, spec -> spec.withId("runs"));
    }

    private static List<Long> shownIds() {
        Grid<Run> grid = grid();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            ids.add(GridKt._get(grid, i).getId());
        }
        return ids;
    }

    @Test
    void listsEveryRunNewestFirstWithItsStatus() {
        // given three runs
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the list opens
        UI.getCurrent().navigate("runs");

        // then all three are there, the newest first, with their translated status
        assertThat(shownIds()).containsExactly(otherDryRun.getId(), dryRun.getId(), partial.getId());
        Span status = (Span) GridKt._getCellComponent(grid(), 2, "status");
        assertThat(status.getText()).isEqualTo("部分失败");
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo("PARTIAL");
        assertThat(GridKt._getFormatted(grid(), 2, "solution")).isEqualTo("方案甲");
        assertThat(GridKt._getFormatted(grid(), 2, "failed")).isEqualTo(String.valueOf(partial.getFailed()));
        assertThat(GridKt._getFormatted(grid(), 0, "dryRun")).isEqualTo("是");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<RunStatus> statusFilter() {
        return _get(Select.class, spec -> spec.withId("filter-status"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ComboBox<SolutionView> solutionFilter() {
        return _get(ComboBox.class, spec -> spec.withId("filter-solution"));
    }

    @Test
    void filtersByStatus() {
        // given the list
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs");

        // when only partly failed runs are asked for
        _setValue(statusFilter(), RunStatus.PARTIAL);

        // then only that run is listed; and successful ones are the two dry runs
        assertThat(shownIds()).containsExactly(partial.getId());
        _setValue(statusFilter(), RunStatus.SUCCESS);
        assertThat(shownIds()).containsExactly(otherDryRun.getId(), dryRun.getId());
    }

    @Test
    void aSolutionInTheAddressPresetsTheFilter() {
        // given someone coming from the solutions list
        MockUi.start(context, "viewer", Role.VIEWER);

        // when they open the runs of the second solution
        UI.getCurrent().navigate("runs", QueryParameters.of("solution", String.valueOf(second.id())));

        // then the filter shows that solution and only its run is listed
        assertThat(solutionFilter().getValue().id()).isEqualTo(second.id());
        assertThat(shownIds()).containsExactly(otherDryRun.getId());
    }

    @Test
    void filtersByStartDate() {
        // given the list
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs");
        LocalDate today = LocalDate.now(RunFormat.ZONE);

        // when the runs started from tomorrow on are asked for, there are none
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-from")), today.plusDays(1));
        assertThat(shownIds()).isEmpty();

        // and up to today, all three
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-from")), null);
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-to")), today);
        assertThat(shownIds()).hasSize(3);
    }

    @Test
    void clickingARunOpensIt() {
        // given the list
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs");

        // when the partly failed run is clicked
        GridKt._clickItem(grid(), 2, 1, false, false, false, false);

        // then its detail screen is open
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RunDetailView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("runs/" + partial.getId());
    }
}
