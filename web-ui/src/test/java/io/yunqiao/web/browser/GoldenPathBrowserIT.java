package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The golden path of issue #4 in a real browser, as a business user and then an operator would walk it: sign in →
 * copy the seed template → choose the sandbox connections → fetch a sample, edit the mapping and watch the preview
 * change → save → run now → the run succeeds with the counts the sandbox confirms → open a record's request and
 * response → a sandbox fault makes records fail → re-push them → they succeed, each customer stored once.
 *
 * <p>It counts the person's clicks and measures the time, and takes the screenshots of docs/user-guide.md.
 */
class GoldenPathBrowserIT extends BrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(GoldenPathBrowserIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final LocatorAssertions.HasAttributeOptions RUN_TIMEOUT = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(300_000);

    @Autowired
    Connections connections;

    @Autowired
    ConnectorClient client;

    private String kingdee;
    private String jackyun;
    private int clicks;
    private int typed;

    /** The two sandbox connections the embedded default creates on its first start. */
    @BeforeEach
    void sandboxConnections() {
        kingdee = unique("金蝶沙箱");
        jackyun = unique("吉客云沙箱");
        connections.create(new ConnectionDraft(kingdee, "kingdee-jdy", Map.of("baseUrl", url("sandbox/kingdee"),
                "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo", "password",
                "demo-pass")));
        connections.create(new ConnectionDraft(jackyun, "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0")));
        resetSandboxes();
    }

    @Test
    void fromTheSeedTemplateToARepushedFailure() {
        long start = System.nanoTime();

        // given the administrator signed in (two fields, one click)
        open("");
        typed += 2;
        clicks++;
        signInAsAdmin();
        assertThat(byId("written-today")).isVisible();

        // when they copy the seed template with the two sandbox connections
        userClicks(() -> click("nav-templates"));
        assertThat(byId("template-" + SEED)).isVisible();
        screenshot("templates");
        userClicks(() -> click("copy-" + SEED));
        String name = unique("采购入库单同步");
        userTypes(() -> fill("copy-name", name));
        userClicks(() -> pick("copy-source", kingdee));
        userClicks(() -> pick("copy-target", jackyun));
        screenshot("template-copy");
        userClicks(() -> click("copy-confirm"));

        // then they are in the editor of the new solution
        page.waitForURL(Pattern.compile(".*/solutions/\\d+$"));
        long solutionId = Long.parseLong(page.url().replaceAll(".*/solutions/", ""));
        assertThat(byId("solution-name").locator("input")).hasValue(name);

        // when they limit the first sync to the last day (so that later changes bring new suppliers)
        userClicks(() -> click("tab-source"));
        userTypes(() -> fill("window-start", "P1D"));
        screenshot("editor-source");

        // and fetch a live sample on the mapping tab
        userClicks(() -> click("tab-mapping"));
        userClicks(() -> click("sample-fetch"));
        assertThat(byId("sample-json").locator("textarea")).hasValue(Pattern.compile("billno"));
        assertThat(byId("mapping-output")).containsText("customerCode");
        assertThat(byId("mapping-output")).not().containsText("（云桥同步）");

        // and type at the end of the specialReminding line
        userClicks(() -> page.locator("#mapping-editor .CodeMirror").click());
        page.locator("#mapping-editor .CodeMirror").evaluate("""
                wrapper => {
                  const cm = wrapper.CodeMirror;
                  for (let line = 0; line < cm.lineCount(); line++) {
                    if (cm.getLine(line).includes('specialReminding')) {
                      cm.setCursor({line: line, ch: cm.getLine(line).length});
                      return;
                    }
                  }
                  throw new Error('no specialReminding line in the mapping');
                }""");
        typed++;
        page.keyboard().type(" & \"（云桥同步）\"");

        // then the preview changes as they type, with no problem reported
        assertThat(byId("mapping-output")).containsText("（云桥同步）");
        assertThat(byId("mapping-error")).not().isVisible();
        screenshot("editor-mapping");

        // when they save with a comment
        userClicks(() -> click("save-solution"));
        userTypes(() -> fill("save-comment", "备注加上来源"));
        userClicks(() -> click("save-confirm"));
        assertThat(byId("editor-version")).containsText("2");

        // and run it now
        userClicks(() -> click("editor-run-now"));
        page.waitForURL(Pattern.compile(".*/runs/\\d+$"));

        // then the run succeeds and its counts are what the sandbox received
        assertThat(byId("run-status")).hasAttribute("data-status", "SUCCESS", RUN_TIMEOUT);
        JsonNode customers = sandbox("GET", "jackyun/_admin/customers", null);
        int stored = customers.path("count").asInt();
        assertThat(stored).isPositive();
        assertThat(byId("run-written")).hasText(String.valueOf(stored));
        assertThat(byId("run-failed")).hasText("0");
        assertThat(customers.toString()).contains("（云桥同步）");
        screenshot("run-success");

        // when they open a written record (the supplier's later bills are skipped as duplicates)
        userClicks(() -> gridCells("records").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^成功$"))).first().click());

        // then they see the request sent and the response received
        assertThat(byId("record-request")).containsText("crm.customer.add");
        // bizcontent, JSON inside a string, is shown decoded: no escaped quotes
        assertThat(byId("record-request")).containsText("\"customerCode\" : \"GYS");
        assertThat(byId("record-request")).containsText("（云桥同步）");
        assertThat(byId("record-response")).containsText("code");
        screenshot("record-dialog");
        userClicks(() -> page.keyboard().press("Escape"));

        // when Jackyun starts failing and three bills of suppliers not synced yet change in Kingdee
        sandbox("POST", "jackyun/_admin/faults", "{\"kind\":\"HTTP_500\",\"rate\":1.0}");
        sandbox("POST", "kingdee/_admin/bills/touch", JSON.createObjectNode().set("ids",
                JSON.valueToTree(billsOfNewSuppliers(customers, 3))).toString());
        userClicks(() -> click("nav-solutions"));
        userClicks(() -> click("run-" + solutionId));
        page.waitForURL(Pattern.compile(".*/runs/\\d+$"));

        // then the new suppliers fail after their retries
        assertThat(byId("run-status")).hasAttribute("data-status", Pattern.compile("PARTIAL|FAILED"), RUN_TIMEOUT);
        int failed = Integer.parseInt(text("run-failed"));
        assertThat(failed).isEqualTo(3);
        assertThat(byId("repush-all-failed")).isVisible();
        screenshot("run-failed");

        // when the fault is gone and the operator re-pushes the failed records
        sandbox("DELETE", "jackyun/_admin/faults", null);
        userClicks(() -> click("repush-all-failed"));
        assertThat(byId("repush-confirm")).hasText("重推 " + failed + " 条");
        userClicks(() -> click("repush-confirm"));

        // then the re-push run succeeds, writing exactly the failed ones, each customer stored once
        assertThat(byId("run-status")).hasAttribute("data-status", "SUCCESS", RUN_TIMEOUT);
        assertThat(byId("run-written")).hasText(String.valueOf(failed));
        JsonNode after = sandbox("GET", "jackyun/_admin/customers", null);
        assertThat(after.path("count").asInt()).isEqualTo(stored + failed);
        Map<String, Integer> addCalls = new LinkedHashMap<>();
        after.path("addCalls").properties().forEach(e -> addCalls.put(e.getKey(), e.getValue().asInt()));
        assertThat(addCalls).allSatisfy((code, calls) -> assertThat(calls).as(code).isEqualTo(1));
        screenshot("repush-success");

        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("golden path: {} clicks, {} typed fields, {} s (sign-in to re-pushed records)", clicks, typed,
                String.format("%.1f", seconds));

        // and the dashboard shows today's written and failed records
        open("");
        assertThat(byId("written-today")).not().hasText("0");
        screenshot("dashboard");
    }

    /** One bill each of {@code count} suppliers that are not Jackyun customers yet. */
    private List<String> billsOfNewSuppliers(JsonNode customers, int count) {
        Set<String> synced = new HashSet<>();
        customers.path("customers").forEach(c -> synced.add(c.path("customerCode").asText()));
        Map<String, String> billBySupplier = new LinkedHashMap<>();
        Connection source = this.connections.runtime(this.connections.list().stream()
                .filter(c -> c.name().equals(kingdee)).findFirst().orElseThrow().id());
        PageRequest request = PageRequest.first(100);
        QueryPage page;
        do {
            page = client.query(source, "jdy/pur/pur_inbound_list", Map.of(), request);
            for (JsonNode bill : page.records()) {
                String supplier = bill.path("supplierid_number").asText();
                if (!synced.contains(supplier)) {
                    billBySupplier.putIfAbsent(supplier, bill.path("id").asText());
                }
            }
            request = page.next();
        } while (page.hasMore() && billBySupplier.size() < count);
        assertThat(billBySupplier).as("suppliers not synced by the first run").hasSizeGreaterThanOrEqualTo(count);
        return billBySupplier.values().stream().limit(count).toList();
    }

    private void userClicks(Runnable action) {
        clicks++;
        action.run();
    }

    private void userTypes(Runnable action) {
        typed++;
        action.run();
    }

}
