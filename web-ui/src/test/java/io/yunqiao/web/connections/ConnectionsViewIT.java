package io.yunqiao.web.connections;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.dom.Element;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.shell.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connections screen, server-side, against the Kingdee sandbox the application mounts: the form follows the
 * connector definition, secrets are sealed and never come back to the browser, required fields are checked, and a
 * connection test calls the sandbox for real.
 */
@SharedPlatform
class ConnectionsViewIT {

    /** The Kingdee sandbox's client secret (application.yml, embedded profile). */
    private static final String SECRET = "demo-secret-v1";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Connections connections;

    @Autowired
    ConnectorRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noConnections() {
        connections.list().forEach(c -> connections.delete(c.id()));
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private String kingdeeSandbox() {
        return "http://127.0.0.1:" + port + "/sandbox/kingdee";
    }

    private ConnectorDefinition kingdee() {
        return registry.definition("kingdee-jdy");
    }

    /** Opens the new-connection dialog for Kingdee V1, signed in as the administrator. */
    private void openNewKingdeeConnection() {
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("connections");
        _click(_get(Button.class, spec -> spec.withId("add-connection")));
        _setValue(connectorSelect(), kingdee());
    }

    @SuppressWarnings("unchecked")
    private static Select<ConnectorDefinition> connectorSelect() {
        return (Select<ConnectorDefinition>) _get(Component.class, spec -> spec.withId("connection-connector"));
    }

    @SuppressWarnings("unchecked")
    private static TextFieldBase<?, String> field(String key) {
        return (TextFieldBase<?, String>) _get(Component.class, spec -> spec.withId("field-" + key));
    }

    private void fillKingdeeSandboxCredentials(String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("connection-name")), name);
        _setValue(field("baseUrl"), kingdeeSandbox());
        _setValue(field("clientId"), "yunqiao-demo");
        _setValue(field("clientSecret"), SECRET);
        _setValue(field("username"), "demo");
        _setValue(field("password"), "demo-pass");
    }

    private ConnectionView storedKingdeeConnection(String name) {
        return connections.create(new ConnectionDraft(name, "kingdee-jdy", Map.of("baseUrl", kingdeeSandbox(),
                "clientId", "yunqiao-demo", "clientSecret", SECRET, "username", "demo", "password", "demo-pass")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ConnectionView> grid() {
        return (Grid<ConnectionView>) _get(Component.class, spec -> spec.withId("connections"));
    }

    /** The cell of the actions column in the row of the named connection. */
    private static Component actionsOf(String name) {
        Grid<ConnectionView> grid = grid();
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row for connection " + name));
        return GridKt._getCellComponent(grid, row, "actions");
    }

    /** Every text, attribute and property value of the UI's elements (dialogs included) and the grid's rows. */
    private static String everythingSentToTheBrowser() {
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent().getElement(), texts);
        Grid<ConnectionView> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            texts.addAll(GridKt._getFormattedRow(grid, i));
        }
        return String.join("\n", texts);
    }

    private static void collect(Element element, List<String> texts) {
        texts.add(element.getText());
        element.getAttributeNames().forEach(name -> texts.add(element.getAttribute(name)));
        element.getPropertyNames().forEach(name -> texts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(child -> collect(child, texts));
    }

    @Test
    void theFormHasOneFieldPerConnectionFieldOfTheConnectorWithSecretsAsPasswordFields() {
        // when the administrator opens a new Kingdee connection
        openNewKingdeeConnection();

        // then each connection field of the definition is one input with its label, secrets being password fields
        for (ConnectionField definition : kingdee().connection()) {
            TextFieldBase<?, String> input = field(definition.name());
            assertThat(input).as(definition.name()).isInstanceOf(definition.secret() ? PasswordField.class
                    : TextField.class);
            assertThat(input.getLabel()).isEqualTo(definition.label().zh());
            assertThat(input.isRequiredIndicatorVisible()).as(definition.name()).isEqualTo(definition.required());
        }
        assertThat(_find(Component.class).stream().filter(f -> f.getId().orElse("").startsWith("field-")))
                .hasSize(kingdee().connection().size());
    }

    @Test
    void aNewConnectionIsSavedWithItsSecretSealedAndEditingNeverShowsTheSecret() {
        // given the new-connection form filled with the sandbox's credentials
        openNewKingdeeConnection();
        fillKingdeeSandboxCredentials("金蝶沙箱");

        // when it is saved
        _click(_get(Button.class, spec -> spec.withId("connection-save")));

        // then it exists, its secrets are sealed at rest and masked in the service's answer
        ConnectionView saved = connections.list().stream().filter(c -> c.name().equals("金蝶沙箱")).findFirst()
                .orElseThrow();
        assertThat(saved.values()).containsEntry("clientSecret", "******").containsEntry("clientId", "yunqiao-demo");
        String stored = jdbc.queryForObject("select plain_values || ' ' || secret_values from yq_connection"
                + " where id = ?", String.class, saved.id());
        assertThat(stored).doesNotContain(SECRET).doesNotContain("demo-pass").contains("yunqiao-demo");
        assertThat(connections.runtime(saved.id()).values()).containsEntry("clientSecret", SECRET);

        // and when it is opened for editing, no secret reaches the browser, and the secret fields say "unchanged"
        _click(_get(actionsOf("金蝶沙箱"), Button.class, spec -> spec.withId("edit-connection-" + saved.id())));
        assertThat(field("clientSecret").getValue()).isEmpty();
        assertThat(field("clientSecret").getPlaceholder()).isEqualTo("不修改");
        assertThat(field("clientId").getValue()).isEqualTo("yunqiao-demo");
        assertThat(everythingSentToTheBrowser()).contains("yunqiao-demo").doesNotContain(SECRET)
                .doesNotContain("demo-pass");
    }

    @Test
    void editingWithTheSecretFieldsLeftEmptyKeepsTheStoredSecrets() {
        // given a stored connection
        ConnectionView stored = storedKingdeeConnection("金蝶沙箱");
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("connections");

        // when it is renamed with the secret fields left empty
        _click(_get(actionsOf("金蝶沙箱"), Button.class, spec -> spec.withId("edit-connection-" + stored.id())));
        _setValue(_get(TextField.class, spec -> spec.withId("connection-name")), "金蝶沙箱（改名）");
        _click(_get(Button.class, spec -> spec.withId("connection-save")));

        // then the name changed and the secrets are the ones stored before
        assertThat(connections.get(stored.id()).name()).isEqualTo("金蝶沙箱（改名）");
        assertThat(connections.runtime(stored.id()).values()).containsEntry("clientSecret", SECRET)
                .containsEntry("password", "demo-pass");
    }

    @Test
    void changingTheAddressMakesEveryStoredSecretRequiredAndSavingWithoutThemIsRefused() {
        // given a stored connection opened for editing
        ConnectionView stored = storedKingdeeConnection("金蝶沙箱");
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("connections");
        _click(_get(actionsOf("金蝶沙箱"), Button.class, spec -> spec.withId("edit-connection-" + stored.id())));

        // when the base URL is changed, the secret fields left empty
        _setValue(field("baseUrl"), "http://localhost:" + port + "/sandbox/kingdee");

        // then each stored secret is marked required and says why
        for (String secret : List.of("clientSecret", "password")) {
            assertThat(field(secret).isRequiredIndicatorVisible()).as(secret).isTrue();
            assertThat(field(secret).getHelperText()).as(secret).contains("重新填写");
        }

        // and saving is refused on the secret fields, leaving the stored address as it was
        _click(_get(Button.class, spec -> spec.withId("connection-save")));
        assertThat(field("clientSecret").isInvalid()).isTrue();
        assertThat(connections.get(stored.id()).values()).containsEntry("baseUrl", kingdeeSandbox());

        // and when the address is changed back, the secrets may stay empty again
        _setValue(field("baseUrl"), kingdeeSandbox());
        assertThat(field("password").getPlaceholder()).isEqualTo("不修改");
    }

    @Test
    void aMissingRequiredFieldIsRefusedWithAMessageNamingIt() {
        // given the new-connection form filled except for the client secret
        openNewKingdeeConnection();
        fillKingdeeSandboxCredentials("缺少密钥");
        _setValue(field("clientSecret"), "");

        // when it is saved
        _click(_get(Button.class, spec -> spec.withId("connection-save")));

        // then nothing is saved, the field is marked, the message names it and the dialog keeps the input
        assertThat(connections.list()).isEmpty();
        String label = kingdee().connectionField("clientSecret").orElseThrow().label().zh();
        assertThat(field("clientSecret").isInvalid()).isTrue();
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains(label));
        assertThat(field("clientId").getValue()).isEqualTo("yunqiao-demo");
    }

    @Test
    void aNameThatIsTakenIsRefusedByTheServerAndTheDialogKeepsTheInput() {
        // given a stored connection named "金蝶沙箱"
        storedKingdeeConnection("金蝶沙箱");
        openNewKingdeeConnection();
        fillKingdeeSandboxCredentials("金蝶沙箱");

        // when another one with the same name is saved
        _click(_get(Button.class, spec -> spec.withId("connection-save")));

        // then the server's reason is shown and the dialog is still open with what was typed
        assertThat(connections.list()).hasSize(1);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("已经有一个名为“金蝶沙箱”的连接"));
        assertThat(field("clientSecret").getValue()).isEqualTo(SECRET);
    }

    @Test
    void testingANewConnectionSavesItAndShowsThatTheSandboxAcceptsIt() {
        // given the new-connection form filled with the sandbox's credentials, not saved yet
        openNewKingdeeConnection();
        fillKingdeeSandboxCredentials("金蝶沙箱");

        // when the connection is tested
        _click(_get(Button.class, spec -> spec.withId("connection-test")));

        // then it was saved first, and the sandbox accepted it: ok, with the operation that was called
        assertThat(connections.list()).extracting(ConnectionView::name).containsExactly("金蝶沙箱");
        Div result = _get(Div.class, spec -> spec.withId("connection-test-result"));
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUCCESS");
        assertThat(result.getElement().getTextRecursively()).contains("连接成功").contains("jdy/pur/pur_inbound_list");
    }

    @Test
    void anOperatorTestsAStoredConnectionAndAWrongPasswordShowsTheVendorsRefusal() {
        // given a connection with the right credentials and one with a wrong password
        ConnectionView good = storedKingdeeConnection("金蝶沙箱");
        ConnectionView bad = connections.create(new ConnectionDraft("密码错误", "kingdee-jdy", Map.of("baseUrl",
                kingdeeSandbox(), "clientId", "yunqiao-demo", "clientSecret", SECRET, "username", "demo",
                "password", "wrong-pass")));
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("connections");

        // when the operator tests the good one, then it works
        _click(_get(actionsOf("金蝶沙箱"), Button.class, spec -> spec.withId("test-connection-" + good.id())));
        Div result = _get(Div.class, spec -> spec.withId("connection-test-result"));
        assertThat(result.getElement().getAttribute("data-status")).isEqualTo("SUCCESS");
        _get(Dialog.class).close();

        // and when they test the one with the wrong password, then it failed as refused credentials
        _click(_get(actionsOf("密码错误"), Button.class, spec -> spec.withId("test-connection-" + bad.id())));
        Div failed = _get(Div.class, spec -> spec.withId("connection-test-result"));
        assertThat(failed.getElement().getAttribute("data-status")).isEqualTo("FAILED");
        // in the reader's language: the kind of failure in words, not its class name
        assertThat(failed.getElement().getTextRecursively()).contains("连接失败").contains("认证失败")
                .doesNotContain("[AUTH]");
    }

    @Test
    void anOperatorMayTestButNotAddEditOrDelete() {
        // given a stored connection
        ConnectionView stored = storedKingdeeConnection("金蝶沙箱");

        // when an operator opens the screen
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("connections");

        // then they can test it, and nothing else
        _assertNone(Button.class, spec -> spec.withId("add-connection"));
        Component actions = actionsOf("金蝶沙箱");
        _get(actions, Button.class, spec -> spec.withId("test-connection-" + stored.id()));
        _assertNone(actions, Button.class, spec -> spec.withId("edit-connection-" + stored.id()));
        _assertNone(actions, Button.class, spec -> spec.withId("delete-connection-" + stored.id()));
    }

    @Test
    void aViewerSeesTheConnectionsButNoButtons() {
        // given a stored connection
        storedKingdeeConnection("金蝶沙箱");

        // when someone with read-only access opens the screen
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("connections");

        // then they see it with its connector and address, and no button to add, edit, test or delete
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("金蝶沙箱", kingdee().name().zh(), kingdeeSandbox());
        _assertNone(Button.class, spec -> spec.withId("add-connection"));
        assertThat(grid().getColumnByKey("actions")).isNull();
    }
}
