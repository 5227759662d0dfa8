package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.retention.DiskUsage;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.Templates;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention as a user meets it: the disk each solution uses on the solutions list, and the solution's own retention
 * on the schedule tab, refused as typed when out of range; their screenshots illustrate docs/user-guide.md.
 */
class RetentionBrowserIT extends BrowserIT {

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    DiskUsage disk;

    @Test
    void theSolutionsListShowsTheDiskUsedAndTheEditorRefusesDaysOutOfRange() {
        // given a solution that has run once
        resetSandboxes();
        long kingdee = connections.create(new ConnectionDraft(unique("金蝶云星辰沙箱"), "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft(unique("吉客云沙箱"), "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView solution = templates.copy("kingdee-pur-inbound-to-jackyun-customer", unique("采购入库建客户"),
                kingdee, jackyun);
        engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        disk.refresh();
        signInAsAdmin();

        // when the administrator opens the solutions list
        open("solutions");

        // then the solution's disk use is shown in KB or MB, and the clean-up button is there
        assertThat(byId("disk-" + solution.id())).hasText(Pattern.compile("\\d+(\\.\\d)? (KB|MB)"));
        assertThat(byId("clean-up-now")).isVisible();
        screenshot("solutions-disk");

        // and on the schedule tab, record logs kept 0 days are refused with the allowed range as typed
        open("solutions/" + solution.id());
        click("tab-schedule");
        byId("retention-log-days").scrollIntoViewIfNeeded();
        fill("retention-log-days", "0");
        assertThat(byId("retention-log-days")).containsText("1 到 3650");
        assertThat(byId("retention-log-days")).hasAttribute("invalid", "");

        // and 90 days are accepted, the content following the platform's 30
        fill("retention-log-days", "90");
        assertThat(byId("retention-log-days")).not().hasAttribute("invalid", "");
        assertThat(byId("retention-log-days")).not().containsText("1 到 3650");
        assertThat(byId("retention-content-days").locator("input")).hasAttribute("placeholder", "平台默认 30");
        screenshot("editor-retention");
    }
}
