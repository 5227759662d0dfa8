package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connectorstore.StoredConnectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connector designer in a real browser (issue #11): a business user adds an operation to the connector of an
 * existing connection, tries it against the Jackyun sandbox (seeing the answer and the request with its signature
 * masked), generates its fields from the answer and saves, counting the clicks; the solution editor then offers the
 * operation without a restart. And a standalone connector created in the UI only.
 */
class ConnectorDesignerBrowserIT extends BrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDesignerBrowserIT.class);
    private static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    /** Issue #11: a business user adds an operation of an existing connection in at most this many clicks. */
    private static final int MOST_CLICKS = 10;

    @Autowired
    Connections connections;

    @Autowired
    ConnectorClient client;

    @Autowired
    ConnectorRegistry registry;

    @Autowired
    StoredConnectors stored;

    private String jackyun;
    private int clicks;

    /** A Jackyun sandbox connection with one customer in the sandbox, so that the list answers a record. */
    @BeforeEach
    void sandboxConnectionWithACustomer() {
        jackyun = unique("吉客云设计器");
        ConnectionView view = connections.create(new ConnectionDraft(jackyun, "jackyun", Map.of("baseUrl",
                url("sandbox/jackyun/open/openapi/do"), "appKey", "100200", "appSecret", APP_SECRET)));
        ExecuteResult added = client.execute(connections.runtime(view.id()), "crm.customer.add",
                JsonMapper.builder().build().createObjectNode().put("customerCode", unique("C"))
                        .put("nickname", "设计器客户"));
        assertThat(added.success()).as(added.message()).isTrue();
    }

    @Test
    void aBusinessUserAddsAnOperationToAnExistingConnectionsConnectorInAtMostTenClicks() {
        String id = unique("jackyun-crm").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String operation = "crm.customer.list.recent";
        open("");
        signInAsAdmin();

        // when, from the connector catalog, they start a new connector extending Jackyun
        userClicks(() -> click("nav-connectors"));
        userClicks(() -> click("connector-new"));
        userClicks(() -> pick("designer-base", "jackyun", registry.definition("jackyun").name().zh() + " (jackyun)"));
        fill("designer-id", id);
        screenshot("designer-basics");

        // and add the operation: its id, title, the vendor's method name, records path and key
        userClicks(() -> click("designer-tab-operations"));
        userClicks(() -> click("designer-op-add"));
        assertThat(byId("designer-op-field").locator("input")).hasValue("bizcontent");
        fill("designer-op-id", operation);
        fill("designer-op-title", "最近的客户");
        fill("designer-op-form", "method=crm.customer.list\ncontenttype=json\nversion=v1.0");
        fill("designer-op-records", "result.data.customers");
        fill("designer-op-key", "customerId");
        screenshot("designer-operation");

        // and try it with their Jackyun connection
        userClicks(() -> click("designer-tab-try"));
        userClicks(() -> pick("designer-try-connection", jackyun, jackyun + " (jackyun)"));
        userClicks(() -> click("designer-try-run"));

        // then they see the answer, and the request as sent with its signature masked and no secret
        assertThat(byId("designer-try-outcome")).hasAttribute("data-success", "true");
        // the sandbox is shared with other tests of this context: it holds our customer, and maybe others
        assertThat(byId("designer-try-outcome")).containsText(
                java.util.regex.Pattern.compile("记录路径找到 [1-9][0-9]* 条记录"));
        assertThat(byId("designer-try-response")).containsText("customers");
        assertThat(byId("designer-try-request")).containsText("method=crm.customer.list");
        assertThat(byId("designer-try-request")).containsText("sign=******");
        assertThat(text("designer-try-request")).doesNotContain(APP_SECRET);
        screenshot("designer-try");

        // when they generate the fields from the answer and save
        userClicks(() -> click("designer-try-fields"));
        assertThat(gridCells("designer-fields").locator("input").first()).hasValue("customerId");
        screenshot("designer-fields");
        userClicks(() -> click("designer-save"));
        expectNotification(id);

        LOG.info("adding operation {} to jackyun took {} clicks (at most {})", operation, clicks, MOST_CLICKS);
        System.out.println("connector designer: adding an operation took " + clicks + " clicks");
        assertThat(clicks).isLessThanOrEqualTo(MOST_CLICKS);

        // then the solution editor offers it for the Jackyun connection, without a restart
        assertThat(stored.get(id).extendsId()).isEqualTo("jackyun");
        open("solutions/new");
        click("tab-source");
        pick("source-connection", jackyun, jackyun + " · " + registry.definition("jackyun").name().zh());
        pick("source-operation", "recent", "最近的客户 (" + operation + ")");
    }

    @Test
    void aStandaloneConnectorIsCreatedInTheDesignerOnly() {
        String id = unique("acme").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        // a definition of the Jackyun gateway under another id, as a person would paste from the vendor's docs
        String text = jackyunDefinition().replaceFirst("(?m)^id:.*$", "id: " + id)
                .replaceFirst("(?m)^name:.*$", "name: { zh: 独立连接器, en: Standalone connector }");
        open("");
        signInAsAdmin();
        open("connectors/designer");
        click("designer-tab-yaml");
        fill("designer-yaml", text);
        click("designer-yaml-apply");
        click("designer-save");
        expectNotification(id);

        // then it is in the catalog as a stored definition, and a connection of it can try its operations
        open("connectors");
        assertThat(byId("connector-edit-" + id)).isVisible();
        String name = unique("独立");
        connections.create(new ConnectionDraft(name, id, Map.of("baseUrl", url("sandbox/jackyun/open/openapi/do"),
                "appKey", "100200", "appSecret", APP_SECRET)));
        click("connector-edit-" + id);
        click("designer-tab-operations");
        gridCells("designer-operations").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(exactly("crm.customer.list"))).first().click();
        waitForVaadin();
        click("designer-tab-try");
        pick("designer-try-connection", name, name + " (" + id + ")");
        click("designer-try-run");
        assertThat(byId("designer-try-outcome")).hasAttribute("data-success", "true");
        assertThat(text("designer-try-request")).doesNotContain(APP_SECRET);
    }

    private void userClicks(Runnable action) {
        clicks++;
        action.run();
    }

    private static String jackyunDefinition() {
        try (InputStream in = ConnectorDesignerBrowserIT.class.getResourceAsStream(
                "/META-INF/yunqiao/connectors/jackyun.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
