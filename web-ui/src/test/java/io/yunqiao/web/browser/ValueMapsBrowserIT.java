package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Value-map tables (数据字典) on their screen and over REST: a table is created in the browser, filled from the files
 * Excel writes (GBK and UTF-8 with BOM), a file with a repeated source value is refused naming its lines, the export
 * reads back, and a table a solution reads shows that solution and is deleted only after a warning.
 */
class ValueMapsBrowserIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @Autowired
    ValueMapTables tables;

    @Autowired
    Connections connections;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    UserAccounts users;

    private static FilePayload csv(String name, byte[] bytes) {
        return new FilePayload(name, "text/csv", bytes);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        return file;
    }

    private void upload(FilePayload file) {
        byId("map-import").locator("input[type=file]").setInputFiles(file);
        waitForVaadin();
    }

    /** A solution copied from the seed template whose mapping reads {@code table}. */
    private SolutionView solutionReading(String table) {
        long kingdee = connections.create(new ConnectionDraft(unique("金蝶"), "kingdee-jdy", Map.of("baseUrl",
                url("sandbox/kingdee"), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username",
                "demo", "password", "demo-pass"))).id();
        long jackyun = connections.create(new ConnectionDraft(unique("吉客云"), "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        SolutionView copy = templates.copy(SEED, unique("用字典的方案"), kingdee, jackyun);
        SolutionSpec spec = copy.spec();
        String mapping = spec.target().mapping().replace("\"customerTypeName\": \"供应商\"",
                "\"customerTypeName\": $valueMap(\"" + table + "\", \"供应商\")");
        assertThat(mapping).contains("$valueMap");
        return solutions.update(copy.id(), spec.withTarget(spec.target().withMapping(mapping)), "reads " + table);
    }

    @Test
    void aTableIsCreatedFilledFromGbkAndBomFilesRefusesRepeatedKeysAndExportsWhatItHolds() throws IOException {
        // given the administrator on the value-map screen
        signInAsAdmin();
        open("value-maps");
        String table = unique("付款方式");

        // when they create a table
        click("new-value-map");
        fill("map-name", table);
        click("map-create");

        // then its editor opens, empty
        assertThat(byId("map-title")).containsText(table);
        assertThat(byId("map-usage")).containsText("$valueMap(\"" + table + "\"");
        assertThat(byId("map-count")).hasText("共 0 条");

        // when a GBK file saved by Excel ("CSV (逗号分隔)") is imported, replacing
        upload(csv("付款方式-gbk.csv", "源值,目标值\r\n现金,CASH\r\n转账,BANK\r\n".getBytes(Charset.forName("GBK"))));

        // then its entries show, read in the right encoding
        expectNotification("GB18030");
        assertThat(byId("map-count")).hasText("共 2 条");
        assertThat(gridRow("map-entries", "现金")).containsText(new String[] {"现金", "CASH"});

        // when a UTF-8 file with BOM ("CSV UTF-8") is merged in
        page.locator("#import-mode vaadin-radio-button").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("合并")).click();
        waitForVaadin();
        upload(csv("付款方式-utf8.csv", withBom("支票,CHECK\n现金,CASH-2\n")));

        // then the new key is added, the changed one changed and the other kept
        expectNotification("UTF-8 (BOM)");
        assertThat(byId("map-count")).hasText("共 3 条");
        assertThat(gridRow("map-entries", "现金")).containsText(new String[] {"现金", "CASH-2"});
        assertThat(gridRow("map-entries", "转账")).containsText(new String[] {"转账", "BANK"});

        // when a file repeats a source value and has an empty one
        upload(csv("重复.csv", "源值,目标值\n支票,A\n支票,B\n,C\n".getBytes(StandardCharsets.UTF_8)));

        // then nothing is imported and the refused lines are listed in Chinese
        assertThat(byId("refused-lines")).isVisible();
        assertThat(byId("refused-lines")).containsText("第 3 行的源值“支票”与第 2 行重复");
        assertThat(byId("refused-lines")).containsText("第 4 行的源值为空");
        screenshot("value-map-import-refused");
        click("import-refused-close");
        assertThat(byId("map-count")).hasText("共 3 条");
        assertThat(tables.get(table)).containsEntry("支票", "CHECK");

        // when the table is searched
        fill("map-search", "BANK");
        assertThat(byId("map-count")).hasText("显示 1 条，共 3 条");
        fill("map-search", "");
        assertThat(byId("map-count")).hasText("共 3 条");
        byId("map-title").scrollIntoViewIfNeeded();
        screenshot("value-map-editor");

        // and exported
        Download download = page.waitForDownload(() -> byId("map-export").click());
        byte[] exported = Files.readAllBytes(download.path());

        // then the file is UTF-8 with BOM and a header row, and reads back as the same entries
        assertThat(exported[0] & 0xFF).isEqualTo(0xEF);
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("源值,目标值\r\n")
                .contains("支票,CHECK\r\n").contains("现金,CASH-2\r\n").contains("转账,BANK\r\n");
        String copy = unique("副本");
        tables.create(copy, null);
        tables.importCsv(copy, exported, io.yunqiao.valuemap.ValueMapImport.Mode.REPLACE);
        assertThat(tables.get(copy)).isEqualTo(tables.get(table));
    }

    @Test
    void anEntryIsAddedARepeatedKeyIsRefusedAndTheTableRenamedInTheEditor() {
        String table = unique("客户类别");
        tables.create(table, "源系统的类别到吉客云");
        signInAsAdmin();
        open("value-maps/" + table);

        click("add-entry");
        fill("entry-key", "RETAIL");
        fill("entry-value", "3");
        click("entry-save");
        assertThat(gridRow("map-entries", "RETAIL")).containsText(new String[] {"RETAIL", "3"});

        click("add-entry");
        fill("entry-key", "RETAIL");
        fill("entry-value", "4");
        click("entry-save");
        assertThat(byId("entry-key")).containsText("已经有了");
        assertThat(tables.get(table)).containsExactly(Map.entry("RETAIL", "3"));
        page.locator("vaadin-dialog-overlay[opened] vaadin-button").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("取消")).click();
        waitForVaadin();

        // and a table nobody uses is renamed with its entries
        String renamed = unique("客户分类");
        click("rename-map");
        fill("rename-name", renamed);
        click("rename-confirm");
        assertThat(byId("map-title")).containsText(renamed);
        assertThat(gridRow("map-entries", "RETAIL")).containsText(new String[] {"RETAIL", "3"});
        assertThat(tables.names()).contains(renamed).doesNotContain(table);
    }

    @Test
    void theListShowsWhichSolutionReadsATableAndWarnsBeforeDeletingIt() {
        // given a table a solution's mapping reads
        String table = unique("供应商类别");
        tables.create(table, "往来单位类别");
        tables.putEntry(table, null, "供应商", "SUPPLIER");
        SolutionView solution = solutionReading(table);

        // when the administrator opens the list
        signInAsAdmin();
        open("value-maps");

        // then the table's row names the solution
        assertThat(gridRow("value-maps", table)).containsText(new String[] {table, "往来单位类别",
            solution.name()});
        screenshot("value-maps");

        // and deleting it warns, naming the solution; cancelling keeps it
        click("delete-map-" + table);
        assertThat(byId("delete-map-dialog")).isAttached();
        com.microsoft.playwright.Locator warning = page.locator("vaadin-confirm-dialog-overlay[opened]");
        assertThat(warning).containsText(solution.name());
        assertThat(warning).containsText("仍然删除");
        screenshot("value-map-delete-warning");
        warning.locator("vaadin-button[slot=cancel-button]").click();
        waitForVaadin();
        assertThat(tables.names()).contains(table);

        // and its editor lists the solution too
        open("value-maps/" + table);
        assertThat(byId("map-used-by")).containsText(solution.name());
    }

    @Test
    void aViewerSeesTablesButCannotChangeThem() {
        String table = unique("只读表");
        tables.create(table, null);
        String viewer = unique("viewer");
        users.create(viewer, null, Role.VIEWER, "viewer-pass-1");

        signIn(viewer, "viewer-pass-1");
        open("value-maps/" + table);

        assertThat(byId("map-title")).containsText(table);
        assertThat(byId("map-export")).isVisible();
        assertThat(byId("add-entry")).hasCount(0);
        assertThat(byId("map-import")).hasCount(0);
        assertThat(byId("delete-map")).hasCount(0);
        open("value-maps");
        assertThat(byId("new-value-map")).hasCount(0);
    }

    // ---- REST ----

    private record Answer(int status, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Answer call(String user, String password, String method, String path, byte[] body, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", RunFixtures.basic(user, password))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (language != null) {
                request.header("Accept-Language", language);
            }
            HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer admin(String method, String path, byte[] body) {
        return call(ADMIN, ADMIN_PASSWORD, method, path, body, null);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void theRestApiCreatesImportsExportsAndRefusesWithTheLinesInTheCallersLanguage() {
        String table = unique("结算方式");
        String path = "api/value-maps/" + segment(table);

        Answer created = admin("POST", "api/value-maps", ("{\"name\":\"" + table + "\",\"description\":\"测试\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Answer imported = admin("POST", path + "/import?mode=replace",
                "现金,CASH\r\n转账,BANK\r\n".getBytes(Charset.forName("GBK")));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("encoding").asText()).isEqualTo("GB18030");
        assertThat(imported.json().path("entries").asInt()).isEqualTo(2);

        Answer refused = call(ADMIN, ADMIN_PASSWORD, "POST", path + "/import?mode=MERGE",
                "a,1\nb,2\na,3\n".getBytes(StandardCharsets.UTF_8), "en");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("problem.valuemap.fileRefused");
        assertThat(refused.json().path("lines").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(refused.json().path("lines").get(0).path("message").asText())
                .isEqualTo("line 3: the source value \"a\" repeats line 1");
        assertThat(admin("GET", path, null).json().size()).isEqualTo(2);

        Answer exported = admin("GET", path + "/export", null);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.text()).startsWith("\uFEFF源值,目标值\r\n").contains("现金,CASH");

        Answer edited = admin("PATCH", path + "/entries", "{\"set\":{\"支票\":\"CHECK\"},\"remove\":[\"现金\"]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(edited.json().fieldNames()).toIterable().containsExactlyInAnyOrder("支票", "转账");

        Answer listed = admin("GET", "api/value-maps?details=true", null);
        JsonNode row = null;
        for (JsonNode one : listed.json()) {
            if (one.path("name").asText().equals(table)) {
                row = one;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("description").asText()).isEqualTo("测试");
        assertThat(row.path("entries").asInt()).isEqualTo(2);
    }

    @Test
    void deletingATableInUseOverRestIsRefusedNamingTheSolutionUnlessForced() {
        String table = unique("在用");
        tables.create(table, null);
        SolutionView solution = solutionReading(table);
        String path = "api/value-maps/" + segment(table);

        Answer refused = admin("DELETE", path, null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("problem.valuemap.inUse");
        assertThat(refused.json().path("message").asText()).contains("“" + solution.name() + "”").contains("没有删除");
        assertThat(tables.names()).contains(table);

        assertThat(admin("DELETE", path + "?force=true", null).status()).isEqualTo(204);
        assertThat(tables.names()).doesNotContain(table);
        JsonNode listed = admin("GET", "api/value-maps?details=true", null).json();
        assertThat(List.copyOf(listed.findValuesAsText("name"))).contains(table);
        for (JsonNode one : listed) {
            if (one.path("name").asText().equals(table)) {
                assertThat(one.path("exists").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void aViewerMayExportButNotImport() {
        String table = unique("查看");
        tables.create(table, null);
        String viewer = unique("viewer");
        users.create(viewer, null, Role.VIEWER, "viewer-pass-2");
        String path = "api/value-maps/" + segment(table);

        assertThat(call(viewer, "viewer-pass-2", "GET", path + "/export", null, null).status()).isEqualTo(200);
        assertThat(call(viewer, "viewer-pass-2", "POST", path + "/import", "a,1".getBytes(StandardCharsets.UTF_8),
                null).status()).isEqualTo(403);
        assertThat(tables.get(table)).isEmpty();
    }
}
