package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Templates made in the UI, in a real browser, as an administrator shares a good solution: publish it as a template
 * from the editor → find it in the gallery by a word of its description → export its file → delete it → import the
 * file back → copy it into a new solution with the sandbox connections and the input it asks for → run it: the sandbox
 * receives the customers.
 *
 * <p>It takes the screenshots of the user guide's template sections.
 */
class TemplatesBrowserIT extends BrowserIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final LocatorAssertions.HasAttributeOptions RUN_TIMEOUT = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(300_000);

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Test
    void aPublishedTemplateIsFoundExportedDeletedImportedBackCopiedAndRun() throws IOException {
        // given a solution copied from the seed template, with the two sandbox connections
        resetSandboxes();
        String kingdee = unique("金蝶沙箱");
        String jackyun = unique("吉客云沙箱");
        long source = connections.create(new ConnectionDraft(kingdee, "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long target = connections.create(new ConnectionDraft(jackyun, "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView solution = templates.copy(SEED, unique("门店采购入库单同步"), source, target);
        String id = "shop-suppliers-" + unique("t").substring(2);
        String title = unique("门店供应商建客户");

        // when the administrator publishes it as a template from its editor
        signInAsAdmin();
        open("solutions/" + solution.id());
        click("publish-template");
        fill("publish-id", id);
        fill("publish-title-zh", title);
        fill("publish-description", "门店专用：采购入库单的供应商建为吉客云客户");
        fill("publish-tags", "金蝶云星辰、吉客云、门店");
        check("publish-input-window.start", true);
        fill("publish-input-label-window.start", "首次同步从多久以前开始");
        screenshot("template-publish");
        click("publish-confirm");

        // then it is published, and the gallery finds it by a word of its description
        assertThat(byId("publish-done")).isVisible();
        click("publish-close");
        open("templates");
        search("门店专用");
        assertThat(byId("template-" + id)).isVisible();
        screenshot("template-gallery");

        // when its file is exported, and the template deleted
        Download download = page.waitForDownload(() -> byId("export-" + id).click());
        byte[] file = Files.readAllBytes(download.path());
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("yunqiao-template/1").contains(title)
                .doesNotContain("\"connection\"").doesNotContain("demo-secret");
        click("delete-" + id);
        page.locator("vaadin-button[slot=confirm-button]").last().click();
        waitForVaadin();
        assertThat(byId("template-" + id)).hasCount(0);

        // and the file imported back
        byId("template-import").locator("input[type=file]").setInputFiles(new FilePayload(id + ".template.json",
                "application/json", file));
        waitForVaadin();

        // then it is in the gallery again
        search("门店专用");
        assertThat(byId("template-" + id)).isVisible();
        // with its details: the field mapping as a table, the input a copy asks for, its versions
        click("details-" + id);
        assertThat(byId("details-mapping")).containsText("customerCode");
        assertThat(byId("details-inputs")).containsText("首次同步从多久以前开始");
        screenshot("template-details");
        open("templates");
        search("门店专用");
        assertThat(byId("template-" + id)).isVisible();

        // when it is copied into a new solution with the sandbox connections and run
        click("copy-" + id);
        String copy = unique("分店采购入库单同步");
        fill("copy-name", copy);
        pick("copy-source", kingdee);
        pick("copy-target", jackyun);
        assertThat(byId("copy-input-window-start").locator("input")).hasValue("P30D");
        fill("copy-input-window-start", "P7D");
        screenshot("template-copy-inputs");
        click("copy-confirm");
        page.waitForURL(Pattern.compile(".*/solutions/\\d+$"));
        assertThat(byId("template-origin")).containsText(title);
        screenshot("template-origin");
        click("tab-source");
        assertThat(byId("window-start").locator("input")).hasValue("P7D");
        click("editor-run-now");
        page.waitForURL(Pattern.compile(".*/runs/\\d+$"));

        // then the run succeeds and the sandbox holds the customers it wrote
        assertThat(byId("run-status")).hasAttribute("data-status", "SUCCESS", RUN_TIMEOUT);
        JsonNode customers = sandbox("GET", "jackyun/_admin/customers", null);
        assertThat(customers.path("count").asInt()).isPositive();
        assertThat(byId("run-failed")).hasText("0");
    }

    /**
     * Types in the gallery's search box and waits until the cards are filtered (the seed template's card is gone):
     * the box searches as one types, so a click right after typing could hit a card that is being replaced.
     */
    private void search(String words) {
        fill("templates-search", words);
        assertThat(byId("template-" + SEED)).hasCount(0);
        waitForVaadin();
    }
}
