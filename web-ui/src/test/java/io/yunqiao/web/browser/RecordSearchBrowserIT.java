package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding a record by its bill number on the runs screen, in a real browser: the search box, the results with the
 * record's state, and its run link opening the run with the record's dialog. Takes the user guide's
 * {@code record-search.png}.
 */
class RecordSearchBrowserIT extends BrowserIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    RunHistory history;

    @Autowired
    Solutions solutions;

    @Test
    void aBillNumberTypedInTheRunsScreensSearchBoxFindsTheRecordAndOpensItInItsRun() {
        // given a run of the seed solution that wrote the sandbox's bills, and no other solution holding them (the
        // browser test classes share one platform, and several of them sync the same sandbox bills)
        solutions.list().forEach(other -> solutions.delete(other.id()));
        resetSandboxes();
        long kingdee = connections.create(new ConnectionDraft(unique("金蝶"), "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft(unique("吉客云"), "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView solution = templates.copy(SEED, unique("采购入库单同步"), kingdee, jackyun);
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        RecordLog written = history.records(run.getId(), RecordStatus.SUCCESS, 0, 1).get(0);
        String billNo = written.getCode();

        // when a clerk types the beginning of its bill number (its date) in the runs screen's search box
        signInAsAdmin();
        open("runs");
        fill("records-search", billNo.substring(0, "CGRK-20260101".length()));
        click("records-search-button");

        // then the bills of that day are listed, each with its solution, state and run
        assertThat(byId("records-found-summary")).containsText("找到");
        assertThat(gridCells("records-found").filter(new Locator.FilterOptions().setHasText(solution.name()))
                .first()).isVisible();
        screenshot("record-search");

        // when the whole bill number is typed, then that bill is listed with its state 成功
        fill("records-search", billNo);
        click("records-search-button");
        assertThat(byId("records-found-summary")).containsText("找到 1 条");
        Locator row = gridRow("records-found", billNo);
        assertThat(row.filter(new Locator.FilterOptions().setHasText("成功")).first()).isVisible();

        // and its run link opens the run with the record's dialog
        row.locator("a").filter(new Locator.FilterOptions().setHasText("运行 #" + run.getId())).first().click();
        // (the dialog's host element stays hidden: its content shows in an overlay)
        assertThat(byId("record-code")).hasText(billNo);
        assertThat(byId("record-status")).hasText("成功");
    }

    @Test
    void onlyWildcardsAreRefusedOnTheSearchBox() {
        signInAsAdmin();
        open("runs");

        fill("records-search", "%");
        click("records-search-button");

        assertThat(byId("records-search")).hasAttribute("invalid", "");
        assertThat(byId("records-search")).containsText("只有通配符");
    }
}
