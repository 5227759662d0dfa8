package io.yunqiao.web.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.runs.RunScreensTest;
import io.yunqiao.web.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard, server-side, on real runs against the sandboxes: today's figures, the 24-hour chart, each
 * solution's last run, and running runs followed live.
 */
@RunScreensTest
class DashboardViewIT {

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

    private RunFixtures fixtures;
    private SolutionView seed;
    private Run partial;

    @BeforeEach
    void aPartlyFailedRunToday() {
        fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        seed = fixtures.solution("种子方案");
        partial = fixtures.partialRun(seed);
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static String svg() {
        return _get(Svg.class, spec -> spec.withId("hourly-chart")).getElement().getProperty("innerHTML");
    }

    @Test
    void showsTodaysWrittenAndFailedRecords() {
        // given a run today that wrote some records and failed others
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the dashboard opens
        UI.getCurrent().navigate("");

        // then the tiles carry the run's numbers
        assertThat(_get(Span.class, spec -> spec.withId("written-today")).getText())
                .isEqualTo(String.valueOf(partial.getWritten()));
        assertThat(_get(Span.class, spec -> spec.withId("failed-today")).getText())
                .isEqualTo(String.valueOf(partial.getFailed()));
    }

    @Test
    void theChartHas24HourGroupsWithThisHoursRecordsLast() {
        // given the run of this hour
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the dashboard opens
        UI.getCurrent().navigate("");

        // then the chart has 24 hour groups, and the last one (this hour) holds the run's written and failed records
        String svg = svg();
        assertThat(Pattern.compile("<g class=\"yq-hour\"").matcher(svg).results().count()).isEqualTo(24);
        Matcher written = Pattern.compile("class=\"yq-bar-written\"[^>]*data-value=\"(\\d+)\"").matcher(svg);
        Matcher failed = Pattern.compile("class=\"yq-bar-failed\"[^>]*data-value=\"(\\d+)\"").matcher(svg);
        long lastWritten = written.results().reduce((a, b) -> b).map(m -> Long.parseLong(m.group(1))).orElseThrow();
        long lastFailed = failed.results().reduce((a, b) -> b).map(m -> Long.parseLong(m.group(1))).orElseThrow();
        assertThat(lastWritten).isEqualTo(partial.getWritten());
        assertThat(lastFailed).isEqualTo(partial.getFailed());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Grid<DashboardView.SolutionRow> solutionsGrid() {
        return _get(Grid.class, spec -> spec.withId("dashboard-solutions"));
    }

    @Test
    void listsEachSolutionWithItsLastRun() {
        // given a solution that ran once
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the dashboard opens
        UI.getCurrent().navigate("");

        // then the solution links to its editor, and its last run shows its status and links to the run
        Grid<DashboardView.SolutionRow> grid = solutionsGrid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        Anchor name = (Anchor) GridKt._getCellComponent(grid, 0, "name");
        assertThat(name.getText()).isEqualTo("种子方案");
        assertThat(name.getHref()).isEqualTo("solutions/" + seed.id());
        Component lastRun = GridKt._getCellComponent(grid, 0, "lastRun");
        Span status = (Span) lastRun.getChildren().filter(Span.class::isInstance).findFirst().orElseThrow();
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo("PARTIAL");
        assertThat(status.getText()).isEqualTo("部分失败");
        Anchor link = (Anchor) lastRun.getChildren().filter(Anchor.class::isInstance).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("runs/" + partial.getId());
        assertThat(link.getText()).contains("写入 " + partial.getWritten(), "失败 " + partial.getFailed());
    }

    @Test
    void theScheduleReadsInWordsNotAsCron() {
        // given the seed solution, switched off, every minute
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the dashboard opens
        UI.getCurrent().navigate("");

        // then its schedule reads in words, without the cron expression
        assertThat(GridKt._getFormatted(solutionsGrid(), 0, "schedule")).isEqualTo("每分钟（未启用）");
    }

    @Test
    void aRunningRunAppearsWithProgressAndGoesWhenItEnds() {
        // given a run held up by a slow source
        fixtures.slowSource(2000);
        Run started = engine.start(seed.id(), RunTrigger.MANUAL, false);
        MockUi.start(context, "viewer", Role.VIEWER);

        // when the dashboard opens while it runs
        UI.getCurrent().navigate("");

        // then the running section shows it with a progress bar
        Div section = _get(Div.class, spec -> spec.withId("running-runs"));
        assertThat(_find(section, Div.class, spec -> spec.withId("running-run-" + started.getId()))).hasSize(1);
        assertThat(_find(section, ProgressBar.class, spec -> spec.withId("running-progress-" + started.getId())))
                .hasSize(1);

        // and the live refresh takes it away once it ended
        fixtures.awaitEnd(started.getId());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!_find(section, Div.class, spec -> spec.withId("running-run-" + started.getId())).isEmpty()
                && Instant.now().isBefore(deadline)) {
            MockVaadin.runUIQueue();
            RunFixtures.pause(100);
        }
        assertThat(_find(section, Div.class, spec -> spec.withId("running-run-" + started.getId()))).isEmpty();
        assertThat(_get(section, Span.class, spec -> spec.withId("running-none")).getText())
                .isEqualTo("当前没有运行中的方案");
    }
}
