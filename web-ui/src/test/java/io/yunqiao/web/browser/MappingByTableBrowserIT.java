package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.Templates;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #13's acceptance in a real browser: a business user builds a mapping without typing JSONata — the mapping
 * table, 智能映射, "accept all", at most two rows fixed by picking a source field — previews it on live records,
 * saves, runs it and sees the records written; once for the seed mapping built in a new solution, once for the
 * bill-lines template (one record per purchase-bill line), where "accept all" fills only the rows the template left
 * empty. It also takes the user guide's pictures of the mapping
 * table, the syntax hint in the editor, the Source and Target tabs' new sections and the dry-run dialog.
 */
class MappingByTableBrowserIT extends BrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(MappingByTableBrowserIT.class);
    private static final String LINES = "kingdee-pur-inbound-lines-to-jackyun-goods";
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final LocatorAssertions.HasAttributeOptions RUN_TIMEOUT = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(120_000);

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    private String kingdee;
    private String jackyun;
    private long kingdeeId;
    private long jackyunId;

    /** Two sandbox connections and sandboxes as they start: no customers, no goods, no faults. */
    @BeforeEach
    void sandboxConnections() {
        kingdee = unique("金蝶沙箱");
        jackyun = unique("吉客云沙箱");
        kingdeeId = connections.create(new ConnectionDraft(kingdee, "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        jackyunId = connections.create(new ConnectionDraft(jackyun, "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        resetSandboxes();
    }

    @Test
    void theSeedMappingIsBuiltInANewSolutionWithoutTypingJsonataAndItsRunWritesCustomers() {
        // given the administrator in a new, blank solution
        signInAsAdmin();
        open("solutions/new");
        fill("solution-name", unique("供应商建客户"));

        // when they choose the Kingdee purchase bills as source (the last day only) and the Jackyun customer add
        click("tab-source");
        choose("source-connection", kingdee, kingdee);
        choose("source-operation", "pur_inbound_list", "(jdy/pur/pur_inbound_list)");
        fill("window-start", "P1D");
        // each supplier once: later bills of the same supplier are duplicates of the customer (a field name)
        fill("dedupe-target-key", "customerCode");
        click("tab-target");
        choose("target-connection", jackyun, jackyun);
        choose("target-operation", "crm.customer.add", "(crm.customer.add)");

        // and on the mapping tab fetch live bills and press 智能映射
        click("tab-mapping");
        click("sample-fetch");
        assertThat(byId("sample-json").locator("textarea")).hasValue(Pattern.compile("billno"));
        click("mapping-suggest");

        // then each target field's row offers a source with its reason, to accept one by one or all at once
        assertThat(byId("mapping-accept-phone")).isVisible();
        assertThat(byId("mapping-row-phone")).containsText("contact_phone");
        assertThat(byId("mapping-table-accept-all")).isVisible();
        byId("mapping-table").scrollIntoViewIfNeeded();
        docScreenshot("mapping-table-suggestions");

        // when they accept all
        click("mapping-table-accept-all");

        // then the rows (all empty in a new solution) hold the sources and the JSONata is written for them
        assertThat(byId("mapping-table-accept-all")).isHidden();
        expectNotification("个空行");
        assertThat(byId("mapping-source-phone").locator("input")).hasValue(Pattern.compile("^contact_phone"));
        // and at the editor's width each header title stays on the header's one line, 值 above the values
        BoundingBox targetTitle = page.locator(".yq-mapping-table-header .yq-mt-target").boundingBox();
        BoundingBox valueTitle = page.locator(".yq-mapping-table-header .yq-mt-value").boundingBox();
        BoundingBox value = byId("mapping-row-phone").locator(".yq-mt-value").first().boundingBox();
        assertThat(valueTitle.y).as("值 beside 目标字段").isCloseTo(targetTitle.y, within(2.0));
        assertThat(valueTitle.x).as("值 above the values").isCloseTo(value.x, within(2.0));
        docScreenshot("mapping-table-accepted");

        // when they fix the customer's code and name through the table, where the suggestion differs
        int fixed = 0;
        fixed += fixRow("customerCode", "supplierid_number") ? 1 : 0;
        fixed += fixRow("nickname", "supplierid_name") ? 1 : 0;
        assertThat(fixed).as("rows fixed by hand").isLessThanOrEqualTo(2);
        LOG.info("{} rows fixed by hand after accepting the suggestions; the mapping: {}", fixed, mapping());

        // then the preview maps a live bill to a customer with no error and nothing the target would refuse
        assertThat(byId("mapping-output")).containsText("\"customerCode\"");
        assertThat(byId("mapping-output")).containsText("GYS");
        assertThat(byId("mapping-error")).isHidden();
        assertThat(byId("mapping-problems")).containsText("符合目标接口的字段要求");
        assertThat(mapping()).contains("\"customerCode\": supplierid_number").contains("\"nickname\": supplierid_name");

        // when they save and run it
        save();
        click("editor-run-now");
        page.waitForURL(Pattern.compile(".*/runs/\\d+$"));

        // then the run writes customers, none failed, and the sandbox holds them
        assertThat(byId("run-status")).hasAttribute("data-status", "SUCCESS", RUN_TIMEOUT);
        assertThat(byId("run-failed")).hasText("0");
        int written = Integer.parseInt(text("run-written"));
        assertThat(written).isPositive();
        JsonNode customers = sandbox("GET", "jackyun/_admin/customers", null);
        assertThat(customers.path("count").asInt()).isEqualTo(written);
        assertThat(customers.path("customers").get(0).path("customerCode").asText()).startsWith("GYS");
    }

    @Test
    void theBillLinesTemplateIsMappedBySuggestionsAndItsRunWritesOneGoodsItemPerMaterial() {
        // given the administrator copies the bill-lines template onto the sandbox connections in the gallery
        signInAsAdmin();
        click("nav-templates");
        click("copy-" + LINES);
        fill("copy-name", unique("明细建货品"));
        pick("copy-source", kingdee);
        pick("copy-target", jackyun);
        click("copy-confirm");
        page.waitForURL(Pattern.compile(".*/solutions/\\d+$"));

        // then the source tab splits each bill by its material lines, and the target skips goods that exist
        click("tab-source");
        fill("window-start", "P1D");
        assertThat(byId("split-on").locator("input")).isChecked();
        assertThat(byId("split-explanation")).containsText("material_entity");
        byId("split-on").scrollIntoViewIfNeeded();
        docScreenshot("editor-source-split-details");
        click("tab-target");
        assertThat(byId("existing-policy")).isVisible();
        assertThat(byId("group-on")).isVisible();
        byId("group-on").scrollIntoViewIfNeeded();
        docScreenshot("editor-target-group-existing");

        // when they fetch live bills on the mapping tab, press 智能映射 and accept what is offered
        click("tab-mapping");
        click("sample-fetch");
        assertThat(byId("sample-json").locator("textarea")).hasValue(Pattern.compile("material_entity"));
        String template = mapping();
        click("mapping-suggest");
        assertThat(byId("mapping-table-accept-all")).isVisible();
        click("mapping-table-accept-all");
        assertThat(byId("mapping-table-accept-all")).isHidden();

        // then only the template's empty rows were filled: the base unit and the remark's expression stay as the
        // template wrote them, the unit's row still offers its suggestion, and a notice says so
        expectNotification("行已有内容未改动");
        assertThat(mapping()).contains("\"unitName\": material_entity.baseunit_name")
                .contains("\"remark\": \"来自金蝶采购入库单 \" & billno");
        for (String line : template.split("\n")) {
            assertThat(mapping()).contains(line.replaceAll(",$", ""));
        }
        assertThat(byId("mapping-suggestion-unitName")).containsText("已有内容");
        byId("mapping-row-unitName").scrollIntoViewIfNeeded();
        docScreenshot("mapping-table-kept");

        // and fix at most two rows where the suggestion is not the line's material
        int fixed = 0;
        fixed += fixRow("goodsNo", "material_entity.materialid_number") ? 1 : 0;
        fixed += fixRow("goodsName", "material_entity.materialid_name") ? 1 : 0;
        assertThat(fixed).as("rows fixed by hand").isLessThanOrEqualTo(2);
        LOG.info("{} rows fixed by hand after accepting the suggestions; the mapping: {}", fixed, mapping());

        // then the preview shows one line's goods item, with no error
        assertThat(byId("mapping-output")).containsText("\"goodsNo\"");
        assertThat(byId("mapping-output")).not().containsText("[");
        assertThat(byId("mapping-error")).isHidden();

        // when they save and run it
        save();
        click("editor-run-now");
        page.waitForURL(Pattern.compile(".*/runs/\\d+$"));

        // then goods are written, none failed (a material seen on an earlier line counts once)
        assertThat(byId("run-status")).hasAttribute("data-status", "SUCCESS", RUN_TIMEOUT);
        assertThat(byId("run-failed")).hasText("0");
        int written = Integer.parseInt(text("run-written"));
        assertThat(written).isPositive();
        JsonNode goods = sandbox("GET", "jackyun/_admin/goods", null);
        assertThat(goods.path("count").asInt()).isEqualTo(written);
    }

    @Test
    void aMissingCommaIsMarkedInTheEditorAndTheDryRunOffersItsRecords() {
        // given a copy of the seed template open on its mapping tab, with its example record
        SolutionView copy = templates.copy(SEED, unique("逗号"), kingdeeId, jackyunId);
        signInAsAdmin();
        open("solutions/" + copy.id());
        click("tab-mapping");
        assertThat(byId("mapping-output")).containsText("customerCode");

        // when the comma after the nickname's value is deleted in the JSONata editor
        cursorAfter("supplierid_name,");
        page.keyboard().press("Backspace");

        // then the hint says in words where the comma is missing, and the editor marks the spot
        assertThat(byId("mapping-error-hint")).containsText("少了一个英文逗号");
        assertThat(byId("mapping-error")).containsText("第 4 行");
        assertThat(byId("mapping-row-error-nickname")).containsText("少了一个英文逗号");
        byId("mapping-editor").scrollIntoViewIfNeeded();
        docScreenshot("mapping-syntax-hint");

        // when the comma is typed back
        cursorAfter("supplierid_name");
        page.keyboard().type(",");
        assertThat(byId("mapping-error")).isHidden();

        // and a dry run is asked for
        click("editor-dry-run");

        // then the dialog offers the incremental window, the last staged records or a pasted sample
        Locator dialog = page.locator("vaadin-dialog-overlay[opened]");
        assertThat(dialog).containsText("增量窗口");
        assertThat(dialog).containsText("最近 N 条已暂存");
        dialog.locator("vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("最近 N 条已暂存")).click();
        assertThat(byId("dry-run-last")).isVisible();
        docScreenshot("dry-run-dialog");
    }

    // ---- helpers ----

    /**
     * Sets a row of the mapping table to a source field when it holds another (choosing 来源字段 first when the row
     * is on another kind), by typing the field's name into the row's picker and clicking it; whether it changed.
     */
    private boolean fixRow(String target, String sourcePath) {
        Locator source = byId("mapping-source-" + target);
        if (source.count() > 0 && source.locator("input").inputValue().startsWith(sourcePath + " ")) {
            return false;
        }
        if (source.count() == 0) {
            select("mapping-kind-" + target, "来源字段");
        }
        choose("mapping-source-" + target, sourcePath, sourcePath + " ·");
        assertThat(byId("mapping-source-" + target).locator("input"))
                .hasValue(Pattern.compile("^" + literal(sourcePath) + " "));
        return true;
    }

    /**
     * A screenshot for the user guide of what the page shows: without the pointer's tooltip or the notifications of
     * earlier steps covering it.
     */
    private void docScreenshot(String name) {
        page.mouse().move(0, 0);
        // a clicked button keeps the focus, and with it its tooltip
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        page.evaluate("() => document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        assertThat(notifications()).hasCount(0);
        screenshot(name);
    }

    /** Chooses the first combo-box item containing {@code contains} after typing {@code filter}. */
    private void choose(String id, String filter, String contains) {
        Locator input = byId(id).locator("input");
        input.fill(filter);
        page.locator("vaadin-combo-box-overlay[opened] vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(contains)).first().click();
        assertThat(input).hasValue(Pattern.compile(literal(contains)));
        waitForVaadin();
    }

    /** {@code text} as a pattern for Playwright (JavaScript knows no {@code \Q…\E}). */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0");
    }

    /** Puts the JSONata editor's cursor (and the keyboard's focus) right after the first {@code text}. */
    private void cursorAfter(String text) {
        Locator codeMirror = byId("mapping-editor").locator(".CodeMirror");
        codeMirror.click();
        codeMirror.evaluate("""
                (wrapper, text) => {
                  const cm = wrapper.CodeMirror;
                  for (let line = 0; line < cm.lineCount(); line++) {
                    const at = cm.getLine(line).indexOf(text);
                    if (at >= 0) {
                      cm.setCursor({line: line, ch: at + text.length});
                      cm.focus();
                      return;
                    }
                  }
                  throw new Error('no ' + text + ' in the mapping');
                }""", text);
    }

    /** The JSONata in the editor, as the table wrote it. */
    private String mapping() {
        return byId("mapping-editor").locator(".CodeMirror").evaluate("cm => cm.CodeMirror.getValue()").toString();
    }

    private void save() {
        click("save-solution");
        fill("save-comment", "映射表");
        click("save-confirm");
        assertThat(byId("unsaved-marker")).isHidden();
        assertThat(byId("editor-version")).isVisible();
    }

}
