package io.yunqiao.web.templates;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The template gallery, server-side: cards name both ends readably, the copy wizard offers only fitting
 * connections (or creates one on the way), creates the solution and opens it; refusals stay in the dialog.
 */
@SharedPlatform
class TemplatesViewIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";

    @Autowired
    ApplicationContext context;

    @Autowired
    Templates templates;

    @Autowired
    Solutions solutions;

    @Autowired
    Connections connections;

    @Autowired
    ConnectorRegistry registry;

    @BeforeEach
    void nothingStored() {
        solutions.list().forEach(s -> solutions.delete(s.id()));
        connections.list().forEach(c -> connections.delete(c.id()));
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private void openGalleryAs(Role role) {
        MockUi.start(context, role.name().toLowerCase(), role);
        UI.getCurrent().navigate("templates");
    }

    private ConnectionView kingdeeConnection(String name) {
        return connections.create(new ConnectionDraft(name, "kingdee-jdy", Map.of("baseUrl", "http://127.0.0.1:9/k",
                "clientId", "id", "clientSecret", "secret", "username", "u", "password", "p")));
    }

    private ConnectionView jackyunConnection(String name) {
        return connections.create(new ConnectionDraft(name, "jackyun", Map.of("baseUrl", "http://127.0.0.1:9/j",
                "appKey", "100200", "appSecret", "secret")));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<ConnectionView> picker(String id) {
        return (ComboBox<ConnectionView>) _get(Component.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static TextFieldBase<?, String> field(String key) {
        return (TextFieldBase<?, String>) _get(Component.class, spec -> spec.withId("field-" + key));
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void eachTemplateIsACardNamingBothEndsByConnectorAndOperation() {
        // when the gallery is opened
        openGalleryAs(Role.VIEWER);

        // then every template has a card with its title and "connector · operation" for both ends
        for (SolutionTemplate template : templates.list()) {
            SolutionSpec spec = template.solution();
            String source = registry.definition(spec.source().connector()).name().zh() + " · "
                    + registry.operation(spec.source().connector(), spec.source().operation()).title().zh();
            String target = registry.definition(spec.target().connector()).name().zh() + " · "
                    + registry.operation(spec.target().connector(), spec.target().operation()).title().zh();
            Div card = _get(Div.class, spec2 -> spec2.withId("template-" + template.id()));
            assertThat(card.getClassNames()).contains("yq-card");
            assertThat(card.getElement().getTextRecursively()).contains(template.title().zh(), source, target);
        }
    }

    @Test
    void eachTemplatesScheduleReadsInWordsWithTheExpressionOnlyAsATooltip() {
        // when the gallery is opened
        openGalleryAs(Role.VIEWER);

        // then the seed template's every-minute schedule reads in words, and no card shows a raw cron
        Div seed = _get(Div.class, spec -> spec.withId("schedule-" + SEED));
        assertThat(seed.getText()).isEqualTo("计划：每分钟（复制后为停用状态）");
        assertThat(seed.getTitle()).contains("0 * * * * ?");
        for (SolutionTemplate template : templates.list()) {
            String cron = template.solution().schedule().cron();
            Div card = _get(Div.class, spec -> spec.withId("template-" + template.id()));
            assertThat(card.getElement().getTextRecursively()).doesNotContain(cron).contains("分钟");
        }
    }

    @Test
    void copyingCreatesASolutionBoundToTheChosenConnectionsAndOpensIt() {
        // given connections of both connectors of the seed template, and one of another connector
        ConnectionView kingdee = kingdeeConnection("金蝶");
        ConnectionView jackyun = jackyunConnection("吉客云");
        connections.create(new ConnectionDraft("金蝶V2", "kingdee-jdy-v2", Map.of("clientId", "c",
                "clientSecret", "s", "appKey", "k", "appSecret", "a")));
        openGalleryAs(Role.ADMIN);

        // when the administrator copies the seed template
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // then the wizard suggests the template's title and offers only the fitting connections at each end
        assertThat(_get(TextField.class, spec -> spec.withId("copy-name")).getValue())
                .isEqualTo(templates.get(SEED).title().zh());
        assertThat(ComboBoxKt.getSuggestions(picker("copy-source"))).containsExactly("金蝶");
        assertThat(ComboBoxKt.getSuggestions(picker("copy-target"))).containsExactly("吉客云");

        // and when they name it, choose both connections and confirm
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "我的种子方案");
        ComboBoxKt.selectByLabel(picker("copy-source"), "金蝶");
        ComboBoxKt.selectByLabel(picker("copy-target"), "吉客云");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the solution exists, disabled, bound to those connections, and the editor of it is open
        SolutionView created = solutions.list().stream().filter(s -> s.name().equals("我的种子方案")).findFirst()
                .orElseThrow();
        assertThat(created.spec().source().connection()).isEqualTo(kingdee.id());
        assertThat(created.spec().target().connection()).isEqualTo(jackyun.id());
        assertThat(created.enabled()).isFalse();
        assertThat(currentPath()).isEqualTo("solutions/" + created.id());
    }

    @Test
    void aConnectionCreatedInTheWizardIsSelected() {
        // given no connection at all, and the wizard of the seed template
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // when a new target connection is created from the wizard
        _click(_get(Button.class, spec -> spec.withId("copy-target-new")));
        _setValue(_get(TextField.class, spec -> spec.withId("connection-name")), "新吉客云");
        _setValue(field("appKey"), "100200");
        _setValue(field("appSecret"), "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        _click(_get(Button.class, spec -> spec.withId("connection-save")));

        // then it is stored for the template's target connector, and selected in the still open wizard
        ConnectionView created = connections.list().stream().filter(c -> c.name().equals("新吉客云")).findFirst()
                .orElseThrow();
        assertThat(created.connectorId()).isEqualTo(templates.get(SEED).solution().target().connector());
        assertThat(picker("copy-target").getValue()).extracting(ConnectionView::id).isEqualTo(created.id());
        _get(Dialog.class, spec -> spec.withId("copy-dialog"));
    }

    @Test
    void aNameAlreadyTakenIsRefusedInsideTheDialog() {
        // given a solution already named "重复的名字"
        templates.copy(SEED, "重复的名字", null, null);
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // when another copy is given the same name
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "重复的名字");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then nothing is created, and the dialog stays open with the reason and the name as typed
        assertThat(solutions.list()).hasSize(1);
        _get(Dialog.class, spec -> spec.withId("copy-dialog"));
        assertThat(_get(Div.class, spec -> spec.withId("copy-refusal")).getText())
                .contains("已经有一个名为“重复的名字”的方案");
        assertThat(_get(TextField.class, spec -> spec.withId("copy-name")).getValue()).isEqualTo("重复的名字");
        assertThat(currentPath()).isEqualTo("templates");
    }

    @Test
    void aSecondCopyProposesANameNoSolutionHas() {
        // given the seed template already copied under its title, and once more as "<title> (2)"
        String title = templates.get(SEED).title().zh();
        templates.copy(SEED, title, null, null);
        templates.copy(SEED, title + " (2)", null, null);
        openGalleryAs(Role.ADMIN);

        // when it is copied again
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // then the wizard proposes "<title> (3)", and confirming it creates the copy at once
        assertThat(_get(TextField.class, spec -> spec.withId("copy-name")).getValue()).isEqualTo(title + " (3)");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));
        assertThat(solutions.list()).extracting(SolutionView::name).contains(title + " (3)");
    }

    @Test
    void aViewerSeesTheTemplatesButNoCopyButton() {
        // when someone with read-only access opens the gallery
        openGalleryAs(Role.VIEWER);

        // then the cards are there without a copy button
        _get(Div.class, spec -> spec.withId("template-" + SEED));
        _assertNone(Button.class, spec -> spec.withId("copy-" + SEED));
    }
}
