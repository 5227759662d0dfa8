package io.yunqiao.web.solutions;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.run.RunHistory;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.shell.Notices;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The solution editor's side of templates made here (Karibu, on the seed solution bound to the sandboxes): 发布为模板
 * with its inputs, tags and refusals, a new version with its note, and the 来自模板 banner with the newer version's
 * changes and 采用新版本; readers see where a solution came from and no write button.
 */
@SharedPlatform
// Karibu's lookups by class literal (_get(Select.class, …)) give their lambdas raw component types
@SuppressWarnings("rawtypes")
class TemplatePublishingViewIT {

    private static final String MINE = "shop-customers";
    private static final String BILL_STATUS = TemplateInput.SOURCE_PARAM + "billstatus";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    RunHistory history;

    private SandboxFixture sandboxes;
    private SolutionView seed;

    @BeforeEach
    void seedSolutionAndNoTemplatesOfOurOwn() {
        sandboxes = new SandboxFixture(port, connections, solutions, templates, history).fresh();
        templates.list().stream().filter(t -> !t.builtIn()).forEach(t -> templates.delete(t.id()));
        seed = sandboxes.seed("门店客户");
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private void open(String user, Role role, long solution) {
        MockUi.start(context, user, role);
        UI.getCurrent().navigate("solutions/" + solution);
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(Notices::text).toList();
    }

    /** Our template published from the seed solution through the core, as the author would from the editor. */
    private SolutionTemplate publishedFromSeed() {
        return templates.publish(seed.id(), publication(MINE, ""), "admin");
    }

    private static TemplatePublication publication(String id, String note) {
        return new TemplatePublication(id, new LocalizedText("门店客户模板", null), null, "客户", List.of("门店"),
                List.of(), null, note);
    }

    /** The seed's mapping with the special reminder worded anew, saved as its next version. */
    private void improveSeedMapping() {
        SolutionSpec spec = solutions.get(seed.id()).spec();
        String mapping = spec.target().mapping().replace("\"来自金蝶采购入库单 \"", "\"来自门店模板 \"");
        assertThat(mapping).contains("来自门店模板");
        solutions.update(seed.id(), spec.withTarget(new SolutionSpec.Target(spec.target().connection(),
                spec.target().connector(), spec.target().operation(), mapping)), "改了备注");
    }

    /** A copy of our template, and a second version of the template it does not follow yet. */
    private long copyBehindANewerVersion() {
        publishedFromSeed();
        long copy = templates.copy(MINE, "分店客户", sandboxes.kingdee, sandboxes.jackyun).id();
        improveSeedMapping();
        templates.republish(MINE, seed.id(), publication(MINE, "备注写明来自门店模板"), "admin");
        return copy;
    }

    @Test
    void publishingFromTheEditorCreatesTheTemplateWithTheChosenInputAndTags() {
        // given the seed solution open to an administrator, and the publish dialog
        open("admin", Role.ADMIN, seed.id());
        _click(_get(Button.class, spec -> spec.withId("publish-template")));
        // prefilled from the solution: its name as the title, the systems in the tags
        assertThat(field("publish-title-zh").getValue()).isEqualTo("门店客户");
        assertThat(field("publish-tags").getValue()).contains("吉客云");

        // when the author names it, adds a tag, asks for the bill status on copy, and publishes
        _setValue(field("publish-id"), MINE);
        _setValue(field("publish-title-zh"), "门店客户模板");
        _setValue(field("publish-tags"), field("publish-tags").getValue() + "、门店");
        @SuppressWarnings("unchecked") // the category picker holds texts; the locator only knows the raw type
        ComboBox<String> category = _get(ComboBox.class, spec -> spec.withId("publish-category"));
        _setValue(category, "客户");
        _setValue(_get(Checkbox.class, spec -> spec.withId("publish-input-" + BILL_STATUS)), true);
        _setValue(field("publish-input-label-" + BILL_STATUS), "单据状态");
        _setValue(field("publish-input-default-" + BILL_STATUS), "C");
        _setValue(_get(Checkbox.class, spec -> spec.withId("publish-input-required-" + BILL_STATUS)), true);
        _click(_get(Button.class, spec -> spec.withId("publish-confirm")));

        // then the template is stored with the input, the tags and the author, and the dialog says so
        SolutionTemplate template = templates.get(MINE);
        assertThat(template.title().zh()).isEqualTo("门店客户模板");
        assertThat(template.version()).isEqualTo(1);
        assertThat(template.category()).isEqualTo("客户");
        assertThat(template.tags()).contains("吉客云", "门店");
        assertThat(template.inputs()).singleElement().satisfies(input -> {
            assertThat(input.key()).isEqualTo(BILL_STATUS);
            assertThat(input.label().zh()).isEqualTo("单据状态");
            assertThat(input.defaultValue().asText()).isEqualTo("C");
            assertThat(input.required()).isTrue();
        });
        assertThat(template.published().by()).isEqualTo("admin");
        assertThat(template.solution().source().connection()).isNull();
        assertThat(_get(Span.class, spec -> spec.withId("publish-done")).getElement().getTextRecursively())
                .contains("门店客户模板").contains("版本 1");
        assertThat(_find(Button.class, spec -> spec.withId("publish-open-gallery"))).hasSize(1);
    }

    @Test
    void aRefusalIsShownAtItsFieldAndNothingIsStored() {
        // given the publish dialog with an id a built-in template already has
        open("admin", Role.ADMIN, seed.id());
        _click(_get(Button.class, spec -> spec.withId("publish-template")));
        _setValue(field("publish-id"), SandboxFixture.SEED_TEMPLATE);
        _setValue(field("publish-title-zh"), "门店客户模板");

        // when it is published
        _click(_get(Button.class, spec -> spec.withId("publish-confirm")));

        // then the id field says why, the dialog stays with what was typed, and no template was stored
        TextField id = field("publish-id");
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains(SandboxFixture.SEED_TEMPLATE);
        assertThat(_get(Div.class, spec -> spec.withId("publish-error")).getText()).startsWith("未发布：");
        assertThat(field("publish-title-zh").getValue()).isEqualTo("门店客户模板");
        assertThat(templates.list()).allMatch(SolutionTemplate::builtIn);
    }

    @Test
    @SuppressWarnings("unchecked")
    void republishingNeedsANoteAndCreatesVersionTwo() {
        // given our template, and the solution improved since
        publishedFromSeed();
        improveSeedMapping();
        open("admin", Role.ADMIN, seed.id());
        _click(_get(Button.class, spec -> spec.withId("publish-template")));
        Select<SolutionTemplate> mode = _get(Select.class, spec -> spec.withId("publish-mode"));
        SolutionTemplate ours = mode.getListDataView().getItems().filter(t -> t.id().equals(MINE)).findFirst()
                .orElseThrow();
        _setValue(mode, ours);
        // the form now holds the template's own texts, and no id to type
        assertThat(field("publish-title-zh").getValue()).isEqualTo("门店客户模板");
        assertThat(_find(TextField.class, spec -> spec.withId("publish-id"))).isEmpty();

        // when it is published without a note
        _click(_get(Button.class, spec -> spec.withId("publish-confirm")));
        // then the note is asked for and nothing is stored
        assertThat(field("publish-note").isInvalid()).isTrue();
        assertThat(templates.versions(MINE)).hasSize(1);

        // and when a note is given
        _setValue(field("publish-note"), "备注写明来自门店模板");
        _click(_get(Button.class, spec -> spec.withId("publish-confirm")));
        // then version 2 exists with the improved mapping and the note
        SolutionTemplate template = templates.get(MINE);
        assertThat(template.version()).isEqualTo(2);
        assertThat(template.solution().target().mapping()).contains("来自门店模板");
        assertThat(template.published().note()).isEqualTo("备注写明来自门店模板");
    }

    @Test
    void theBannerShowsTheOriginAndAdoptingTheNewerVersionChangesTheMappingAndKeepsTheConnections() {
        // given a copy of our template whose template has a version 2
        long copy = copyBehindANewerVersion();
        open("admin", Role.ADMIN, copy);
        // the banner says where it came from and that a newer version exists
        assertThat(_get(Span.class, spec -> spec.withId("template-origin-text")).getText())
                .isEqualTo("来自模板“门店客户模板”（版本 1）");
        assertThat(_get(Span.class, spec -> spec.withId("template-newer")).getText()).isEqualTo("模板有新版本 2");
        // and its changes show the new mapping line
        _click(_get(Button.class, spec -> spec.withId("template-changes")));
        assertThat(_get(Div.class, spec -> spec.withId("adoption-diff")).getElement().getTextRecursively())
                .contains("来自门店模板");
        _click(_get(Button.class, spec -> spec.withId("adoption-diff-close")));

        // when the administrator adopts it
        _click(_get(Button.class, spec -> spec.withId("template-adopt")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("adopt-confirm")));

        // then the solution has the new mapping, keeps its name and connections, and follows version 2
        SolutionView adopted = solutions.get(copy);
        assertThat(adopted.spec().target().mapping()).contains("来自门店模板");
        assertThat(adopted.name()).isEqualTo("分店客户");
        assertThat(adopted.spec().source().connection()).isEqualTo(sandboxes.kingdee);
        assertThat(adopted.spec().target().connection()).isEqualTo(sandboxes.jackyun);
        assertThat(_get(Span.class, spec -> spec.withId("template-origin-text")).getText())
                .isEqualTo("来自模板“门店客户模板”（版本 2）");
        assertThat(_find(Span.class, spec -> spec.withId("template-newer"))).isEmpty();
        assertThat(notifications()).anyMatch(n -> n.contains("已采用模板“门店客户模板”的版本 2"));
    }

    @Test
    void aViewerSeesWhereASolutionCameFromButNoPublishOrAdoptButton() {
        // given a copy behind a newer version of its template
        long copy = copyBehindANewerVersion();

        // when a viewer opens it
        open("reader", Role.VIEWER, copy);

        // then the banner and the newer version show, without the diff, the adoption or publishing
        assertThat(_get(Span.class, spec -> spec.withId("template-origin-text")).getText())
                .isEqualTo("来自模板“门店客户模板”（版本 1）");
        assertThat(_find(Span.class, spec -> spec.withId("template-newer"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("template-adopt"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("template-changes"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("publish-template"))).isEmpty();
    }
}
