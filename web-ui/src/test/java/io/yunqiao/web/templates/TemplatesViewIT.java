package io.yunqiao.web.templates;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import io.yunqiao.mapping.MappingRow;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.template.TemplateVersionView;
import io.yunqiao.web.shell.Notices;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The template gallery, server-side: cards name both ends readably, the copy wizard offers only fitting
 * connections (or creates one on the way), creates the solution and opens it; refusals stay in the dialog.
 */
@SharedPlatform
class TemplatesViewIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final String TYPED = "kingdee-pur-inbound-transtype-to-jackyun-customer";
    private static final String AUDITED = "kingdee-audited-bill-customers-to-jackyun";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Autowired
    RunHistory history;

    @LocalServerPort
    int port;

    @BeforeEach
    void nothingStored() {
        solutions.list().forEach(s -> solutions.delete(s.id()));
        connections.list().forEach(c -> connections.delete(c.id()));
        templates.list().stream().filter(t -> !t.builtIn()).forEach(t -> templates.delete(t.id()));
    }

    /** The file of a built-in template under another id, edited by {@code edit}, imported as a template of ours. */
    private SolutionTemplate imported(String from, String id, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode file = file(from, id);
        edit.accept(file);
        return templates.importFile(file.toString(), null, false, "admin").template();
    }

    private ObjectNode file(String from, String id) {
        try {
            ObjectNode file = (ObjectNode) JSON.readTree(templates.export(from, null));
            file.put("id", id);
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> cardIds() {
        return _get(Div.class, spec -> spec.withId("templates")).getChildren()
                .map(c -> c.getId().orElse("")).toList();
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
    void aViewerSeesTheTemplatesButNoCopyImportOrDeleteButton() {
        // given a template of our own beside the built-in ones
        imported(AUDITED, "our-customers", file -> { });

        // when someone with read-only access opens the gallery
        openGalleryAs(Role.VIEWER);

        // then the cards are there with details and export, without copy, import or delete
        _get(Div.class, spec -> spec.withId("template-" + SEED));
        _get(Div.class, spec -> spec.withId("template-our-customers"));
        _get(Button.class, spec -> spec.withId("details-our-customers"));
        _get(Anchor.class, spec -> spec.withId("export-our-customers"));
        _assertNone(Button.class, spec -> spec.withId("copy-" + SEED));
        _assertNone(Button.class, spec -> spec.withId("copy-our-customers"));
        _assertNone(Button.class, spec -> spec.withId("delete-our-customers"));
        _assertNone(Upload.class, spec -> spec.withId("template-import"));
    }

    @Test
    void searchAndFiltersNarrowTheCardsAndClearingShowsAllAgain() {
        // given the gallery
        openGalleryAs(Role.VIEWER);
        assertThat(cardIds()).hasSize(templates.list().size());

        // when a word of one template's title is searched
        _setValue(_get(TextField.class, spec -> spec.withId("templates-search")), "业务类型");
        // then only the templates with that word are shown
        assertThat(cardIds()).contains("template-" + TYPED).doesNotContain("template-" + SEED);

        // and when the search is cleared and the tag "已审核" chosen
        _click(_get(Button.class, spec -> spec.withId("filter-clear")));
        ComboBoxKt.selectByLabel(stringBox("filter-tag"), "已审核");
        // then only the templates with that tag are shown
        assertThat(cardIds()).contains("template-" + AUDITED).doesNotContain("template-" + SEED, "template-" + TYPED);

        // and the system filter offers the connectors by name
        assertThat(ComboBoxKt.getSuggestions(stringBox("filter-system"))).contains("吉客云");

        // and clearing shows every template again
        _click(_get(Button.class, spec -> spec.withId("filter-clear")));
        assertThat(cardIds()).hasSize(templates.list().size());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> stringBox(String id) {
        return (ComboBox<String>) _get(Component.class, spec -> spec.withId(id));
    }

    @Test
    void aCardSaysWhereTheTemplateCameFromWhatItNeedsAndAsksForAndHowOftenItWasCopied() {
        // given a template of ours copied twice, one of the copies deleted since
        imported(AUDITED, "counted", file -> { });
        templates.copy("counted", "已审核客户", null, null);
        solutions.delete(templates.copy("counted", "已审核客户 2", null, null).id());

        // when the gallery is opened
        openGalleryAs(Role.VIEWER);

        // then its card names the connections it needs, the inputs a copy asks for, its badge, its use, its fit
        Div card = _get(Div.class, spec -> spec.withId("template-counted"));
        assertThat(card.getElement().getTextRecursively()).contains("导入 v1");
        assertThat(_get(Div.class, spec -> spec.withId("needs-counted")).getText())
                .isEqualTo("需要的连接：" + registry.definition("kingdee-jdy").name().zh() + "、"
                        + registry.definition("jackyun").name().zh());
        assertThat(_get(Div.class, spec -> spec.withId("asks-counted")).getElement().getTextRecursively())
                .isEqualTo("复制时要填：单据状态（C = 已审核）、首次同步从多久以前开始");
        assertThat(_get(Div.class, spec -> spec.withId("uses-counted")).getText()).isEqualTo("复制 2 次，1 个在用");
        assertThat(_get(Div.class, spec -> spec.withId("fit-counted")).getText()).isEqualTo("可以运行");
        // and a built-in template's badge says so
        assertThat(_get(Div.class, spec -> spec.withId("template-" + AUDITED)).getElement().getTextRecursively())
                .contains("内置 v1");
    }

    @Test
    void aTemplateThisInstallationCannotRunSaysWhatIsMissingAndCannotBeCopied() {
        // given a template of ours that needs a value map this installation does not have
        imported(AUDITED, "needs-a-table", file -> file.putArray("referencedValueMaps").add("不存在的字典"));

        // when an administrator opens the gallery
        openGalleryAs(Role.ADMIN);

        // then its card says it cannot run and why, its badge says imported, and copying is disabled with the reason
        assertThat(_get(Div.class, spec -> spec.withId("fit-needs-a-table")).getText())
                .isEqualTo("不能运行：缺少数据字典表“不存在的字典”");
        assertThat(_get(Div.class, spec -> spec.withId("template-needs-a-table")).getElement()
                .getTextRecursively()).contains("导入 v1").contains("发布人 admin");
        Button copy = _get(Button.class, spec -> spec.withId("copy-needs-a-table"));
        assertThat(copy.isEnabled()).isFalse();
        assertThat(copy.getTooltip().getText()).contains("不能复制").contains("不存在的字典");
    }

    @Test
    void theDetailsPageShowsTheMappingAsATableAndTheVersionsWithTheirChanges() {
        // given a template of ours in two versions, the second with another description
        imported(SEED, "our-seed", file -> { });
        ObjectNode second = file(SEED, "our-seed");
        ((ObjectNode) second.path("description")).put("zh", "第二版的说明");
        templates.importFile(second.toString(), null, true, "admin");

        // when its details page is opened
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("templates/our-seed");

        // then the mapping reads as rows, target field with its label beside the source expression
        @SuppressWarnings("unchecked")
        Grid<MappingRow> mapping = (Grid<MappingRow>) _get(Component.class, spec -> spec.withId("details-mapping"));
        assertThat(mapping.getListDataView().getItems().map(r -> r.target() + "←" + r.expression()).toList())
                .contains("customerCode←supplierid_number", "nickname←supplierid_name");
        assertThat(GridKt._getFormatted(mapping, 0, "target")).isEqualTo("客户编号（customerCode）");

        // and the versions are listed newest first, with the origin and who imported them
        @SuppressWarnings("unchecked")
        Grid<TemplateVersionView> versions = (Grid<TemplateVersionView>) _get(Component.class,
                spec -> spec.withId("details-versions"));
        assertThat(GridKt._size(versions)).isEqualTo(2);
        assertThat(GridKt._getFormatted(versions, 1, "version")).isEqualTo("v1");
        assertThat(GridKt._getFormatted(versions, 1, "origin")).isEqualTo("导入");

        // and comparing the first with the current one shows the changed description
        _click((Button) GridKt._getCellComponent(versions, 1, "compare"));
        assertThat(_get(Div.class, spec -> spec.withId("details-diff")).getElement().getTextRecursively())
                .contains("+ ").contains("第二版的说明");
    }

    @Test
    void aMappingThatIsNoTableIsShownAsItsExpressionReadOnly() {
        // given a template whose mapping is a conditional, not an object
        imported(SEED, "conditional-mapping", file -> ((ObjectNode) file.path("solution").path("target"))
                .put("mapping", "billno = \"X\" ? {\"customerCode\": supplierid_number}"
                        + " : {\"customerCode\": supplierid_number, \"nickname\": supplierid_name}"));

        // when its details page is opened
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("templates/conditional-mapping");

        // then the JSONata text is shown, read-only, and no table
        TextArea text = _get(TextArea.class, spec -> spec.withId("details-mapping-text"));
        assertThat(text.isReadOnly()).isTrue();
        assertThat(text.getValue()).startsWith("billno = \"X\"");
        _assertNone(Component.class, spec -> spec.withId("details-mapping"));
    }

    @Test
    void anUnknownTemplateLeadsToTheGalleryWithAChineseNotice() {
        // when a template id nobody has is opened
        MockUi.start(context, "viewer", Role.VIEWER);
        UI.getCurrent().navigate("templates/no-such-template");

        // then the gallery shows, with a notice naming the id
        assertThat(currentPath()).isEqualTo("templates");
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .isEqualTo("没有编号为“no-such-template”的模板，可能已被删除。下面是模板市场。"));
    }

    @Test
    void aCopyPutsTheValueEnteredForAnInputIntoTheNewSolution() {
        // given the wizard of the audited-bills template, its inputs filled with their defaults
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-" + AUDITED)));
        TextField status = _get(TextField.class, spec -> spec.withId("copy-input-source-params-billstatus"));
        assertThat(status.getValue()).isEqualTo("C");
        assertThat(status.isRequiredIndicatorVisible()).isTrue();
        assertThat(status.getLabel()).isEqualTo("单据状态（C = 已审核）");

        // when another bill status and a start are entered and the copy confirmed
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "暂存单的客户");
        _setValue(status, "A");
        _setValue(_get(TextField.class, spec -> spec.withId("copy-input-window-start")), "P7D");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the new solution reads bills of that status from that start, and stays disabled
        SolutionView created = solutions.list().stream().filter(s -> s.name().equals("暂存单的客户")).findFirst()
                .orElseThrow();
        assertThat(created.spec().source().params().get("billstatus").asText()).isEqualTo("A");
        assertThat(created.spec().window().start()).isEqualTo("P7D");
        assertThat(created.enabled()).isFalse();
    }

    @Test
    void aRequiredInputLeftEmptyIsMarkedAndNothingIsCreated() {
        // given a template of ours whose bill status has no default
        imported(AUDITED, "asks-for-status", file -> ((ObjectNode) file.path("inputs").get(0)).remove("default"));
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-asks-for-status")));

        // when it is copied without a status
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the field says what to fill, in Chinese, and no solution was made
        TextField status = _get(TextField.class, spec -> spec.withId("copy-input-source-params-billstatus"));
        assertThat(status.isInvalid()).isTrue();
        assertThat(status.getErrorMessage()).contains("请填写“单据状态（C = 已审核）”");
        assertThat(solutions.list()).isEmpty();
        _get(Dialog.class, spec -> spec.withId("copy-dialog"));
    }

    @Test
    void aDryRunRightAfterCopyingNeedsBothConnectionsAndCreatesNothingWithout() {
        // given the wizard of the seed template without connections
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // when "dry run right away" is chosen and confirmed
        @SuppressWarnings("unchecked")
        var after = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<CopyWizard.After>) _get(Component.class,
                spec -> spec.withId("copy-after"));
        _setValue(after, CopyWizard.After.DRY_RUN);
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then both pickers ask for a connection and nothing is created
        assertThat(picker("copy-source").isInvalid()).isTrue();
        assertThat(picker("copy-source").getErrorMessage()).isEqualTo("立即试运行需要选好两端的连接");
        assertThat(picker("copy-target").isInvalid()).isTrue();
        assertThat(solutions.list()).isEmpty();
    }

    @Test
    void anImportThatIsNoTemplateIsRefusedInChineseAndStoresNothing() {
        // given the gallery as it is
        List<String> before = templates.list().stream().map(SolutionTemplate::id).toList();
        openGalleryAs(Role.ADMIN);

        // when a file that is no template is uploaded
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("template-import")), "notes.json",
                "application/json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));

        // then the notice names the file and says what is wrong in Chinese, and nothing was stored
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("模板文件“notes.json”没有导入").contains("这不是云桥的方案模板文件"));
        assertThat(templates.list().stream().map(SolutionTemplate::id).toList()).isEqualTo(before);
    }

    @Test
    void anImportedFileAppearsAsACardNamedInTheNotice() {
        // given the file of a built-in template under an id of ours
        ObjectNode file = file(SEED, "from-a-colleague");
        openGalleryAs(Role.ADMIN);

        // when it is uploaded
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("template-import")), "colleague.template.json",
                "application/json", file.toString().getBytes(StandardCharsets.UTF_8));

        // then it is stored, shown as a card, and the notice names it; a second upload stores nothing and says so
        assertThat(templates.get("from-a-colleague").origin().name()).isEqualTo("IMPORTED");
        _get(Div.class, spec -> spec.withId("template-from-a-colleague"));
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .isEqualTo("已导入模板“" + templates.get(SEED).title().zh() + "”（v1）"));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("template-import")), "colleague.template.json",
                "application/json", file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("已有和文件完全相同的版本 v1"));
        assertThat(templates.versions("from-a-colleague")).hasSize(1);
    }

    @Test
    void aFileWhoseIdIsTakenOffersANewVersionOrANewId() {
        // given a template of ours, and a different file with its id
        imported(SEED, "taken-id", file -> { });
        ObjectNode other = file(SEED, "taken-id");
        ((ObjectNode) other.path("title")).put("zh", "别人的模板");
        openGalleryAs(Role.ADMIN);

        // when the file is uploaded
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("template-import")), "other.template.json",
                "application/json", other.toString().getBytes(StandardCharsets.UTF_8));

        // then nothing is stored yet, and the dialog says why and offers both ways
        assertThat(templates.versions("taken-id")).hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-conflict-reason")).getText())
                .contains("作为新版本导入");

        // and when a new id is given and chosen
        _setValue(_get(TextField.class, spec -> spec.withId("import-new-id")), "others-template");
        _click(_get(Button.class, spec -> spec.withId("import-as-new-id")));

        // then the file is stored under it, and ours is unchanged
        assertThat(templates.get("others-template").title().zh()).isEqualTo("别人的模板");
        assertThat(templates.get("taken-id").title().zh()).isEqualTo(templates.get(SEED).title().zh());
        _assertNone(Dialog.class, spec -> spec.withId("import-conflict"));
    }

    @Test
    void anAdministratorDeletesAStoredTemplateAfterConfirming() {
        // given a template of ours
        imported(SEED, "to-delete", file -> { });
        openGalleryAs(Role.ADMIN);

        // when it is deleted and the deletion confirmed
        _click(_get(Button.class, spec -> spec.withId("delete-to-delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("template-delete-confirm")));

        // then it is gone from the store and the gallery; built-in templates have no delete button
        assertThat(templates.list()).extracting(SolutionTemplate::id).doesNotContain("to-delete");
        _assertNone(Div.class, spec -> spec.withId("template-to-delete"));
        _assertNone(Button.class, spec -> spec.withId("delete-" + SEED));
    }

    @Test
    void aDryRunRightAfterCopyingStartsOnTheNewDisabledSolutionAndShowsTheRun() throws InterruptedException {
        // given connections to the sandboxes, and the wizard of the seed template
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";
        connections.create(new ConnectionDraft("金蝶沙箱", "kingdee-jdy", Map.of("baseUrl", sandbox + "/kingdee",
                "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo", "password",
                "demo-pass")));
        connections.create(new ConnectionDraft("吉客云沙箱", "jackyun", Map.of("baseUrl",
                sandbox + "/jackyun/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0")));
        openGalleryAs(Role.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));

        // when both connections are chosen with "dry run right away" and the copy confirmed
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "复制后试运行");
        ComboBoxKt.selectByLabel(picker("copy-source"), "金蝶沙箱");
        ComboBoxKt.selectByLabel(picker("copy-target"), "吉客云沙箱");
        @SuppressWarnings("unchecked")
        var after = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<CopyWizard.After>) _get(Component.class,
                spec -> spec.withId("copy-after"));
        _setValue(after, CopyWizard.After.DRY_RUN);
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the run page of a dry run of the new solution is open, and the solution is still disabled
        SolutionView created = solutions.list().stream().filter(s -> s.name().equals("复制后试运行")).findFirst()
                .orElseThrow();
        assertThat(currentPath()).startsWith("runs/");
        long runId = Long.parseLong(currentPath().substring("runs/".length()));
        Run run = history.run(runId).orElseThrow();
        assertThat(run.getSolutionId()).isEqualTo(created.id());
        assertThat(run.isDryRun()).isTrue();
        assertThat(solutions.get(created.id()).enabled()).isFalse();
        // the run goes on in the background: it is let finish, so that the next test starts on a quiet platform
        for (int i = 0; i < 600 && history.run(runId).orElseThrow().getStatus() == RunStatus.RUNNING; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void exportDownloadsTheTemplateFile() {
        // given the gallery, when the export link of the seed template is followed
        openGalleryAs(Role.VIEWER);
        Anchor export = _get(Anchor.class, spec -> spec.withId("export-" + SEED));

        // then it serves the template's file
        assertThat(new String(DownloadKt._download(export), StandardCharsets.UTF_8))
                .isEqualTo(templates.export(SEED, null));
    }

    @Test
    void theDetailsPageSaysWhatACopyAsksForAndWhichValueMapsComeAlong() {
        // when the details of the template that ships a value map are opened by an administrator
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("templates/" + TYPED);

        // then its inputs are listed with their defaults, the shipped table with its entry count, and copy is offered
        @SuppressWarnings("unchecked")
        Grid<io.yunqiao.template.TemplateInput> inputs = (Grid<io.yunqiao.template.TemplateInput>) _get(
                Component.class, spec -> spec.withId("details-inputs"));
        assertThat(GridKt._size(inputs)).isEqualTo(1);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("details-value-maps")).getElement().getTextRecursively())
                .isEqualTo("随模板复制：金蝶采购业务类型（2 条对照）");
        assertThat(_get(Button.class, spec -> spec.withId("details-copy")).isEnabled()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("details-delete"));
    }
}
