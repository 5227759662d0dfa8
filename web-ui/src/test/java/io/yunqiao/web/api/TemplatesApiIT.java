package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.api.ApiCalls.Answer;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Templates made in the UI, through the REST API: publishing a solution as a template, finding it, copying it with
 * its inputs, new versions with notes and diffs, solutions that know their template and adopt a newer version, and
 * template files exported, deleted, imported back, and refused when they are not fit, with nothing stored.
 */
@SharedPlatform
class TemplatesApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The built-in template that asks for the bill status on copy. */
    private static final String AUDITED = "kingdee-audited-bill-customers-to-jackyun";
    private static final String MINE = "shop-audited-customers";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    private long kingdee;
    private long jackyun;


    private Answer call(String method, String path, Object body) {
        return call("admin", SharedPlatform.ADMIN_PASSWORD, method, path, body);
    }

    private Answer call(String user, String password, String method, String path, Object body) {
        return ApiCalls.call(port, user, password, method, path, body);
    }

    @BeforeEach
    void cleanPlatform() {
        for (JsonNode solution : call("GET", "/api/solutions", null).body()) {
            call("DELETE", "/api/solutions/" + solution.path("solution").path("id").asLong(), null);
        }
        for (JsonNode template : call("GET", "/api/templates", null).body()) {
            if (!template.path("origin").asText().equals("BUILT_IN")) {
                call("DELETE", "/api/templates/" + template.path("id").asText(), null);
            }
        }
        for (JsonNode connection : call("GET", "/api/connections", null).body()) {
            call("DELETE", "/api/connections/" + connection.path("id").asLong(), null);
        }
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        kingdee = call("POST", "/api/connections", JSON.createObjectNode().put("name", "金蝶").put("connectorId",
                "kingdee-jdy").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/kingdee")
                        .put("clientId", "yunqiao-demo").put("clientSecret", "demo-secret-v1").put("username", "demo")
                        .put("password", "demo-pass"))).body().path("id").asLong();
        jackyun = call("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云").put("connectorId",
                "jackyun").set("values", JSON.createObjectNode().put("baseUrl", sandbox + "/jackyun/open/openapi/do")
                        .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).body()
                .path("id").asLong();
    }

    private long copy(String template, String name, ObjectNode inputs) {
        ObjectNode request = JSON.createObjectNode().put("name", name).put("sourceConnection", kingdee)
                .put("targetConnection", jackyun);
        if (inputs != null) {
            request.set("inputs", inputs);
        }
        Answer copied = call("POST", "/api/templates/" + template + "/copy", request);
        assertThat(copied.status()).as(copied.text()).isEqualTo(201);
        return copied.body().path("id").asLong();
    }

    private ObjectNode publication(long solution, String note) {
        ObjectNode request = JSON.createObjectNode().put("solutionId", solution).put("id", MINE)
                .put("category", "客户").put("note", note);
        request.putObject("title").put("zh", "本店已审核入库单的客户").put("en", "Our audited bills' customers");
        request.putObject("description").put("zh", "门店专用：已审核的采购入库单，供应商成为吉客云客户");
        request.putArray("tags").add("金蝶云星辰").add("吉客云").add("门店");
        ObjectNode input = request.putArray("inputs").addObject().put("key", "source.params.billstatus")
                .put("required", true);
        input.putObject("label").put("zh", "单据状态");
        return request;
    }

    private String publish(long solution) {
        Answer published = call("POST", "/api/templates", publication(solution, "第一版"));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        return published.body().path("id").asText();
    }

    private List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(t -> t.path("id").asText()).toList();
    }

    @Test
    void aPublishedSolutionIsFoundBySearchAndCopiesWithItsInputs() {
        // given a solution copied from a built-in template, published as a template of our own
        long solution = copy(AUDITED, "门店客户", null);
        String id = publish(solution);
        // when the gallery is searched by a word of its description and by its tag
        JsonNode found = call("GET", "/api/templates?q=门店专用", null).body();
        JsonNode byTag = call("GET", "/api/templates?tag=门店&system=jackyun", null).body();
        // then it is found, runnable here, with no connection, alert or secret in it
        assertThat(ids(found)).containsExactly(id);
        assertThat(ids(byTag)).containsExactly(id);
        JsonNode entry = found.get(0);
        assertThat(entry.path("runnable").asBoolean()).isTrue();
        assertThat(entry.path("origin").asText()).isEqualTo("PUBLISHED");
        assertThat(entry.path("solution").path("source").has("connection")).isFalse();
        assertThat(entry.path("solution").path("target").has("connection")).isFalse();
        assertThat(entry.path("published").path("by").asText()).isEqualTo("admin");
        // the input's default is the solution's own value
        assertThat(entry.path("inputs").get(0).path("default").asText()).isEqualTo("C");

        // and when it is copied with another bill status
        long copied = copy(id, "门店客户（暂存单）", JSON.createObjectNode().put("source.params.billstatus", "A"));
        // then the new solution has it, and says where it came from
        JsonNode spec = call("GET", "/api/solutions/" + copied, null).body().path("solution").path("spec");
        assertThat(spec.path("source").path("params").path("billstatus").asText()).isEqualTo("A");
        JsonNode origin = call("GET", "/api/solutions/" + copied + "/template", null).body();
        assertThat(origin.path("templateId").asText()).isEqualTo(id);
        assertThat(origin.path("version").asInt()).isEqualTo(1);
        assertThat(origin.path("newerExists").asBoolean()).isFalse();
        JsonNode versions = call("GET", "/api/templates/" + id + "/versions", null).body();
        assertThat(versions.get(0).path("copies").asLong()).isEqualTo(1);
        assertThat(versions.get(0).path("inUse").asLong()).isEqualTo(1);
    }

    @Test
    void aNewVersionNeedsANoteAndCopiesLearnOfItAndAdoptItDeliberately() {
        // given our template and a solution copied from it
        long solution = copy(AUDITED, "门店客户", null);
        String id = publish(solution);
        long copied = copy(id, "分店客户", null);
        // when the author improves the mapping and republishes, first without a note
        JsonNode spec = call("GET", "/api/solutions/" + solution, null).body().path("solution").path("spec");
        ObjectNode changed = spec.deepCopy();
        String mapping = changed.path("target").path("mapping").asText();
        ((ObjectNode) changed.path("target")).put("mapping", mapping.replace("\"首单：", "\"来自门店模板 首单："));
        Answer saved = call("PUT", "/api/solutions/" + solution,
                JSON.createObjectNode().put("comment", "加备注").set("solution", changed));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        Answer noNote = call("POST", "/api/templates/" + id + "/versions", publication(solution, ""));
        Answer republished = call("POST", "/api/templates/" + id + "/versions", publication(solution, "加了备注"));
        // then the note is required, and version 2 exists with a diff naming the change
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body().path("code").asText()).isEqualTo("problem.template.noteRequired");
        assertThat(republished.status()).as(republished.text()).isEqualTo(201);
        assertThat(republished.body().path("version").asInt()).isEqualTo(2);
        JsonNode diff = call("GET", "/api/templates/" + id + "/diff?from=1&to=2", null).body();
        assertThat(diff.toString()).contains("来自门店模板");
        // and the copy learns of it, sees what adopting changes, and adopts it keeping its own connections
        JsonNode origin = call("GET", "/api/solutions/" + copied + "/template", null).body();
        assertThat(origin.path("newerExists").asBoolean()).isTrue();
        assertThat(origin.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(call("GET", "/api/solutions/" + copied + "/template/diff", null).text()).contains("来自门店模板");
        Answer adopted = call("POST", "/api/solutions/" + copied + "/template/adopt", null);
        assertThat(adopted.status()).as(adopted.text()).isEqualTo(200);
        assertThat(adopted.body().path("spec").path("target").path("mapping").asText()).contains("来自门店模板");
        assertThat(adopted.body().path("spec").path("target").path("connection").asLong()).isEqualTo(jackyun);
        assertThat(adopted.body().path("name").asText()).isEqualTo("分店客户");
        assertThat(call("GET", "/api/solutions/" + copied + "/template", null).body().path("newerExists")
                .asBoolean()).isFalse();
    }

    @Test
    void anExportedTemplateDeletedAndImportedBackIsTheSameAndAReimportStoresNothing() {
        // given our template exported to a file, then deleted
        String id = publish(copy(AUDITED, "门店客户", null));
        Answer file = call("GET", "/api/templates/" + id + "/export", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains("\"format\" : \"yunqiao-template/1\"").doesNotContain("\"connection\"");
        assertThat(call("DELETE", "/api/templates/" + id, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/templates/" + id, null).status()).isEqualTo(404);
        // when the file is imported, and imported again
        Answer imported = call("POST", "/api/templates/import", file.text());
        Answer again = call("POST", "/api/templates/import", file.text());
        // then it is back as it was, and the second import stored nothing
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.body().path("outcome").asText()).isEqualTo("CREATED");
        assertThat(imported.body().path("origin").asText()).isEqualTo("IMPORTED");
        assertThat(imported.body().path("title").path("zh").asText()).isEqualTo("本店已审核入库单的客户");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("outcome").asText()).isEqualTo("ALREADY_PRESENT");
        assertThat(call("GET", "/api/templates/" + id + "/versions", null).body()).hasSize(1);
    }

    @Test
    void aDifferentTemplateWithTheSameIdIsNeverStoredSilently() {
        // given our template, and a file with its id but another title
        String id = publish(copy(AUDITED, "门店客户", null));
        ObjectNode other = (ObjectNode) call("GET", "/api/templates/" + id + "/export", null).body().deepCopy();
        ((ObjectNode) other.path("title")).put("zh", "别人的模板");
        // when it is imported plainly, as a new version, and under another id
        Answer plain = call("POST", "/api/templates/import", other);
        Answer asVersion = call("POST", "/api/templates/import?asNewVersion=true", other);
        Answer renamed = call("POST", "/api/templates/import?newId=others-customers", other);
        // then the plain import is refused naming both ways, and each chosen way is taken
        assertThat(plain.status()).isEqualTo(409);
        assertThat(plain.body().path("code").asText()).isEqualTo("problem.template.idExists");
        assertThat(plain.body().path("message").asText()).contains("作为新版本导入").contains("另一个编号");
        assertThat(asVersion.body().path("outcome").asText()).isEqualTo("NEW_VERSION");
        assertThat(asVersion.body().path("version").asInt()).isEqualTo(2);
        assertThat(renamed.status()).isEqualTo(201);
        assertThat(renamed.body().path("id").asText()).isEqualTo("others-customers");
    }

    @Test
    void badTemplateFilesAreRefusedInChineseAndNothingIsStored() {
        // given the gallery as it is
        List<String> before = ids(call("GET", "/api/templates", null).body());
        ObjectNode builtIn = (ObjectNode) call("GET", "/api/templates/" + AUDITED + "/export", null).body();
        ObjectNode withConnection = builtIn.deepCopy().put("id", "with-connection");
        ((ObjectNode) withConnection.path("solution").path("source")).put("connection", 12);
        ObjectNode missing = builtIn.deepCopy().put("id", "needs-sap");
        ((ObjectNode) missing.path("solution").path("target")).put("connector", "sap-b1");
        // when each is imported
        Answer overBuiltIn = call("POST", "/api/templates/import", builtIn);
        Answer connection = call("POST", "/api/templates/import", withConnection);
        Answer lacking = call("POST", "/api/templates/import", missing);
        Answer notTemplate = call("POST", "/api/templates/import", "[1, 2, 3]");
        Answer solutionFile = call("POST", "/api/templates/import", "{\"name\": \"x\", \"source\": {},"
                + " \"target\": {}}");
        // then each is refused with its code and a Chinese message, and nothing was stored
        assertThat(overBuiltIn.body().path("code").asText()).isEqualTo("problem.template.idBuiltIn");
        assertThat(connection.body().path("code").asText()).isEqualTo("problem.template.carriesConnection");
        assertThat(connection.body().path("message").asText()).contains("$.solution.source.connection");
        assertThat(lacking.status()).isEqualTo(409);
        assertThat(lacking.body().path("message").asText()).contains("缺少的连接器：sap-b1");
        assertThat(notTemplate.body().path("code").asText()).isEqualTo("problem.template.notTemplate");
        assertThat(solutionFile.body().path("code").asText()).isEqualTo("problem.template.isSolutionExport");
        for (Answer refused : List.of(overBuiltIn, connection, lacking, notTemplate, solutionFile)) {
            assertThat(refused.status()).isBetween(400, 409);
            assertThat(refused.text()).doesNotContain("Exception").doesNotContain("io.yunqiao");
        }
        assertThat(ids(call("GET", "/api/templates", null).body())).isEqualTo(before);
    }

    @Test
    void aRequiredInputWithoutValueOrDefaultRefusesTheCopyByItsLabel() {
        // given a template file whose input has no default
        ObjectNode file = (ObjectNode) call("GET", "/api/templates/" + AUDITED + "/export", null).body().deepCopy();
        file.put("id", "asks-for-status");
        ArrayNode inputs = (ArrayNode) file.path("inputs");
        ((ObjectNode) inputs.get(0)).remove("default");
        assertThat(call("POST", "/api/templates/import", file).status()).isEqualTo(201);
        // when it is copied without a value
        Answer copied = call("POST", "/api/templates/asks-for-status/copy", JSON.createObjectNode()
                .put("name", "没填状态").put("sourceConnection", kingdee).put("targetConnection", jackyun));
        // then the copy is refused naming the input, and no solution was made
        assertThat(copied.status()).isEqualTo(400);
        assertThat(copied.body().path("code").asText()).isEqualTo("problem.template.inputRequired");
        assertThat(copied.body().path("message").asText()).contains("单据状态");
        assertThat(call("GET", "/api/solutions", null).body()).isEmpty();
    }

    @Test
    void onlyAdministratorsPublishImportOrDeleteAndBuiltInTemplatesStayReadOnly() {
        // given a viewer, and our template
        if (users.list().stream().noneMatch(u -> u.username().equals("template-viewer"))) {
            users.create("template-viewer", null, Role.VIEWER, "viewer-pass-123");
        }
        long solution = copy(AUDITED, "门店客户", null);
        String id = publish(solution);
        // when the viewer reads, exports, publishes and deletes
        Answer read = call("template-viewer", "viewer-pass-123", "GET", "/api/templates/" + id, null);
        Answer export = call("template-viewer", "viewer-pass-123", "GET", "/api/templates/" + id + "/export", null);
        Answer publish = call("template-viewer", "viewer-pass-123", "POST", "/api/templates",
                publication(solution, "x").put("id", "viewer-made"));
        Answer delete = call("template-viewer", "viewer-pass-123", "DELETE", "/api/templates/" + id, null);
        // then reading is allowed, changing is not; and nobody deletes a built-in template
        assertThat(read.status()).isEqualTo(200);
        assertThat(export.status()).isEqualTo(200);
        assertThat(publish.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        Answer builtIn = call("DELETE", "/api/templates/" + AUDITED, null);
        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(builtIn.body().path("code").asText()).isEqualTo("problem.template.builtInReadOnly");
    }

    @Test
    void aSolutionWhoseMappingNoLongerFitsItsTargetIsNotPublished() {
        // given a solution whose saved mapping no longer gives the target's required customer code (as after a
        // connector definition changed under it)
        long solution = copy("kingdee-pur-inbound-to-jackyun-customer", "门店客户", null);
        int changed = jdbc.update("update yq_solution_version set spec = replace(spec,"
                + " 'customerCode\\\": supplierid_number', 'customerCodeX\\\": supplierid_number')"
                + " where solution_id = ?", solution);
        assertThat(changed).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from yq_solution_version where solution_id = ? and spec like"
                + " '%customerCodeX%'", Integer.class, solution)).isPositive();
        // when it is published
        Answer published = call("POST", "/api/templates", publication(solution, "第一版"));
        // then it is refused with the validation's own problem, and no template was stored
        assertThat(published.status()).as(published.text()).isEqualTo(400);
        assertThat(published.body().path("code").asText()).isEqualTo("problem.solution.sampleRefused");
        assertThat(call("GET", "/api/templates/" + MINE, null).status()).isEqualTo(404);
    }
}
