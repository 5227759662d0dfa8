package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Connector definitions stored in the platform through the REST API: in effect at once (no restart), extending a
 * built-in connector, guarded against deleting what is used and against silently breaking solutions, versioned,
 * exported and imported, every bad input refused with a code, the place and the fix, and nothing saved.
 */
@SharedPlatform
class StoredConnectorsIT {

    static final String ADMIN_PASSWORD = SharedPlatform.ADMIN_PASSWORD;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String YAML = "application/yaml";

    /** A system of its own, played here by the Jackyun sandbox's gateway. */
    private static final String ACME = """
            # 某商城：只通过 REST API 保存的独立定义
            id: acme-shop
            name: { zh: 某商城, en: Acme shop }
            vendor: Acme
            version: "1.0"
            auth:
              type: signed-params
              in: form
              add: { appkey: "{{connection.appKey}}", timestamp: "{{now:yyyy-MM-dd HH:mm:ss}}" }
              sign: { exclude: [sign, token, contextid], join: k+v, secret: "{{connection.appSecret}}", placement: both,
                      lowercaseInput: true, hash: MD5, encoding: hex, output: sign }
            connection:
              - { name: baseUrl, label: { zh: 网关地址, en: Gateway URL }, type: url, required: true }
              - { name: appKey, label: { zh: AppKey }, required: true }
              - { name: appSecret, label: { zh: AppSecret }, type: password, required: true, secret: true }
            success:
              - { path: code, in: [0, 200] }
            operations:
              - id: shop.customers
                role: QUERY
                title: { zh: 客户列表, en: Customers }
                request:
                  method: POST
                  path: ""
                  body: form-json-field
                  field: bizcontent
                  form: { method: crm.customer.list, version: v1.0, contenttype: json }
                records: result.data.customers
                key: customerId
                fields:
                  - { name: customerId, label: { zh: 客户id }, type: string }
                  - { name: customerCode, label: { zh: 客户编号 }, type: string }
                  - { name: nickname, label: { zh: 客户名称 }, type: string }
            """;

    /** Another operation for the built-in Jackyun connector: the sandbox serves crm.customer.list under a new id. */
    private static final String EXTRA = """
            id: jackyun-extra
            name: { zh: 吉客云扩展, en: Jackyun extras }
            version: "1.0"
            extends: jackyun
            operations:
              - id: crm.customer.list.all
                role: QUERY
                title: { zh: 全部客户, en: All customers }
                request:
                  method: POST
                  path: ""
                  body: form-json-field
                  field: bizcontent
                  form: { method: crm.customer.list, version: v1.0, contenttype: json }
                records: result.data.customers
                key: customerId
                code: customerCode
                fields:
                  - { name: customerId, label: { zh: 客户id }, type: string }
                  - { name: customerCode, label: { zh: 客户编号 }, type: string }
                  - { name: nickname, label: { zh: 客户名称 }, type: string }
            """;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    ConnectorClient client;

    @Autowired
    Connections connections;

    @Autowired
    ConnectorRegistry registry;

    @Autowired
    StoredConnectors stored;

    @Autowired
    JdbcTemplate jdbc;

    private long jackyun;

    /** An answer: status, content type and body (JSON when it is JSON). */
    record Answer(int status, String contentType, String text, JsonNode body) {
    }

    private Answer call(String method, String path, String contentType, String body) {
        return call("admin", ADMIN_PASSWORD, method, path, contentType, body, null);
    }

    private Answer call(String user, String password, String method, String path, String contentType, String body,
            String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            String type = answer.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !answer.body().isBlank() ? JSON.readTree(answer.body())
                    : JSON.nullNode();
            return new Answer(answer.statusCode(), type, answer.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer json(String method, String path, Object body) {
        try {
            return call(method, path, "application/json", body == null ? null : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void clean() {
        for (JsonNode solution : json("GET", "/api/solutions", null).body()) {
            json("DELETE", "/api/solutions/" + solution.path("solution").path("id").asLong(), null);
        }
        for (JsonNode connection : json("GET", "/api/connections", null).body()) {
            json("DELETE", "/api/connections/" + connection.path("id").asLong(), null);
        }
        jdbc.update("DELETE FROM yq_stored_connector");
        stored.load();
        jackyun = json("POST", "/api/connections", JSON.createObjectNode().put("name", "吉客云").put("connectorId",
                "jackyun").set("values", gateway())).body().path("id").asLong();
    }

    private ObjectNode gateway() {
        return JSON.createObjectNode().put("baseUrl", "http://127.0.0.1:" + port + "/sandbox/jackyun/open/openapi/do")
                .put("appKey", "100200").put("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    private Answer create(String yaml) {
        return call("POST", "/api/connectors", YAML, yaml);
    }

    private List<String> catalogIds() {
        return StreamSupport.stream(json("GET", "/api/connectors", null).body().spliterator(), false)
                .map(c -> c.path("id").asText()).toList();
    }

    /** A disabled solution from the extension's query to Jackyun's customer add. */
    private long solutionOnTheExtension(String name) {
        ObjectNode spec = JSON.createObjectNode().put("name", name);
        spec.putObject("source").put("connection", jackyun).put("connector", "jackyun")
                .put("operation", "crm.customer.list.all");
        spec.putObject("target").put("connection", jackyun).put("connector", "jackyun")
                .put("operation", "crm.customer.add")
                .put("mapping", "{\"customerCode\": customerCode, \"nickname\": nickname}");
        Answer saved = json("POST", "/api/solutions", Map.of("solution", spec, "comment", "test"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        return saved.body().path("solution").path("id").asLong();
    }

    @Test
    void aStandaloneDefinitionSavedThroughTheApiIsUsableAtOnceByANewConnection() {
        // when a definition is stored through the REST API
        Answer created = create(ACME);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("stored").path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("stored").path("format").asText()).isEqualTo("YAML");
        assertThat(created.body().path("connector").path("origin").asText()).isEqualTo("stored");

        // then, without a restart, a connection of it can be made and tested against the gateway
        Answer connection = json("POST", "/api/connections", JSON.createObjectNode().put("name", "商城")
                .put("connectorId", "acme-shop").set("values", gateway()));
        assertThat(connection.status()).as(connection.text()).isEqualTo(201);
        Answer test = json("POST", "/api/connections/" + connection.body().path("id").asLong() + "/test", null);
        assertThat(test.body().path("ok").asBoolean()).as(test.text()).isTrue();
        assertThat(test.body().path("operation").asText()).isEqualTo("shop.customers");

        // and the catalog lists it as stored, next to the built-ins
        JsonNode catalog = json("GET", "/api/connectors", null).body();
        assertThat(catalog.findValuesAsText("origin")).contains("built-in", "stored");
        assertThat(json("GET", "/api/connectors/jackyun", null).body().path("origin").asText()).isEqualTo("built-in");
    }

    @Test
    void anExtensionAddsAnOperationToJackyunThatRunsThroughAnExistingJackyunConnection() {
        // given a customer in the sandbox, written through the built-in operation
        client.execute(connections.runtime(jackyun), "crm.customer.add", JSON.createObjectNode()
                .put("customerCode", "EXT-1").put("nickname", "扩展客户"));

        // when an extension of jackyun is stored
        Answer created = create(EXTRA);
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        // then its operation belongs to jackyun and runs through the existing jackyun connection
        QueryPage page = client.query(connections.runtime(jackyun), "crm.customer.list.all", Map.of(),
                PageRequest.first(50));
        assertThat(page.records()).extracting(r -> r.path("customerCode").asText()).contains("EXT-1");

        JsonNode base = json("GET", "/api/connectors/jackyun", null).body();
        assertThat(base.path("operations").findValuesAsText("id")).contains("crm.customer.add",
                "crm.customer.list.all");
        assertThat(base.path("extensions").get(0).asText()).isEqualTo("jackyun-extra");
        JsonNode extension = json("GET", "/api/connectors/jackyun-extra", null).body();
        assertThat(extension.path("origin").asText()).isEqualTo("stored");
        assertThat(extension.path("base").asText()).isEqualTo("jackyun");
    }

    @Test
    void aDefinitionInUseByASolutionCannotBeDeleted() {
        // given a solution that uses the extension's operation
        assertThat(create(EXTRA).status()).isEqualTo(201);
        solutionOnTheExtension("客户回写");

        // when the extension is deleted, then it is refused naming the solution, and stays
        Answer refused = json("DELETE", "/api/connectors/jackyun-extra", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.connectors.inUse");
        assertThat(refused.body().path("message").asText()).contains("客户回写");
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.all")).isPresent();
    }

    @Test
    void aDefinitionWithAConnectionCannotBeDeletedAndOneUnusedIsGoneAtOnce() {
        // given a standalone definition with a connection
        assertThat(create(ACME).status()).isEqualTo(201);
        long connection = json("POST", "/api/connections", JSON.createObjectNode().put("name", "商城")
                .put("connectorId", "acme-shop").set("values", gateway())).body().path("id").asLong();

        // when it is deleted, then it is refused naming the connection
        Answer refused = json("DELETE", "/api/connectors/acme-shop", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("message").asText()).contains("商城");

        // when the connection is gone, then the definition is deleted with its history, at once
        assertThat(json("DELETE", "/api/connections/" + connection, null).status()).isEqualTo(204);
        assertThat(json("DELETE", "/api/connectors/acme-shop", null).status()).isEqualTo(204);
        assertThat(catalogIds()).doesNotContain("acme-shop");
        Answer versions = json("GET", "/api/connectors/acme-shop/versions", null);
        assertThat(versions.status()).isEqualTo(404);
        assertThat(versions.body().path("code").asText()).isEqualTo("problem.connectors.notFound");
    }

    @Test
    void aChangeThatBreaksASolutionIsRefusedWithTheReportUnlessAccepted() {
        // given a solution on the extension's operation
        assertThat(create(EXTRA).status()).isEqualTo(201);
        long solution = solutionOnTheExtension("依赖扩展的方案");
        String renamed = EXTRA.replace("crm.customer.list.all", "crm.customer.list.every");

        // when the operation is renamed, then the change is refused with what breaks, and nothing changes
        Answer refused = call("PUT", "/api/connectors/jackyun-extra?note=rename", YAML, renamed);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.connectors.breaking");
        JsonNode broken = refused.body().path("breaks").get(0);
        assertThat(broken.path("solutionId").asLong()).isEqualTo(solution);
        assertThat(broken.path("solution").asText()).isEqualTo("依赖扩展的方案");
        assertThat(broken.path("field").asText()).isEqualTo("source.operation");
        assertThat(json("GET", "/api/connectors/jackyun-extra/versions", null).body()).hasSize(1);
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.all")).isPresent();

        // when it is accepted, then it is saved and the report still comes back
        Answer accepted = call("PUT", "/api/connectors/jackyun-extra?acceptBreaking=true&note=rename", YAML,
                renamed);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.body().path("breaks").get(0).path("solutionId").asLong()).isEqualTo(solution);
        assertThat(accepted.body().path("stored").path("version").asInt()).isEqualTo(2);
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.every")).isPresent();
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.all")).isEmpty();
    }

    @Test
    void versionsDiffExportAndImportKeepTheTextAsWritten() {
        // given a definition saved twice
        assertThat(create(ACME).status()).isEqualTo(201);
        String changed = ACME.replace("title: { zh: 客户列表, en: Customers }", "title: { zh: 全部客户, en: Customers }");
        assertThat(call("PUT", "/api/connectors/acme-shop?note=" + "retitled", YAML, changed).status())
                .isEqualTo(200);

        // then the history has both versions, newest first, with who and why
        JsonNode versions = json("GET", "/api/connectors/acme-shop/versions", null).body();
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.get(0).path("savedBy").asText()).isEqualTo("admin");
        assertThat(versions.get(0).path("note").asText()).isEqualTo("retitled");
        assertThat(json("GET", "/api/connectors/acme-shop/versions/1", null).body().path("definition").asText())
                .isEqualTo(ACME);

        // and the diff shows the changed line
        JsonNode diff = json("GET", "/api/connectors/acme-shop/diff?from=1&to=2", null).body().path("lines");
        List<String> removed = StreamSupport.stream(diff.spliterator(), false)
                .filter(l -> l.path("kind").asText().equals("REMOVED")).map(l -> l.path("text").asText()).toList();
        List<String> added = StreamSupport.stream(diff.spliterator(), false)
                .filter(l -> l.path("kind").asText().equals("ADDED")).map(l -> l.path("text").asText()).toList();
        assertThat(removed).singleElement().asString().contains("客户列表");
        assertThat(added).singleElement().asString().contains("全部客户");

        // and the export is the text as saved, comments included
        Answer export = json("GET", "/api/connectors/acme-shop/export", null);
        assertThat(export.contentType()).startsWith("application/yaml");
        assertThat(export.text()).isEqualTo(changed);

        // when the export is imported back with a change, then it becomes version 3; a new id is created
        Answer updated = call("POST", "/api/connectors/import", YAML, export.text().replace("\"1.0\"", "\"1.1\""));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().path("stored").path("version").asInt()).isEqualTo(3);
        Answer imported = call("POST", "/api/connectors/import", YAML, EXTRA);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    }

    /** ACME with a customer add that says what identifies a customer, and the update of an existing one. */
    private static final String ACME_WITH_IDENTITY = ACME + """
              - id: shop.customer.add
                role: EXECUTE
                title: { zh: 客户新增 }
                request:
                  method: POST
                  path: ""
                  body: form-json-field
                  field: bizcontent
                  form: { method: crm.customer.add, version: v1.0, contenttype: json }
                identity: customerCode
                update: shop.customer.update
                fields:
                  - { name: customerCode, label: { zh: 客户编号 }, type: string, required: true }
                  - { name: nickname, label: { zh: 客户名称 }, type: string, required: true }
              - id: shop.customer.update
                role: EXECUTE
                title: { zh: 客户修改 }
                request:
                  method: POST
                  path: ""
                  body: form-json-field
                  field: bizcontent
                  form: { method: crm.customer.update, version: v1.0, contenttype: json }
                fields:
                  - { name: customerCode, label: { zh: 客户编号 }, type: string, required: true }
                  - { name: nickname, label: { zh: 客户名称 }, type: string }
            """;

    @Test
    void aWriteOperationsIdentityAndUpdateAreStoredInEffectAndExportedAsWritten() {
        // when a definition whose customer add declares its identity and update is stored
        Answer created = create(ACME_WITH_IDENTITY);
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        // then the connector in effect has them, and the export is the text as written
        assertThat(registry.definition("acme-shop").operation("shop.customer.add")).hasValueSatisfying(add -> {
            assertThat(add.identity()).isEqualTo("customerCode");
            assertThat(add.update()).isEqualTo("shop.customer.update");
        });
        assertThat(json("GET", "/api/connectors/acme-shop/export", null).text()).isEqualTo(ACME_WITH_IDENTITY);

        // when the update is changed to a query, then it is refused with its code and place, and nothing is saved
        Answer refused = call("PUT", "/api/connectors/acme-shop", YAML,
                ACME_WITH_IDENTITY.replace("update: shop.customer.update", "update: shop.customers"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.connectors.definition.updateNotExecute");
        assertThat(refused.text()).contains("$.operations[1].update");
        assertThat(json("GET", "/api/connectors/acme-shop/versions", null).body()).hasSize(1);
    }

    @Test
    void aDefinitionInJsonIsStoredAndExportedAsJson() throws IOException {
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                new YAMLMapper().readTree(ACME));
        Answer created = call("POST", "/api/connectors", "application/json", text);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Answer export = json("GET", "/api/connectors/acme-shop/export", null);
        assertThat(export.contentType()).startsWith("application/json");
        assertThat(export.text()).isEqualTo(text);
    }

    @Test
    void badDefinitionsAreRefusedWithACodeThePlaceAndTheFixAndNothingIsSaved() {
        List<String> before = catalogIds();

        Answer notYaml = create("id: acme-shop\nname: [unclosed\n");
        assertThat(notYaml.status()).isEqualTo(400);
        assertThat(notYaml.body().path("code").asText()).isEqualTo("problem.connectors.definition.syntax");
        assertThat(notYaml.body().path("message").asText()).contains("stored:acme-shop", "行", "引号");

        Answer unknownType = create(ACME.replace("label: { zh: 客户编号 }, type: string",
                "label: { zh: 客户编号 }, type: money"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body().path("code").asText()).isEqualTo("problem.connectors.definition.schema");
        assertThat(unknownType.body().path("field").asText()).isEqualTo("$.operations[0].fields[1].type");
        assertThat(unknownType.body().path("message").asText()).contains("$.operations[0].fields[1].type", "enum");

        Answer builtInId = create(ACME.replace("id: acme-shop", "id: jackyun"));
        assertThat(builtInId.status()).isEqualTo(409);
        assertThat(builtInId.body().path("code").asText()).isEqualTo("problem.connectors.duplicateId");
        assertThat(builtInId.body().path("message").asText()).contains("stored:jackyun", "jackyun.yaml");

        Answer unknownBase = create(EXTRA.replace("extends: jackyun", "extends: no-such-system"));
        assertThat(unknownBase.status()).isEqualTo(400);
        assertThat(unknownBase.body().path("code").asText()).isEqualTo("problem.connectors.unknownBase");
        assertThat(unknownBase.body().path("field").asText()).isEqualTo("$.extends");
        assertThat(unknownBase.body().path("message").asText()).contains("no-such-system", "kingdee-jdy");

        Answer takenOperation = create(EXTRA.replace("crm.customer.list.all", "crm.customer.list"));
        assertThat(takenOperation.status()).isEqualTo(409);
        assertThat(takenOperation.body().path("code").asText()).isEqualTo("problem.connectors.operationTaken");

        Answer redefinesAuth = create(EXTRA.replace("extends: jackyun", "extends: jackyun\nauth: { type: none }"));
        assertThat(redefinesAuth.status()).isEqualTo(400);
        assertThat(redefinesAuth.body().path("code").asText()).isEqualTo("problem.connectors.definition.schema");
        assertThat(redefinesAuth.body().path("message").asText()).contains("auth");

        Answer tooLarge = create(ACME + "#" + "x".repeat(17 * 1024) + "\n");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().path("code").asText()).isEqualTo("problem.connectors.tooLarge");
        assertThat(tooLarge.body().path("message").asText()).contains("yunqiao.limits.definition-bytes");

        Answer english = call("admin", ADMIN_PASSWORD, "POST", "/api/connectors", YAML,
                EXTRA.replace("extends: jackyun", "extends: no-such-system"), "en");
        assertThat(english.body().path("message").asText()).contains("is not an installed connector");

        assertThat(catalogIds()).isEqualTo(before);
        assertThat(stored.list()).isEmpty();
    }

    @Test
    void builtInConnectorsCannotBeChangedOrDeletedHereTheRefusalSaysToExtendThem() {
        Answer update = call("PUT", "/api/connectors/jackyun", YAML, ACME.replace("acme-shop", "jackyun"));
        assertThat(update.status()).isEqualTo(409);
        assertThat(update.body().path("code").asText()).isEqualTo("problem.connectors.installed");
        assertThat(update.body().path("message").asText()).contains("extends: jackyun");
        assertThat(json("DELETE", "/api/connectors/jackyun", null).status()).isEqualTo(409);
    }

    @Test
    void theApiDocumentationShowsTheBodyAsYamlOrJsonText() {
        JsonNode docs = json("GET", "/api/docs", null).body();
        JsonNode content = docs.path("paths").path("/api/connectors").path("post").path("requestBody").path("content");
        assertThat(content.has("application/yaml")).as(content.toString()).isTrue();
        assertThat(content.has("application/json")).isTrue();
    }

    @Test
    void onlyAnAdminMayChangeDefinitions() {
        users.create("operator-c", null, Role.OPERATOR, "operator-pass-1");
        Answer refused = call("operator-c", "operator-pass-1", "POST", "/api/connectors", YAML, ACME, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(call("operator-c", "operator-pass-1", "GET", "/api/connectors", null, null, null).status())
                .isEqualTo(200);
        assertThat(stored.list()).isEmpty();
    }

    @Test
    void storedDefinitionsAreLoadedAgainAtStartAndOneThatNoLongerValidatesIsSkipped() {
        // given two stored definitions, one of which no longer validates (as after an upgrade)
        assertThat(create(ACME).status()).isEqualTo(201);
        assertThat(create(EXTRA).status()).isEqualTo(201);
        jdbc.update("UPDATE yq_stored_connector SET definition = ? WHERE connector_id = 'acme-shop'",
                ACME.replace("key: customerId", "key: noSuchField"));

        // when the platform starts again on the same database (a fresh registry, loaded from it)
        registry.replaceStored(List.of());
        stored.load();

        // then the valid one is back, the other is left out and shown as not in effect
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.all")).isPresent();
        assertThat(registry.find("acme-shop")).isEmpty();
        assertThat(stored.get("acme-shop").active()).isFalse();
        assertThat(stored.get("jackyun-extra").active()).isTrue();
    }

    @Test
    void aChangeSavedByAnotherNodeIsLoadedWhenTheTableChanged() {
        // given a stored extension in effect, and this node up to date (its own save reloads once, harmlessly)
        assertThat(create(EXTRA).status()).isEqualTo(201);
        stored.refreshIfChanged();
        assertThat(stored.refreshIfChanged()).isFalse();

        // when another node on the same database saves a new version of it
        jdbc.update("UPDATE yq_stored_connector SET definition = ?, current_version = 2, updated_at = ?"
                + " WHERE connector_id = 'jackyun-extra'", EXTRA.replace("crm.customer.list.all",
                        "crm.customer.list.other"), java.sql.Timestamp.from(java.time.Instant.now()));

        // then this node loads it on its next look
        assertThat(stored.refreshIfChanged()).isTrue();
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.other")).isPresent();
        assertThat(registry.find("jackyun").orElseThrow().operation("crm.customer.list.all")).isEmpty();
    }

    // ---- try calls (the connector designer's 试调用) ----

    @Test
    void aDraftIsTriedWithASavedConnectionWithoutBeingSavedAndTheRequestShowsNoSecret() {
        // given a customer in the sandbox
        client.execute(connections.runtime(jackyun), "crm.customer.add", JSON.createObjectNode()
                .put("customerCode", "TRY-1").put("nickname", "试调用客户"));

        // when a draft extension's new operation is tried with the existing Jackyun connection
        ObjectNode body = JSON.createObjectNode().put("definition", EXTRA).put("operation", "crm.customer.list.all")
                .put("connectionId", jackyun);
        Answer tried = json("POST", "/api/connectors/try", body);

        // then the answer shows the records found and the request as sent, its signature masked, no secret
        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        assertThat(tried.body().path("success").asBoolean()).as(tried.text()).isTrue();
        assertThat(tried.body().path("recordsMatched").asBoolean()).isTrue();
        assertThat(tried.body().path("records").asInt()).isPositive();
        JsonNode exchange = tried.body().path("exchanges").get(0);
        assertThat(exchange.path("method").asText()).isEqualTo("POST");
        assertThat(exchange.path("status").asInt()).isEqualTo(200);
        assertThat(exchange.path("body").asText()).contains("method=crm.customer.list").contains("sign=******");
        assertThat(exchange.path("responseBody").asText()).contains("TRY-1");
        assertThat(tried.text()).doesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

        // and nothing was saved: the operation is not in effect
        assertThat(stored.list()).isEmpty();
        assertThat(registry.definition("jackyun").operation("crm.customer.list.all")).isEmpty();
    }

    @Test
    void aWriteIsTriedOnlyWhenConfirmed() {
        ObjectNode body = JSON.createObjectNode().put("connectorId", "jackyun").put("operation", "crm.customer.add")
                .put("connectionId", jackyun);
        body.putObject("body").put("customerCode", "TRY-W").put("nickname", "写入");

        Answer refused = json("POST", "/api/connectors/try", body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("problem.designer.confirmWrite");

        body.put("confirmWrite", true);
        Answer written = json("POST", "/api/connectors/try", body);
        assertThat(written.body().path("success").asBoolean()).as(written.text()).isTrue();
    }

    @Test
    void badTryRequestsAreRefusedWithACodeAndOnlyAnAdminMayTry() {
        Answer noDefinition = json("POST", "/api/connectors/try", JSON.createObjectNode().put("operation", "x")
                .put("connectionId", jackyun));
        assertThat(noDefinition.status()).isEqualTo(400);
        assertThat(noDefinition.body().path("code").asText()).isEqualTo("problem.designer.noDefinition");

        Answer unknown = json("POST", "/api/connectors/try", JSON.createObjectNode().put("connectorId", "jackyun")
                .put("operation", "no.such.operation").put("connectionId", jackyun));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("code").asText()).isEqualTo("problem.designer.unknownOperation");

        Answer invalidDraft = json("POST", "/api/connectors/try", JSON.createObjectNode()
                .put("definition", EXTRA.replace("role: QUERY", "role: READ")).put("operation", "crm.customer.list.all")
                .put("connectionId", jackyun));
        assertThat(invalidDraft.status()).isEqualTo(400);
        assertThat(invalidDraft.text()).contains("$.operations[0].role");

        users.create("operator-try", null, Role.OPERATOR, "operator-pass-2");
        Answer forbidden = call("operator-try", "operator-pass-2", "POST", "/api/connectors/try", "application/json",
                JSON.createObjectNode().put("connectorId", "jackyun").put("operation", "crm.customer.list")
                        .put("connectionId", jackyun).toString(), null);
        assertThat(forbidden.status()).isEqualTo(403);
    }
}
