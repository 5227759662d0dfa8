package io.yunqiao.web.maintenance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.schedule.MaintenanceMode;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The maintenance screen, server-side: operators switch the mode with a note and every screen's banner says so,
 * viewers only read, and the runs still running are listed. The platform is shared: every test leaves the mode off.
 */
@SharedPlatform
class MaintenanceViewIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MaintenanceMode mode;

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

    @AfterEach
    void stop() {
        MockUi.stop();
        // other classes on this platform schedule solutions: never leave them paused
        mode.switchTo(false, "test", null);
    }

    @Test
    void anOperatorSwitchesTheModeOnWithANoteAndTheBannerShowsIt() {
        // given the maintenance screen, signed in as an operator, with the mode off
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("maintenance");
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-status")).getText()).contains("已关闭");
        // (the locator sees visible components only)
        assertThat(_find(Anchor.class, spec -> spec.withId("maintenance-banner"))).isEmpty();

        // when they write a note and switch it on
        _setValue(_get(TextArea.class, spec -> spec.withId("maintenance-note")), "升级到 1.4");
        _click(_get(Button.class, spec -> spec.withId("maintenance-switch")));

        // then it is on, by them, with the note, shown here and in the banner of every screen
        assertThat(mode.state().on()).isTrue();
        assertThat(mode.state().by()).isEqualTo("ops");
        assertThat(mode.state().note()).isEqualTo("升级到 1.4");
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-status")).getText()).contains("已开启");
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-note-shown")).getText()).contains("升级到 1.4");
        UI.getCurrent().navigate("runs");
        assertThat(_get(Anchor.class, spec -> spec.withId("maintenance-banner")).isVisible()).isTrue();
    }

    @Test
    void aViewerSeesTheModeButHasNoSwitch() {
        // given the mode switched on by an operator
        mode.switchTo(true, "ops", null);

        // when a viewer opens the maintenance screen
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("maintenance");

        // then they read the state, without a switch
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-status")).getText()).contains("已开启");
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-since")).getText()).contains("ops");
        assertThat(_find(Button.class, spec -> spec.withId("maintenance-switch"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("maintenance-read-only")).isVisible()).isTrue();
    }

    @Test
    void theRunsStillRunningAreListedWithTheirSolutionAndNode() {
        // given a run held up by a slow source
        RunFixtures fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        SolutionView seed = fixtures.solution("维护中的方案");
        fixtures.slowSource(2000);
        Run started = engine.start(seed.id(), RunTrigger.MANUAL, false);
        try {
            // when the maintenance screen opens while it runs
            MockUi.start(context, "ops", Role.OPERATOR);
            UI.getCurrent().navigate("maintenance");

            // then the run is listed with its solution and node
            @SuppressWarnings("unchecked")
            Grid<Run> grid = (Grid<Run>) _get(Component.class, spec -> spec.withId("maintenance-running"));
            int row = IntStream.range(0, GridKt._size(grid))
                    .filter(i -> GridKt._get(grid, i).getId().equals(started.getId())).findFirst().orElseThrow();
            assertThat(GridKt._getFormatted(grid, row, "solution")).isEqualTo("维护中的方案");
            assertThat(GridKt._getFormatted(grid, row, "node")).isNotBlank();
        } finally {
            fixtures.awaitEnd(started.getId());
        }
    }
}
