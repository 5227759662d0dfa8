package io.yunqiao.web.designer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The connector designer's forms for an auth scheme's and a paging type's parameters, server-side: what a clerk types in
 * the fields is the definition's YAML, and it saves.
 */
@SharedPlatform
class DesignerFormsIT {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    @Autowired
    StoredConnectors stored;

    private String id;

    /** The documented Acme example without auth and paging, pasted into the designer's YAML tab. */
    @BeforeEach
    void openTheDesignerWithAConnectorWithoutAuthOrPaging() throws IOException {
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("connectors/designer");
        id = "forms-shop-" + IDS.incrementAndGet();
        Draft acme = Draft.parse(Files.readString(Path.of("..", "docs", "examples", "acme-shop.yaml"),
                StandardCharsets.UTF_8));
        acme.root().put("id", id);
        acme.root().putObject("auth").put("type", "none");
        ((ObjectNode) acme.operations().get(0)).putObject("paging").put("type", "none");
        tabs().setSelectedIndex(4);
        _setValue(_get(TextArea.class, spec -> spec.withId("designer-yaml")), acme.yaml());
        _click(_get(Button.class, spec -> spec.withId("designer-yaml-apply")));
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static TabSheet tabs() {
        return _get(TabSheet.class, spec -> spec.withId("designer-tabs"));
    }

    @SuppressWarnings("unchecked")
    private static <V> void fill(String fieldId, V value) {
        _setValue((HasValue<?, V>) _get(Component.class, spec -> spec.withId(fieldId)), value);
    }

    private static JsonNode yamlTab() {
        tabs().setSelectedIndex(0);
        tabs().setSelectedIndex(4);
        return Draft.parse(_get(TextArea.class, spec -> spec.withId("designer-yaml")).getValue()).root();
    }

    private JsonNode saved() {
        return Draft.parse(stored.get(id).definition()).root();
    }

    @Test
    void oauth2ClientCredentialsFilledInItsFieldsIsTheAuthBlockAndSaves() {
        tabs().setSelectedIndex(1);
        fill("designer-auth-type", "oauth2-client-credentials");
        fill("designer-auth-tokenUrl", "/oauth/token");
        fill("designer-auth-clientId", "{{connection.clientId}}");
        fill("designer-auth-clientSecret", "{{connection.clientSecret}}");
        fill("designer-auth-clientAuth", "basic");
        fill("designer-auth-scope", "customers:read");
        fill("designer-auth-refreshBefore", "120");

        JsonNode auth = yamlTab().get("auth");
        assertThat(auth.toString()).isEqualTo("{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"/oauth/token\","
                + "\"clientId\":\"{{connection.clientId}}\",\"clientSecret\":\"{{connection.clientSecret}}\","
                + "\"clientAuth\":\"basic\",\"scope\":\"customers:read\",\"refreshBefore\":120}");
        _click(_get(Button.class, spec -> spec.withId("designer-save")));
        assertThat(saved().get("auth")).isEqualTo(auth);
    }

    @Test
    void cursorPagingFilledInItsFieldsIsThePagingBlockAndSaves() {
        tabs().setSelectedIndex(2);
        selectFirstOperation();
        fill("designer-op-paging", "cursor");
        fill("designer-paging-param", "cursor");
        fill("designer-paging-next", "next_cursor");
        fill("designer-paging-size", "limit");
        fill("designer-paging-maxSize", "100");

        JsonNode paging = yamlTab().get("operations").get(0).get("paging");
        assertThat(paging.toString()).isEqualTo("{\"type\":\"cursor\",\"param\":\"cursor\",\"next\":\"next_cursor\","
                + "\"size\":\"limit\",\"maxSize\":100}");
        _click(_get(Button.class, spec -> spec.withId("designer-save")));
        assertThat(saved().get("operations").get(0).get("paging")).isEqualTo(paging);
    }

    @Test
    void switchingThePagingTypeKeepsTheParametersTheNewTypeHas() {
        tabs().setSelectedIndex(2);
        selectFirstOperation();
        fill("designer-op-paging", "page-number");
        fill("designer-paging-page", "pageNo");
        fill("designer-paging-size", "pageSize");
        fill("designer-paging-maxSize", "50");

        fill("designer-op-paging", "cursor");

        assertThat(((HasValue<?, ?>) _get(Component.class, spec -> spec.withId("designer-paging-size"))).getValue())
                .isEqualTo("pageSize");
        assertThat(yamlTab().get("operations").get(0).get("paging").toString())
                .isEqualTo("{\"type\":\"cursor\",\"size\":\"pageSize\",\"maxSize\":50}");
    }

    @Test
    void aSessionTokenSchemeKeepsTheYamlBoxAndSaysSo() {
        tabs().setSelectedIndex(1);
        fill("designer-auth-type", "session-token");

        assertThat(_get(TextArea.class, spec -> spec.withId("designer-auth-params")).isVisible()).isTrue();
        assertThat(_get(Component.class, spec -> spec.withId("designer-auth-hint")).getElement().getText())
                .contains("YAML").contains("{{connection.clientId}}");
    }

    @Test
    void signedParamsFilledInItsFieldsIsTheAuthBlockWithItsSignAndSaves() {
        tabs().setSelectedIndex(1);
        fill("designer-auth-type", "signed-params");
        fill("designer-auth-add", "appkey={{connection.clientId}}\ntimestamp={{now:yyyy-MM-dd HH:mm:ss}}");
        fill("designer-auth-sign-exclude", "sign, token");
        fill("designer-auth-sign-join", "k=v&");
        fill("designer-auth-sign-secret", "{{connection.clientSecret}}");
        fill("designer-auth-sign-placement", "suffix");
        fill("designer-auth-sign-uppercaseInput", true);
        fill("designer-auth-sign-hash", "SHA256");

        JsonNode auth = yamlTab().get("auth");
        assertThat(auth.toString()).isEqualTo("{\"type\":\"signed-params\",\"add\":{\"appkey\":"
                + "\"{{connection.clientId}}\",\"timestamp\":\"{{now:yyyy-MM-dd HH:mm:ss}}\"},\"sign\":{\"exclude\":"
                + "[\"sign\",\"token\"],\"join\":\"k=v&\",\"secret\":\"{{connection.clientSecret}}\",\"placement\":"
                + "\"suffix\",\"uppercaseInput\":true,\"hash\":\"SHA256\"}}");
        _click(_get(Button.class, spec -> spec.withId("designer-save")));
        assertThat(saved().get("auth")).isEqualTo(auth);
    }

    @Test
    void aParameterTheFormDoesNotShowIsKeptWhenAFieldIsEdited() {
        Draft written = new Draft((ObjectNode) yamlTab());
        written.root().putObject("auth").put("type", "oauth2-client-credentials").put("tokenUrl", "/oauth/token")
                .put("timeZone", "Asia/Shanghai");
        _setValue(_get(TextArea.class, spec -> spec.withId("designer-yaml")), written.yaml());
        _click(_get(Button.class, spec -> spec.withId("designer-yaml-apply")));
        tabs().setSelectedIndex(1);

        fill("designer-auth-tokenUrl", "/oauth2/token");

        assertThat(yamlTab().get("auth").toString()).isEqualTo(
                "{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"/oauth2/token\",\"timeZone\":\"Asia/Shanghai\"}");
    }

    @SuppressWarnings("unchecked")
    private static void selectFirstOperation() {
        Grid<ObjectNode> grid = (Grid<ObjectNode>) _get(Component.class, spec -> spec.withId("designer-operations"));
        grid.select(GridKt._get(grid, 0));
    }
}
