package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The screens the golden path passes by — connections, the connector catalog, the solutions list, version
 * comparison — render in the browser with their content; their screenshots illustrate docs/user-guide.md.
 */
class ScreensTourBrowserIT extends BrowserIT {

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Test
    void theAdministratorTourShowsEveryScreenWithItsContent() {
        // given two sandbox connections and a solution saved twice
        String kingdee = unique("金蝶云星辰沙箱");
        long kingdeeId = connections.create(new ConnectionDraft(kingdee, "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyunId = connections.create(new ConnectionDraft(unique("吉客云沙箱"), "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView solution = templates.copy("kingdee-pur-inbound-to-jackyun-customer", unique("供应商同步"),
                kingdeeId, jackyunId);
        solutions.update(solution.id(), solution.spec().withTarget(solution.spec().target().withMapping(
                solution.spec().target().mapping().replace("\"供应商\"", "\"金蝶供应商\""))), "客户类型改名");
        signInAsAdmin();

        // then the connections list shows them, secrets never
        open("connections");
        assertThat(byId("connections")).containsText(kingdee);
        assertThat(byId("connections")).not().containsText("demo-secret-v1");
        screenshot("connections");

        // and the catalog documents the seed operation
        open("connectors");
        assertThat(byId("catalog-operation-jdy/pur/pur_inbound_list")).isVisible();
        screenshot("connectors");

        // and the solutions list shows the schedule in words
        open("solutions");
        assertThat(byId("open-" + solution.id())).isVisible();
        assertThat(byId("enable-" + solution.id())).isVisible();
        screenshot("solutions");

        // and the versions dialog compares version 1 with 2
        open("solutions/" + solution.id());
        click("versions");
        gridRow("versions-grid", "v1").locator("vaadin-checkbox").first().click();
        assertThat(byId("versions-diff")).containsText("金蝶供应商");
        screenshot("versions");
    }
}
