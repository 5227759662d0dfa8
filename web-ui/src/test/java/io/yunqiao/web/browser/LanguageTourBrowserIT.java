package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #14: the whole UI speaks the chosen language. A tour of every screen and dialog — with runs that succeeded,
 * partly failed and failed, and records written, failed and skipped — reads what the person sees (the page, its
 * open overlays and the texts inside components' shadow DOM such as a date picker's month names) and fails on any
 * English sentence in the Chinese UI and on any Chinese character in the English UI, data aside.
 *
 * <p>What counts as data, exempt: what the person typed or the test created (names, descriptions), what the
 * systems answered (sample records, request and response bodies), mappings and code, and the product names. The
 * detector, {@link #VISIBLE_TEXTS}, leaves out input values, code editors and pretty-printed bodies; the allow-lists
 * below name the remaining data strings exactly.
 */
class LanguageTourBrowserIT extends BrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(LanguageTourBrowserIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    /** Supplier GYS0001's records fail validation under this mapping, the others are written. */
    private static final String BROKEN_MAPPING = "{ \"customerCode\": supplierid_number, \"nickname\":"
            + " supplierid_number = \"GYS0001\" ? \"\" : supplierid_name }";

    /**
     * Every visible text of the page: text nodes (through open shadow roots, so a date picker's calendar counts)
     * whose element is rendered, and the placeholders of empty fields. Left out as data: field values, code
     * editors, pretty-printed bodies and {@code <code>} literals.
     */
    private static final String VISIBLE_TEXTS = """
            () => {
              const data = 'input, textarea, pre, code, .CodeMirror, [data-yq-data]';
              const texts = [];
              const visit = (node, exempt) => {
                if (node.nodeType === Node.TEXT_NODE) {
                  const text = node.textContent.replace(/\\s+/g, ' ').trim();
                  const parent = node.parentElement;
                  if (!exempt && text && parent && parent.checkVisibility
                      && parent.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) {
                    texts.push(text);
                  }
                  return;
                }
                if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
                  return;
                }
                if (node.nodeType === Node.ELEMENT_NODE) {
                  if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(node.tagName)) return;
                  exempt = exempt || node.matches(data);
                  const placeholder = node.getAttribute('placeholder');
                  if (placeholder && node.tagName === 'INPUT' && !node.value && node.checkVisibility()) {
                    texts.push(placeholder.trim());
                  }
                  if (node.shadowRoot) visit(node.shadowRoot, exempt);
                }
                for (const child of node.childNodes) visit(child, exempt);
              };
              visit(document.body, false);
              return [...new Set(texts)];
            }""";

    /**
     * An English sentence: two or more dictionary-like words (three or more letters, lower case after the first)
     * in a row, or one word that only a component's built-in English would show.
     */
    private static final Pattern ENGLISH = Pattern.compile("(?<![\\w./@{$-])[A-Z]?[a-z]{2,}(?: [A-Z]?[a-z]{2,})+"
            + "(?![\\w./@}-])|(?<![\\w./@{$-])(?:Today|Cancel|Confirm|Reject|Upload|Drop|Close|Search|Loading|Retry"
            + "|Remove|January|February|March|April|June|July|August|September|October|November|December|Mon|Tue"
            + "|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\\w.-])");
    /** Chinese: ideographs, and Chinese punctuation and full-width forms. */
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff"
            + "\\uff00-\\uffef]+");

    /** Product and vendor names, and the language switch naming the other language in its own. */
    private static final List<String> NAMES = List.of("云桥 Yunqiao", "云桥", "Yunqiao", "JSONata", "Kingdee",
            "Jackyun", "金蝶云星辰", "金蝶", "吉客云", "Quartz", "English", "中文");
    /**
     * What the login page quotes from the log in both languages, so that it can be searched for: the log
     * speaks English.
     */
    private static final List<String> LOG_LINES = List.of("Yunqiao administrator created");
    /**
     * Words the English texts quote from Chinese systems, because the person meets them there in Chinese: the
     * robots' security settings in the DingTalk and Feishu consoles; the seed data's value-map table and Kingdee
     * business types in a template's description; the example value and the CSV header a value-map file may have.
     */
    private static final List<String> QUOTED = List.of("加签", "签名校验", "金蝶采购业务类型", "普通采购", "普通供应商",
            "直运采购", "直运供应商", "现金", "源值,目标值");
    /** Vendor answers: the sandbox's 500 page title, and Jackyun's "成功" as a written record's message. */
    private static final List<String> VENDOR_ANSWERS = List.of("500 Internal Server Error");
    private static final Set<String> VENDOR_ANSWERS_WHOLE = Set.of("成功");

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectorClient client;

    @Autowired
    ValueMapTables tables;

    private static Tour tour;

    /** The data of every state, made once for both languages (the application and its database are shared). */
    @BeforeEach
    void dataInEveryState() {
        if (tour == null) {
            tour = makeTour();
        }
    }

    @Test
    void theChineseUiShowsNoEnglishOutsideData() {
        // given the Chinese UI (the default)
        List<String> found = new ArrayList<>();

        // when the person visits every screen and dialog
        visitEverything(Lang.CHINESE, found);

        // then no English sentence shows outside data
        assertThat(found).as("English texts in the Chinese UI (screen: text)").isEmpty();
    }

    @Test
    void theEnglishUiShowsNoChineseOutsideData() {
        // given the English UI, chosen with the language switch
        List<String> found = new ArrayList<>();
        signInAsAdmin();
        waitForPageLoad(() -> select("language", "English"));
        assertThat(byId("language").locator("vaadin-select-value-button")).hasText("English");

        // when the person visits every screen and dialog
        visitEverything(Lang.ENGLISH, found);

        // then no Chinese character shows outside data
        assertThat(found).as("Chinese texts in the English UI (screen: text)").isEmpty();
    }

    private void visitEverything(Lang lang, List<String> found) {
        Texts runs = Texts.of("runs", lang);
        if (lang == Lang.CHINESE) {
            open("login?error");
            scan("login page", lang, found);
            signInAsAdmin();
        }
        open("");
        assertThat(byId("written-today")).isVisible();
        scan("dashboard", lang, found);

        open("solutions");
        assertThat(byId("open-" + tour.solution)).isVisible();
        scan("solutions", lang, found);

        open("solutions/" + tour.solution);
        for (String tab : List.of("basics", "source", "target", "mapping", "schedule", "alerts")) {
            click("tab-" + tab);
            scan("solution editor, tab " + tab, lang, found);
        }
        click("editor-dry-run");
        assertThat(byId("dry-run-start")).isVisible();
        scan("dry-run dialog", lang, found);
        page.keyboard().press("Escape");
        click("versions");
        assertThat(byId("versions-grid")).isVisible();
        scan("versions dialog", lang, found);
        page.keyboard().press("Escape");
        waitForVaadin();

        open("runs");
        assertThat(byId("runs")).isVisible();
        scan("runs", lang, found);
        byId("filter-from").locator("input").click();
        Locator calendar = page.locator("vaadin-date-picker-overlay[opened]");
        assertThat(calendar).isVisible();
        waitForVaadin();
        scan("runs, date picker open", lang, found);
        // weeks start on Monday
        String firstWeekday = (String) page.evaluate("""
                () => {
                  const month = document.querySelector(
                      'vaadin-date-picker-overlay[opened] vaadin-month-calendar:not([aria-hidden])');
                  return [...month.shadowRoot.querySelectorAll('[part~="weekday"]')]
                      .map(day => day.textContent.trim()).filter(day => day)[0];
                }""");
        assertThat(firstWeekday).isEqualTo(lang == Lang.CHINESE ? "一" : "Mon");
        page.keyboard().press("Escape");

        for (Map.Entry<String, Long> run : Map.of("SUCCESS", tour.success, "PARTIAL", tour.partial, "FAILED",
                tour.failed).entrySet()) {
            open("runs/" + run.getValue());
            assertThat(byId("run-status")).hasAttribute("data-status", run.getKey());
            scan("run detail, " + run.getKey(), lang, found);
        }
        open("runs/" + tour.partial);
        for (String status : List.of("SUCCESS", "FAILED", "SKIPPED")) {
            String label = runs.get("runs.recordStatus." + status);
            // the options read "label (count)"; the labels are plain words
            byId("records-status").click();
            page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^\\s*" + label + "\\s*[（(]"))).first().click();
            waitForVaadin();
            gridCells("records").filter(new Locator.FilterOptions().setHasText(exactly(label))).first().click();
            assertThat(byId("record-close")).isVisible();
            scan("record dialog, " + status, lang, found);
            click("record-close");
        }
        click("repush-all-failed");
        assertThat(byId("repush-confirm")).isVisible();
        scan("re-push confirmation", lang, found);
        page.keyboard().press("Escape");

        open("connections");
        assertThat(byId("connections")).isVisible();
        scan("connections", lang, found);
        click("add-connection");
        scan("new connection dialog", lang, found);
        page.keyboard().press("Escape");

        open("connectors");
        assertThat(byId("catalog-operation-jdy/pur/pur_inbound_list")).isVisible();
        scan("connector catalog", lang, found);

        open("connectors/designer");
        for (String tab : List.of("basics", "connection", "operations", "try", "yaml")) {
            click("designer-tab-" + tab);
            scan("designer, tab " + tab, lang, found);
        }

        open("templates");
        assertThat(byId("template-" + SEED)).isVisible();
        scan("templates", lang, found);
        click("copy-" + SEED);
        assertThat(byId("copy-confirm")).isVisible();
        scan("copy wizard", lang, found);
        page.keyboard().press("Escape");
        open("templates/" + SEED);
        assertThat(byId("details-mapping")).isVisible();
        scan("template details", lang, found);

        open("value-maps");
        assertThat(byId("value-maps")).isVisible();
        scan("value maps", lang, found);
        click("new-value-map");
        scan("new value map dialog", lang, found);
        page.keyboard().press("Escape");
        open("value-maps/" + tour.valueMap);
        assertThat(byId("map-import")).isVisible();
        scan("value map editor with its upload area", lang, found);

        open("users");
        assertThat(byId("users")).isVisible();
        scan("users", lang, found);
        click("add-user");
        scan("new user dialog", lang, found);
        page.keyboard().press("Escape");

        open("tokens");
        scan("API tokens", lang, found);

        open("maintenance");
        assertThat(byId("maintenance-switch")).isVisible();
        scan("maintenance mode", lang, found);

        open("no-such-screen");
        assertThat(byId("no-such-page")).isVisible();
        scan("404 page", lang, found);

        if (lang == Lang.ENGLISH) {
            signOut();
            open("login?error");
            scan("login page", lang, found);
        }
    }

    /** Adds each text of the page that is in the wrong language, as "screen: text", to {@code found}. */
    @SuppressWarnings("unchecked")
    private void scan(String screen, Lang lang, List<String> found) {
        waitForVaadin();
        List<String> texts = (List<String>) page.evaluate(VISIBLE_TEXTS);
        Set<String> offending = new LinkedHashSet<>();
        for (String text : texts) {
            String rest = withoutData(text);
            Matcher matcher = (lang == Lang.CHINESE ? ENGLISH : CHINESE).matcher(rest);
            if (matcher.find()) {
                offending.add(text);
            }
        }
        offending.forEach(text -> found.add(screen + ": " + text));
        if (!offending.isEmpty()) {
            LOG.warn("{} texts in the wrong language on {}: {}", lang, screen, offending);
        }
    }

    private String withoutData(String text) {
        if (VENDOR_ANSWERS_WHOLE.contains(text)) {
            return "";
        }
        String rest = text;
        // every solution's, connection's and value map's name and description is user data, also those other test classes left on the platform
        List<String> names = new ArrayList<>();
        solutions.list().forEach(view -> {
            names.add(view.name());
            if (view.spec().description() != null && !view.spec().description().isBlank()) {
                names.add(view.spec().description());
            }
        });
        connections.list().forEach(view -> names.add(view.name()));
        tables.tables().forEach(table -> {
            names.add(table.name());
            if (table.description() != null && !table.description().isBlank()) {
                names.add(table.description());
            }
        });
        names.sort(java.util.Comparator.comparingInt(String::length).reversed());
        // data first (a name may contain a product name); each list has its longer entries first
        for (List<String> known : List.of(tour.data, names, LOG_LINES, VENDOR_ANSWERS, QUOTED, NAMES)) {
            for (String data : known) {
                rest = rest.replace(data, " ");
            }
        }
        return rest;
    }

    private Tour makeTour() {
        resetSandboxes();
        List<String> data = new ArrayList<>();
        String kingdee = unique("金蝶沙箱");
        String jackyun = unique("吉客云沙箱");
        data.addAll(List.of(kingdee, jackyun));
        long kingdeeId = connections.create(new ConnectionDraft(kingdee, "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyunId = connections.create(new ConnectionDraft(jackyun, "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        String name = unique("采购入库单同步");
        data.add(name);
        SolutionView copied = templates.copy(SEED, name, kingdeeId, jackyunId);
        SolutionSpec spec = copied.spec();
        // the template's description, copied into the solution: the solution's own now
        data.add(spec.description());
        String good = spec.target().mapping();
        // the whole data set, as fast as the sandbox answers
        solutions.update(copied.id(), new SolutionSpec(spec.name(), spec.description(), spec.source(),
                new SolutionSpec.Window("P31D", 300, 744), spec.target().withMapping(BROKEN_MAPPING), spec.dedupe(),
                new SolutionSpec.RateLimit(0), spec.retry(), spec.schedule(), spec.alerts()), "全部数据");

        // a partial run: GYS0001's records fail, the others are written or skipped as duplicates
        Run partial = engine.runNow(copied.id(), RunTrigger.MANUAL, false);
        assertThat(partial.getStatus()).as(String.valueOf(partial.getError())).isEqualTo(RunStatus.PARTIAL);
        SolutionSpec broken = solutions.get(copied.id()).spec();
        solutions.update(copied.id(), broken.withTarget(broken.target().withMapping(good)), "恢复映射");

        // a failed run: Kingdee answers 500 to every read
        sandbox("POST", "kingdee/_admin/faults", "{\"kind\":\"HTTP_500\",\"rate\":1.0}");
        Run failed = engine.runNow(copied.id(), RunTrigger.MANUAL, false);
        sandbox("DELETE", "kingdee/_admin/faults", null);
        assertThat(failed.getStatus()).as(String.valueOf(failed.getError())).isEqualTo(RunStatus.FAILED);

        // a successful run: a bill of GYS0001 changes and Jackyun takes its supplier now
        touch(billOf("GYS0001", kingdeeId));
        Run success = engine.runNow(copied.id(), RunTrigger.MANUAL, false);
        assertThat(success.getStatus()).as(String.valueOf(success.getError())).isEqualTo(RunStatus.SUCCESS);

        String valueMap = unique("付款方式");
        tables.create(valueMap, "收款方式对照");
        data.addAll(List.of(valueMap, "收款方式对照", "全部数据", "恢复映射"));
        // the longest first, so that a name containing another is removed whole
        data.sort((a, b) -> b.length() - a.length());
        return new Tour(copied.id(), partial.getId(), failed.getId(), success.getId(), valueMap, data);
    }

    private void touch(String bill) {
        sandbox("POST", "kingdee/_admin/bills/touch", JSON.createObjectNode().set("ids",
                JSON.valueToTree(List.of(bill))).toString());
    }

    /** One bill of this supplier in the Kingdee sandbox. */
    private String billOf(String supplier, long kingdeeId) {
        Connection source = connections.runtime(kingdeeId);
        PageRequest request = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(source, "jdy/pur/pur_inbound_list", Map.of(), request);
            for (JsonNode bill : answer.records()) {
                if (supplier.equals(bill.path("supplierid_number").asText())) {
                    return bill.path("id").asText();
                }
            }
            request = answer.next();
        } while (answer.hasMore());
        throw new AssertionError("the Kingdee sandbox has no bill of " + supplier);
    }

    private enum Lang { CHINESE, ENGLISH }

    private record Tour(long solution, long partial, long failed, long success, String valueMap, List<String> data) {
    }

    /** The UI texts of one screen's bundle, to find an item by its label in the language shown. */
    private record Texts(Properties properties) {

        static Texts of(String bundle, Lang lang) {
            Properties properties = new Properties();
            String name = "i18n/" + bundle + (lang == Lang.ENGLISH ? "_en" : "") + ".properties";
            try (Reader reader = new InputStreamReader(LanguageTourBrowserIT.class.getClassLoader()
                    .getResourceAsStream(name), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Texts(properties);
        }

        String get(String key) {
            return properties.getProperty(key);
        }
    }
}
