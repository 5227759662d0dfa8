package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the browser refuses, with the reason: a read-only user cannot run or edit, and a bad cron or a bad JSONata
 * mapping is not saved — the message says why and the saved solution stays as it was.
 */
class RefusalsBrowserIT extends BrowserIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    UserAccounts users;

    private SolutionView solution;

    @BeforeEach
    void aCopiedSeedSolution() {
        long kingdee = connections.create(new ConnectionDraft(unique("金蝶"), "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft(unique("吉客云"), "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        solution = templates.copy(SEED, unique("拒绝测试"), kingdee, jackyun);
    }

    @Test
    void aViewerSeesSolutionsButCannotRunEditOrDeleteAndReadsTheEditorReadOnly() {
        // given a read-only user
        String viewer = unique("viewer");
        users.create(viewer, null, Role.VIEWER, "viewer-pass-1");

        // when they open the solutions list
        signIn(viewer, "viewer-pass-1");
        open("solutions");

        // then they see the solution but no button to run, switch, copy or delete it
        assertThat(byId("state-" + solution.id())).isVisible();
        assertThat(byId("run-" + solution.id())).hasCount(0);
        assertThat(byId("dry-" + solution.id())).hasCount(0);
        assertThat(byId("enable-" + solution.id())).hasCount(0);
        assertThat(byId("delete-" + solution.id())).hasCount(0);
        assertThat(byId("new-solution")).hasCount(0);
        screenshot("viewer-solutions");

        // and its 查看 link opens the editor read-only: the note, and no save, run, dry-run or versions button
        byId("view-" + solution.id()).click();
        assertThat(byId("editor-read-only")).isVisible();
        assertThat(byId("editor-read-only")).containsText("只读：只有管理员可以修改方案");
        assertThat(byId("solution-name")).hasAttribute("readonly", "");
        assertThat(byId("save-solution")).hasCount(0);
        assertThat(byId("editor-run-now")).hasCount(0);
        assertThat(byId("editor-dry-run")).hasCount(0);
        assertThat(byId("versions")).hasCount(0);
        screenshot("viewer-solution-read-only");
    }

    @Test
    void aBadCronIsRefusedWithQuartzsReasonAndNothingIsSaved() {
        // given the administrator in the editor's schedule tab
        signInAsAdmin();
        open("solutions/" + solution.id());
        click("tab-schedule");

        // when they type a minute that does not exist
        fill("cron", "0 61 * * * ?");

        // then the field says why at once
        assertThat(byId("cron")).hasAttribute("invalid", "");
        assertThat(byId("cron")).containsText("Minute");
        screenshot("refused-cron");

        // and saving is refused with the reason, leaving version 1
        click("save-solution");
        assertThat(notifications().filter(new Locator.FilterOptions().setHasText("Minute")).first()).isVisible();
        assertThat(solutions.get(solution.id()).version()).isEqualTo(1);
        assertThat(solutions.get(solution.id()).cron()).isEqualTo("0 * * * * ?");
    }

    @Test
    void aBadJsonataIsRefusedWithItsLineAndColumnAndNothingIsSaved() {
        // given the administrator in the editor's mapping tab
        signInAsAdmin();
        open("solutions/" + solution.id());
        click("tab-mapping");
        assertThat(byId("mapping-output")).containsText("customerCode");

        // when the mapping has an unclosed object
        byId("mapping-editor").evaluate("host => host.yqSetValue('{\\n  \"customerCode\": supplierid_number,\\n')");

        // then the error box gives the message with line and column
        assertThat(byId("mapping-error")).isVisible();
        assertThat(byId("mapping-error")).containsText(Pattern.compile("3"));
        screenshot("refused-jsonata");

        // and saving is refused with the message, leaving version 1 and its mapping
        click("save-solution");
        if (byId("save-confirm").count() > 0) {
            click("save-confirm");
        }
        assertThat(notifications().first()).isVisible();
        assertThat(solutions.get(solution.id()).version()).isEqualTo(1);
        assertThat(solutions.get(solution.id()).spec().target().mapping()).contains("specialReminding");
    }
}
