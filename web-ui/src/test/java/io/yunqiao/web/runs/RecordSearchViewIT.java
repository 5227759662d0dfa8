package io.yunqiao.web.runs;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.run.search.FoundRecord;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.security.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The search box of the runs screen, server-side: a clerk types a bill number, finds the record with its state,
 * and opens it in the run it failed in; bad input is refused on the field.
 */
@RunScreensTest
class RecordSearchViewIT {

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

    private Run partial;
    private RecordLog failed;

    @BeforeEach
    void aRunWithFailedRecords() {
        RunFixtures fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        partial = fixtures.partialRun(fixtures.solution("采购入库同步"));
        failed = history.records(partial.getId(), RecordStatus.FAILED, 0, 1).get(0);
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("runs");
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static TextField box() {
        return _get(TextField.class, spec -> spec.withId("records-search"));
    }

    private static void find(String typed) {
        _setValue(box(), typed);
        _click(_get(Button.class, spec -> spec.withId("records-search-button")));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Grid<FoundRecord> found() {
        return _get(Grid.class, spec -> spec.withId("records-found"));
    }

    /** Whether the results grid is on screen (the locators find only visible components). */
    @SuppressWarnings("rawtypes")
    private static boolean resultsShown() {
        return !_find(Grid.class, spec -> spec.withId("records-found")).isEmpty();
    }

    @Test
    void aBillNumberTypedInTheSearchBoxFindsItsRecord() {
        // given a bill that failed in a run
        String billNo = failed.getCode();

        // when a clerk types its number in the runs screen's search box
        find(billNo);

        // then the record is listed with its solution, keys and current state 失败
        Grid<FoundRecord> grid = found();
        assertThat(grid.isVisible()).isTrue();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "code")).isEqualTo(billNo);
        assertThat(GridKt._getFormatted(grid, 0, "solution")).isEqualTo("采购入库同步");
        assertThat(GridKt._getFormatted(grid, 0, "sourceKey")).isEqualTo(failed.getSourceKey());
        Span status = (Span) GridKt._getCellComponent(grid, 0, "status");
        assertThat(status.getText()).isEqualTo("失败");
        assertThat(_get(Span.class, spec -> spec.withId("records-found-summary")).getText()).contains("找到 1 条");
    }

    @Test
    void theRunLinkOfAFoundRecordOpensTheRunWithTheRecordsLogEntry() {
        // given the record found by its bill number
        find(failed.getCode());
        HorizontalLayout runs = (HorizontalLayout) GridKt._getCellComponent(found(), 0, "runs");
        List<RouterLink> links = runs.getChildren().filter(RouterLink.class::isInstance).map(RouterLink.class::cast)
                .toList();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getText()).isEqualTo("运行 #" + partial.getId() + " 失败");

        // when its run link is followed
        String[] href = links.get(0).getHref().split("\\?", 2);
        UI.getCurrent().navigate(href[0], QueryParameters.fromString(href[1]));

        // then the run opens with the record's dialog: its bill number and why it failed
        _get(Dialog.class, spec -> spec.withId("record-dialog"));
        assertThat(_get(Span.class, spec -> spec.withId("record-code")).getText()).isEqualTo(failed.getCode());
        assertThat(_get(Span.class, spec -> spec.withId("run-status")).getText()).isEqualTo("部分失败");
    }

    @Test
    void theBeginningOfABillNumberFindsEveryBillStartingWithIt() {
        // given the date part of a bill number, in small letters
        String prefix = failed.getCode().substring(0, "CGRK-20260101".length());

        // when it is searched
        find(prefix.toLowerCase(java.util.Locale.ROOT));

        // then every record found starts with it
        Grid<FoundRecord> grid = found();
        assertThat(GridKt._size(grid)).isPositive();
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._get(grid, i).code()).startsWith(prefix);
        }
    }

    @Test
    void wildcardsAloneAreRefusedOnTheField() {
        // when only a wildcard is typed
        find("%");

        // then the field says why, and no results are shown
        assertThat(box().isInvalid()).isTrue();
        assertThat(box().getErrorMessage()).contains("只有通配符");
        assertThat(resultsShown()).isFalse();
    }

    @Test
    void nothingFoundSaysSo() {
        find("XYZ-NOTHING");

        assertThat(resultsShown()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("records-found-summary")).getText())
                .contains("没有").contains("XYZ-NOTHING");
    }

    @Test
    void clearingTheBoxHidesTheResults() {
        find(failed.getCode());

        _setValue(box(), "");

        assertThat(resultsShown()).isFalse();
        assertThat(_find(Span.class, spec -> spec.withId("records-found-summary"))).isEmpty();
    }
}
