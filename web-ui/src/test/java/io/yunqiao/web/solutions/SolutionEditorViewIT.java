package io.yunqiao.web.solutions;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionVersion;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.mapping.JsonataEditor;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.shell.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The solution editor, server-side (Karibu), on the seed template bound to the mounted sandboxes: what it loads,
 * the live mapping workbench, cron checks, saving as versions, diff and restore, alerts.
 */
@SharedPlatform
// Karibu's lookups by class literal (_get(Grid.class, spec -> …)) give their lambdas raw component types
@SuppressWarnings("rawtypes")
class SolutionEditorViewIT {

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

    @Autowired
    MappingEngine mappingEngine;

    @Autowired
    SourceSamples samples;

    private SandboxFixture sandboxes;
    private SolutionView seed;

    @BeforeEach
    void seedSolutionOnTheSandboxes() {
        sandboxes = new SandboxFixture(port, connections, solutions, templates, history).fresh();
        seed = sandboxes.seed("种子方案");
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private void openAsAdmin() {
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/" + seed.id());
    }

    private static void tab(String name) {
        _get(Tabs.class, spec -> spec.withId("editor-tabs")).setSelectedTab(_get(Tab.class,
                spec -> spec.withId("tab-" + name)));
    }

    private static JsonataEditor editor() {
        return _get(JsonataEditor.class, spec -> spec.withId("mapping-editor"));
    }

    /** The output as shown; empty when there is none (the output is then hidden). */
    private static String output() {
        return _find(Pre.class, spec -> spec.withId("mapping-output")).stream().map(Pre::getText).findFirst()
                .orElse("");
    }

    /** The error box, if shown. */
    private static Optional<Div> errorBox() {
        return _find(Div.class, spec -> spec.withId("mapping-error")).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Grid<FieldDefinition> targetFields() {
        return _get(Grid.class, spec -> spec.withId("target-fields"));
    }

    /** The "mapped" cell of a target field, as the list shows it. */
    private static String mapped(String field) {
        Grid<FieldDefinition> grid = targetFields();
        List<FieldDefinition> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(field)) {
                return GridKt._getFormatted(grid, i, "mapped");
            }
        }
        throw new AssertionError("no target field " + field + " in " + rows);
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> Notices.text(n)).toList();
    }

    /** Presses save for a spec the save's checks refuse: no comment is asked for. */
    private static void saveRefused() {
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        assertThat(_find(TextField.class, spec -> spec.withId("save-comment"))).isEmpty();
    }

    private void save(String comment) {
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        _setValue(_get(TextField.class, spec -> spec.withId("save-comment")), comment);
        _click(_get(Button.class, spec -> spec.withId("save-confirm")));
    }

    @Test
    void loadsACopiedTemplateWithItsConnectionsOperationsParametersAndMapping() {
        // given the seed template copied onto the sandbox connections
        openAsAdmin();

        // then the source shows the Kingdee connection, the purchase inbound query and the window variables
        tab("source");
        ComboBox<?> sourceConnection = _get(ComboBox.class, spec -> spec.withId("source-connection"));
        assertThat(((ConnectionView) sourceConnection.getValue()).id()).isEqualTo(sandboxes.kingdee);
        ComboBox<?> sourceOperation = _get(ComboBox.class, spec -> spec.withId("source-operation"));
        assertThat(((OperationDefinition) sourceOperation.getValue()).id()).isEqualTo(SandboxFixture.SOURCE_OPERATION);
        assertThat(_get(TextField.class, spec -> spec.withId("param-begintime")).getValue())
                .isEqualTo("{{LAST_SYNC_TIME|ms}}");
        assertThat(_get(TextField.class, spec -> spec.withId("param-expiretime")).getValue())
                .isEqualTo("{{CURRENT_TIME|ms}}");
        assertThat(_get(TextField.class, spec -> spec.withId("dedupe-target-key")).getValue())
                .isEqualTo("customerCode");
        // and the target the Jackyun customer add
        tab("target");
        ComboBox<?> targetOperation = _get(ComboBox.class, spec -> spec.withId("target-operation"));
        assertThat(((OperationDefinition) targetOperation.getValue()).id()).isEqualTo("crm.customer.add");
        // and the mapping editor the template's mapping, with the schedule described in words
        tab("mapping");
        assertThat(editor().getValue()).isEqualTo(seed.spec().target().mapping());
        tab("schedule");
        assertThat(_get(Span.class, spec -> spec.withId("cron-description")).getText())
                .isEqualTo("每分钟");
        assertThat(_get(Div.class, spec -> spec.withId("cron-next")).getElement().getTextRecursively())
                .matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:00.*");
    }

    @Test
    void theWindowFieldsSayWhatTheirValuesMeanInWords() {
        // given the seed's window (P30D, 300 seconds overlap, 744 hours at most), when its source tab is opened
        openAsAdmin();
        tab("source");

        // then each field says in words what its value means
        TextField start = _get(TextField.class, spec -> spec.withId("window-start"));
        assertThat(start.getHelperText()).startsWith("即：30 天前。");
        assertThat(_get(IntegerField.class, spec -> spec.withId("window-overlap")).getHelperText())
                .startsWith("即：5 分钟。");
        assertThat(_get(IntegerField.class, spec -> spec.withId("window-max-hours")).getHelperText())
                .startsWith("即：最多 31 天一段。");

        // and when the start is changed to a date-time, the words follow; for an unreadable one only the help stays
        start.setValue("2026-11-01T00:00:00+08:00");
        assertThat(start.getHelperText()).startsWith("即：从 2026-11-01 00:00（+08:00）起。");
        start.setValue("last month");
        assertThat(start.getHelperText()).startsWith("P30D 表示 30 天前");
    }

    @Test
    void editingTheMappingUpdatesTheOutputAndTheTargetFieldList() {
        // given the mapping tab of the seed solution, working on the example made from the source fields
        openAsAdmin();
        tab("mapping");
        assertThat(mapped("customerCode")).isEqualTo("✓");
        assertThat(mapped("nickname")).isEqualTo("✓");

        // when the mapping stops filling the required nickname and adds a fixed phone
        _setValue(editor(), "{ \"customerCode\": supplierid_number, \"phone\": \"0571-1234\" }");

        // then the output shows the new body at once
        assertThat(output()).contains("\"phone\" : \"0571-1234\"").doesNotContain("nickname");
        // and the target field list marks nickname as missing while phone is mapped
        assertThat(mapped("nickname")).isEqualTo("缺少必填");
        assertThat(mapped("phone")).isEqualTo("✓");
        // and the problems name the missing field, one line each
        Div problems = _get(Div.class, spec -> spec.withId("mapping-problems"));
        assertThat(problems.getChildren().filter(c -> c.hasClassName("yq-mapping-problem")))
                .singleElement().satisfies(line -> assertThat(line.getElement().getTextRecursively())
                        .contains("nickname").contains("缺少必填字段"));
    }

    @Test
    void aSyntaxErrorShowsTheExactMessageWithLineAndColumn() {
        // given the mapping tab
        openAsAdmin();
        tab("mapping");
        String broken = "{\n  \"customerCode\": supplierid_number,\n  \"nickname\": ]\n}";
        MappingSyntaxException expected = catchThrowableOfType(MappingSyntaxException.class,
                () -> mappingEngine.compile(broken));
        assertThat(expected.line()).isEqualTo(3);

        // when a syntax error is typed on line 3
        _setValue(editor(), broken);

        // then the error box shows the engine's message and where it is
        assertThat(errorBox()).hasValueSatisfying(box -> assertThat(box.getElement().getTextRecursively())
                .contains("第 3 行，第 " + expected.column() + " 列")
                .contains(expected.getMessage()));
        assertThat(output()).isEmpty();

        // and fixing it clears the error and brings the output back
        _setValue(editor(), "{ \"customerCode\": supplierid_number, \"nickname\": supplierid_name }");
        assertThat(errorBox()).isEmpty();
        assertThat(output()).contains("customerCode");
    }

    @Test
    void clickingASourceFieldInsertsItsPathAtTheCursor() {
        // given an empty object in the editor, the cursor reported after "{ "nickname": "
        openAsAdmin();
        tab("mapping");
        JsonObject typed = Json.createObject();
        typed.put("event.detail.value", "{ \"nickname\":  }");
        typed.put("event.detail.cursor", 14);
        ElementUtilsKt._fireDomEvent(editor().getElement(), new DomEvent(editor().getElement(), "jsonata-change",
                typed));

        // when the supplier name field is clicked in the source field tree
        @SuppressWarnings("unchecked")
        TreeGrid<Object> tree = _get(TreeGrid.class, spec -> spec.withId("source-fields"));
        List<Object> roots = GridKt._getRootItems(tree);
        int row = -1;
        for (int i = 0; i < roots.size(); i++) {
            if (roots.get(i).toString().contains("path=supplierid_name,")) {
                row = i;
            }
        }
        GridKt._clickItem(tree, row);

        // then its path is in the mapping where the cursor was, and the output has the supplier name
        assertThat(editor().getValue()).isEqualTo("{ \"nickname\": supplierid_name }");
        assertThat(output()).contains("\"nickname\" : \"供应商名称\"");
    }

    /** Refuses a save for a cron with a minute of 61 and answers the request; the refusal notice shown. */
    private Notification refusedSave() {
        tab("schedule");
        _setValue(_get(TextField.class, spec -> spec.withId("cron")), "0 61 * * * ?");
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        Notification refusal = NotificationsKt.getNotifications().stream()
                .filter(n -> Notices.text(n).contains("未保存")).findFirst().orElseThrow();
        MockVaadin.clientRoundtrip();
        return refusal;
    }

    @Test
    void aRefusalNoticeClosesWithItsCloseButton() {
        // given a refused save's notice
        openAsAdmin();
        Notification refusal = refusedSave();

        // when its close button is pressed
        _click(_get(refusal, Button.class, spec -> spec.withClasses("yq-notice-close")));

        // then it is closed
        assertThat(refusal.isOpened()).isFalse();
    }

    @Test
    void aSuccessfulSaveClosesTheEarlierRefusal() {
        // given a refused save's notice
        openAsAdmin();
        Notification refusal = refusedSave();

        // when the cron is corrected and the save passes
        _setValue(_get(TextField.class, spec -> spec.withId("cron")), "0 0 * * * ?");
        save("每小时");

        // then the refusal is gone and the save is announced
        assertThat(refusal.isOpened()).isFalse();
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("已保存"));
    }

    @Test
    void aRefusalDoesNotFollowTheUserToAnotherScreen() {
        // given a refused save's notice
        openAsAdmin();
        Notification refusal = refusedSave();

        // when the user opens the runs screen, leaving the unsaved edit
        UI.getCurrent().navigate("runs");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("leave-confirm")));
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("runs");

        // then the refusal is closed
        assertThat(refusal.isOpened()).isFalse();
    }

    @Test
    void aSaveTheValidatorRefusesAsksForNoCommentAndMarksTheField() {
        // given a detail lookup whose parameter does not parse (only the save's validator sees it)
        openAsAdmin();
        tab("source");
        _click(_get(Button.class, spec -> spec.withId("detail-add")));
        _setValue(detailOperation(0), "jdy/pur/pur_inbound_detail");
        _setValue(detailParam(0, "id"), "id &");

        // when save is pressed
        _click(_get(Button.class, spec -> spec.withId("save-solution")));

        // then no comment dialog opens, the refusal is shown on the parameter, and nothing is saved
        assertThat(_find(TextField.class, spec -> spec.withId("save-comment"))).isEmpty();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("未保存"));
        assertThat(detailParam(0, "id").isInvalid()).isTrue();
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
    }

    @Test
    void aCancelledSavesCommentIsNotOfferedForTheNextSave() {
        // given a comment typed into the save dialog and then cancelled
        openAsAdmin();
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        _setValue(_get(TextField.class, spec -> spec.withId("save-comment")), "作废的备注");
        _click(_get(Button.class, spec -> spec.withId("save-cancel")));

        // when save is pressed again
        _click(_get(Button.class, spec -> spec.withId("save-solution")));

        // then the comment field is empty
        assertThat(_get(TextField.class, spec -> spec.withId("save-comment")).getValue()).isEmpty();
    }

    @Test
    void theScheduleSaysInWordsWhetherItIsOnOrOff() {
        // given the schedule of the seed solution, copied switched off
        openAsAdmin();
        tab("schedule");
        Span state = _get(Span.class, spec -> spec.withId("schedule-state"));
        assertThat(state.getText()).isEqualTo("已停用");

        // when the schedule is switched on, then it reads 已启用
        _setValue(_get(Checkbox.class, spec -> spec.withId("schedule-enabled")), true);
        assertThat(state.getText()).isEqualTo("已启用");
    }

    @Test
    void aBadCronShowsQuartzsReasonOnTheFieldAndSaveIsRefused() {
        // given the schedule tab
        openAsAdmin();
        tab("schedule");
        TextField cron = _get(TextField.class, spec -> spec.withId("cron"));

        // when a minute of 61 is typed
        _setValue(cron, "0 61 * * * ?");

        // then the field is invalid at once with the parser's reason
        assertThat(cron.isInvalid()).isTrue();
        assertThat(cron.getErrorMessage()).contains("cron 表达式“0 61 * * * ?”无效")
                .contains("Minute and Second values must be between 0 and 59");

        // and saving is refused with that reason, nothing saved and nothing typed lost
        tab("mapping");
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        assertThat(_find(TextField.class, spec -> spec.withId("save-comment"))).isEmpty();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("未保存")
                .contains("Minute and Second values must be between 0 and 59"));
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(cron.getValue()).isEqualTo("0 61 * * * ?");
    }

    @Test
    void aCronFiringEverySecondShowsTheMinimumIntervalOnTheField() {
        // given the schedule tab
        openAsAdmin();
        tab("schedule");
        TextField cron = _get(TextField.class, spec -> spec.withId("cron"));

        // when a cron firing every second is typed
        _setValue(cron, "* * * * * ?");

        // then the field is invalid at once with the reason saving would give: the minimum interval
        assertThat(cron.isInvalid()).isTrue();
        assertThat(cron.getErrorMessage()).contains("太频繁").contains("60 秒")
                .contains("yunqiao.limits.min-schedule-interval");
    }

    @Test
    void savingAGoodChangeCreatesVersion2WithTheComment() {
        // given the seed solution at version 1
        openAsAdmin();
        tab("schedule");

        // when the schedule is changed to every 5 minutes and saved with a comment
        _setValue(_get(TextField.class, spec -> spec.withId("cron")), "0 */5 * * * ?");
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).hasSize(1);
        assertThat(_get(Span.class, spec -> spec.withId("cron-description")).getText()).isEqualTo("每 5 分钟");
        save("每 5 分钟一次");

        // then version 2 is current with the new cron and the comment
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(solutions.current(seed.id()).spec().schedule().cron()).isEqualTo("0 */5 * * * ?");
        assertThat(solutions.versions(seed.id()).get(0).getComment()).isEqualTo("每 5 分钟一次");
        assertThat(_get(Span.class, spec -> spec.withId("editor-version")).getText())
                .contains("2");
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).isEmpty();
    }

    @Test
    void savingInTheEditorKeepsLinesDetailsAndTheAlreadyExistsPolicySetElsewhere() {
        // given the seed solution split into lines, with an update policy, set through the API (no section edits them)
        SolutionSpec shaped = solutions.get(seed.id()).spec()
                .withSplit(new SolutionSpec.Split("material_entity", null))
                .withExisting(new SolutionSpec.Existing(SolutionSpec.Existing.Policy.SKIP, null, null));
        solutions.update(seed.id(), shaped, "明细拆分");
        openAsAdmin();
        tab("schedule");

        // when only the schedule is changed and saved
        _setValue(_get(TextField.class, spec -> spec.withId("cron")), "0 */5 * * * ?");
        save("每 5 分钟一次");

        // then the new version still splits into lines and skips what already exists
        SolutionSpec saved = solutions.current(seed.id()).spec();
        assertThat(saved.schedule().cron()).isEqualTo("0 */5 * * * ?");
        assertThat(saved.split()).isEqualTo(new SolutionSpec.Split("material_entity", null));
        assertThat(saved.existing().policy()).isEqualTo(SolutionSpec.Existing.Policy.SKIP);
        // and the source and target tabs show them on their controls
        tab("source");
        assertThat(_get(Checkbox.class, spec -> spec.withId("split-on")).getValue()).isTrue();
        assertThat(splitPath().getValue()).isEqualTo("material_entity");
        tab("target");
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.SKIP);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> splitPath() {
        return _get(ComboBox.class, spec -> spec.withId("split-path"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<SolutionSpec.Existing.Policy> existingPolicy() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("existing-policy"));
    }

    private static String sampleJson() {
        return _get(TextArea.class, spec -> spec.withId("sample-json")).getValue();
    }

    @Test
    void choosingTheLinesToSplitOnTheSourceTabPreviewsOneLineAndSavesTheSplit() {
        // given the seed solution, which maps whole purchase bills, with a search for bills typed
        openAsAdmin();
        tab("source");
        _setValue(_get(TextField.class, spec -> spec.withId("param-search")), "CGRK");

        // when 商品分录 is chosen as the lines to split, among the source's array fields
        _setValue(_get(Checkbox.class, spec -> spec.withId("split-on")), true);
        assertThat(splitPath().getListDataView().getItems()).contains("material_entity");
        assertThat(splitPath().getItemLabelGenerator().apply("material_entity"))
                .isEqualTo("商品分录 (material_entity)");
        _setValue(splitPath(), "material_entity");

        // then a sentence says what happens to the records
        assertThat(_get(Paragraph.class, spec -> spec.withId("split-explanation")).getText())
                .contains("商品分录").contains("拆成一条数据");
        // and the example the mapping is tried on is one line: the lines field holds one object
        tab("mapping");
        assertThat(parse(sampleJson()).path("material_entity").isObject()).isTrue();

        // and live samples are lines, the mapping reading one line's fields
        _setValue(editor(), "{ \"customerCode\": supplierid_number & \"-\" & material_entity.seq,"
                + " \"nickname\": material_entity.materialid_name }");
        _click(_get(Button.class, spec -> spec.withId("sample-fetch")));
        JsonNode line = parse(sampleJson());
        assertThat(line.path("billno").asText()).startsWith("CGRK-");
        assertThat(line.path("material_entity").isObject()).isTrue();
        assertThat(parse(output()).path("nickname").asText())
                .isEqualTo(line.path("material_entity").path("materialid_name").asText()).isNotEmpty();

        // when saved, then the new version splits by material_entity, with the line number as line key
        save("明细拆分");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(solutions.current(seed.id()).spec().split())
                .isEqualTo(new SolutionSpec.Split("material_entity", null));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> detailOperation(int i) {
        return _get(ComboBox.class, spec -> spec.withId("detail-operation-" + i));
    }

    private static TextField detailParam(int i, String param) {
        return _get(TextField.class, spec -> spec.withId("detail-" + i + "-param-" + param));
    }

    @Test
    void aDetailLookupAddedOnTheSourceTabIsSavedWithItsOperationAndParameters() {
        // given the seed solution open on the source tab
        openAsAdmin();
        tab("source");

        // when a detail lookup is added, the bill detail chosen among the source connector's query operations,
        // and its bill number parameter picked from the source fields
        _click(_get(Button.class, spec -> spec.withId("detail-add")));
        assertThat(detailOperation(0).getListDataView().getItems())
                .contains("jdy/pur/pur_inbound_detail", "jdy/basedata/material_list");
        _setValue(detailOperation(0), "jdy/pur/pur_inbound_detail");
        @SuppressWarnings("unchecked")
        ComboBox<String> pick = _get(ComboBox.class, spec -> spec.withId("detail-0-pick-number"));
        _setValue(pick, "billno");
        assertThat(detailParam(0, "number").getValue()).isEqualTo("billno");
        assertThat(detailParam(0, "id").getValue()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("details-explanation")).getText())
                .contains("映射之前").contains("失败");

        // when saved, then the new version looks the detail up under its name, on the source connection
        save("关联查询");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(solutions.current(seed.id()).spec().details()).containsExactly(new SolutionSpec.Detail(
                "detail", null, null, "jdy/pur/pur_inbound_detail", Map.of("number", "billno"), false));
    }

    private static TextArea filterCondition() {
        return _get(TextArea.class, spec -> spec.withId("filter-condition"));
    }

    @Test
    void aRecordFilterTypedOnTheSourceTabIsSavedAndThePreviewSaysWhenItsSampleWouldBeSkipped() {
        // given the seed solution's mapping previewed on the example record
        openAsAdmin();
        tab("mapping");
        assertThat(_get(Span.class, spec -> spec.withId("mapping-output-note")).getText())
                .doesNotContain("不符合筛选条件");

        // when a filter the example does not meet is typed on the source tab
        tab("source");
        _setValue(filterCondition(), "supplierid_number = \"没有这个供应商\"");
        tab("mapping");

        // then the preview says the sample would be skipped, and the output is still shown
        assertThat(_get(Span.class, spec -> spec.withId("mapping-output-note")).getText())
                .contains("此记录不符合筛选条件，将跳过");
        assertThat(output()).contains("customerCode");

        // and when saved, the filter is part of the new version
        save("只同步一个供应商");
        assertThat(solutions.get(seed.id()).spec().filter()).isEqualTo("supplierid_number = \"没有这个供应商\"");
    }

    @Test
    void aRecordFilterThatDoesNotParseIsMarkedAtTheFieldAndASaveIsRefusedThereKeepingTheInput() {
        // given a filter whose text is not closed
        openAsAdmin();
        tab("source");
        _setValue(filterCondition(), "supplierid_number != \"");

        // then the field says so at once, with the spot and the cause
        assertThat(filterCondition().isInvalid()).isTrue();
        assertThat(filterCondition().getErrorMessage()).contains("筛选条件", "第 1 行", "引号");

        // when saved from another tab, then the refusal is on the filter, nothing is saved, the input is kept
        tab("mapping");
        saveRefused();
        assertThat(_get(Tabs.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId())
                .hasValue("tab-source");
        assertThat(filterCondition().isInvalid()).isTrue();
        assertThat(filterCondition().getValue()).isEqualTo("supplierid_number != \"");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
    }

    @Test
    void aDetailParameterThatDoesNotParseIsRefusedOnThatParameterAndTheInputIsKept() {
        // given a detail lookup by bill id whose expression is cut short
        openAsAdmin();
        tab("source");
        _click(_get(Button.class, spec -> spec.withId("detail-add")));
        _setValue(detailOperation(0), "jdy/pur/pur_inbound_detail");
        _setValue(detailParam(0, "id"), "id &");
        tab("mapping");

        // when saved, then the refusal is on that parameter, on the source tab, and nothing is saved
        saveRefused();
        assertThat(detailParam(0, "id").isInvalid()).isTrue();
        assertThat(detailParam(0, "id").getErrorMessage()).contains("detail").contains("id").contains("第 1 行");
        assertThat(_get(Tabs.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId())
                .hasValue("tab-source");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        // and what was typed is still there
        assertThat(detailParam(0, "id").getValue()).isEqualTo("id &");
        assertThat(detailOperation(0).getValue()).isEqualTo("jdy/pur/pur_inbound_detail");
    }

    @Test
    void thePreviewOfAFetchedSampleShowsTheDetailsAnswerAndTheFieldsOfferItsFields() {
        // given a detail lookup of each bill by its number, added on the source tab
        openAsAdmin();
        tab("source");
        _setValue(_get(TextField.class, spec -> spec.withId("param-search")), "CGRK");
        _click(_get(Button.class, spec -> spec.withId("detail-add")));
        _setValue(detailOperation(0), "jdy/pur/pur_inbound_detail");
        _setValue(detailParam(0, "number"), "billno");

        // when the mapping reads the detail, then the example record already has an example answer
        tab("mapping");
        _setValue(editor(), "{ \"customerCode\": billno, \"nickname\": detail.supplierid_name }");
        assertThat(parse(sampleJson()).path("detail").isObject()).isTrue();

        // when live samples are fetched
        _click(_get(Button.class, spec -> spec.withId("sample-fetch")));

        // then the sample has the detail's real answer merged under its name, and the output maps it
        JsonNode bill = parse(sampleJson());
        assertThat(bill.path("detail").path("billno").asText()).isEqualTo(bill.path("billno").asText())
                .startsWith("CGRK");
        assertThat(parse(output()).path("nickname").asText())
                .isEqualTo(bill.path("detail").path("supplierid_name").asText()).isNotEmpty();

        // and the source fields and the mapping table's picker offer the detail and its fields
        @SuppressWarnings("unchecked")
        TreeGrid<Object> tree = _get(TreeGrid.class, spec -> spec.withId("source-fields"));
        assertThat(GridKt._getRootItems(tree)).anySatisfy(node -> assertThat(node.toString()).contains("path=detail,"));
        @SuppressWarnings("unchecked")
        ComboBox<String> nickname = _get(ComboBox.class, spec -> spec.withId("mapping-source-nickname"));
        assertThat(nickname.getListDataView().getItems()).contains("detail", "detail.supplierid_name", "billno");
    }

    @Test
    void aDetailTheVendorRefusesInThePreviewIsSaidAndTheSamplesAreShownWithoutIt() {
        // given a detail lookup of a bill the vendor does not have, and an operation's page parameters not offered
        openAsAdmin();
        tab("source");
        _click(_get(Button.class, spec -> spec.withId("detail-add")));
        _setValue(detailOperation(0), "jdy/basedata/material_list");
        assertThat(_find(TextField.class, spec -> spec.withId("detail-0-param-page"))).isEmpty();
        _setValue(detailOperation(0), "jdy/pur/pur_inbound_detail");
        _setValue(detailParam(0, "id"), "\"42\"");

        // when live samples are fetched
        tab("mapping");
        _click(_get(Button.class, spec -> spec.withId("sample-fetch")));

        // then the refusal is said with the vendor's words, and the samples are shown as fetched
        assertThat(_get(Span.class, spec -> spec.withId("sample-origin")).getText()).contains("关联查询")
                .contains("单据不存在");
        JsonNode bill = parse(sampleJson());
        assertThat(bill.path("billno").asText()).startsWith("CGRK");
        assertThat(bill.has("detail")).isFalse();
    }

    @Test
    void countingWhatAlreadyExistsAsSkippedIsChosenOnTheTargetTabAndSaved() {
        // given the seed solution set to fail what already exists
        solutions.update(seed.id(), solutions.get(seed.id()).spec().withExisting(SolutionSpec.Existing.FAIL),
                "失败");
        openAsAdmin();
        tab("target");
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.FAIL);

        // when 计为已存在 is chosen, its sentence saying what happens to the record, and saved
        assertThat(existingPolicy().getItemLabelGenerator().apply(SolutionSpec.Existing.Policy.SKIP))
                .isEqualTo("计为已存在（跳过）");
        _setValue(existingPolicy(), SolutionSpec.Existing.Policy.SKIP);
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).hasSize(1);
        save("已存在时跳过");

        // then the new version skips what already exists
        assertThat(solutions.get(seed.id()).version()).isEqualTo(3);
        assertThat(solutions.current(seed.id()).spec().existing())
                .isEqualTo(new SolutionSpec.Existing(SolutionSpec.Existing.Policy.SKIP, null, null));
    }

    @Test
    void anUpdateWithoutItsMappingIsRefusedOnTheUpdateMappingAndKeepsTheInput() {
        // given 更新 chosen on the target tab with the customer update, the write operation not offered
        openAsAdmin();
        tab("target");
        _setValue(existingPolicy(), SolutionSpec.Existing.Policy.UPDATE);
        @SuppressWarnings("unchecked")
        ComboBox<String> operation = _get(ComboBox.class, spec -> spec.withId("existing-operation"));
        assertThat(operation.getListDataView().getItems()).contains("crm.customer.update")
                .doesNotContain("crm.customer.add");
        _setValue(operation, "crm.customer.update");
        tab("mapping");

        // when it is saved without an update mapping
        saveRefused();

        // then the refusal is on the update mapping, on the target tab; nothing is saved, the choices stay
        TextArea mapping = _get(TextArea.class, spec -> spec.withId("existing-mapping"));
        assertThat(mapping.isInvalid()).isTrue();
        assertThat(mapping.getErrorMessage()).contains("更新映射");
        assertThat(_get(Tabs.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId())
                .hasValue("tab-target");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.UPDATE);
        assertThat(operation.getValue()).isEqualTo("crm.customer.update");

        // and a mapping that does not parse is refused there with its line, the text kept as typed
        _setValue(mapping, "{ \"customerCode\": }");
        saveRefused();
        assertThat(mapping.isInvalid()).isTrue();
        assertThat(mapping.getErrorMessage()).contains("第 1 行");
        assertThat(mapping.getValue()).isEqualTo("{ \"customerCode\": }");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
    }

    @Test
    void groupingBySupplierPreviewsTheGroupRecordWithItsLinesArray() {
        // given grouping switched on (on the target tab) by the supplier code
        openAsAdmin();
        tab("target");
        _setValue(_get(Checkbox.class, spec -> spec.withId("group-on")), true);
        assertThat(_get(TextField.class, spec -> spec.withId("group-into")).getValue()).isEqualTo("lines");
        @SuppressWarnings("unchecked")
        ComboBox<String> by = _get(ComboBox.class, spec -> spec.withId("group-by"));
        _setValue(by, "supplierid_number");
        assertThat(_get(Paragraph.class, spec -> spec.withId("group-explanation")).getText())
                .contains("supplierid_number").contains("lines");

        // when live samples are fetched and the mapping reads the bills of the group
        tab("mapping");
        _setValue(editor(), "{ \"customerCode\": supplierid_number, \"nickname\": supplierid_name,"
                + " \"bills\": [lines.billno] }");
        _click(_get(Button.class, spec -> spec.withId("sample-fetch")));

        // then the output is the group record's: every fetched bill of the shown bill's supplier, in order
        JsonNode shown = parse(sampleJson());
        String supplier = shown.path("supplierid_number").asText();
        List<String> expected = samples.fetch(solutions.get(seed.id()).spec().source(), 10).stream()
                .filter(r -> r.path("supplierid_number").asText().equals(supplier))
                .map(r -> r.path("billno").asText()).toList();
        JsonNode body = parse(output());
        assertThat(body.path("customerCode").asText()).isEqualTo(supplier);
        assertThat(textsOf(body.path("bills"))).containsExactlyElementsOf(expected).contains(
                shown.path("billno").asText());
        assertThat(_get(Span.class, spec -> spec.withId("mapping-output-note")).getText()).contains("合并预览")
                .contains(String.valueOf(expected.size()));
        // and a group key typed as an expression, the same for every bill, groups every fetched bill into one
        tab("target");
        ComboBoxKt._fireCustomValueSet(by, "$substring(billno, 0, 4)");
        tab("mapping");
        List<String> all = samples.fetch(solutions.get(seed.id()).spec().source(), 10).stream()
                .map(r -> r.path("billno").asText()).toList();
        assertThat(all).hasSizeGreaterThan(1);
        assertThat(textsOf(parse(output()).path("bills"))).containsExactlyElementsOf(all);
        assertThat(_get(Span.class, spec -> spec.withId("mapping-output-note")).getText())
                .contains("“CGRK”的 " + all.size() + " 条");

        // and the source fields offer the group's array
        @SuppressWarnings("unchecked")
        TreeGrid<Object> tree = _get(TreeGrid.class, spec -> spec.withId("source-fields"));
        assertThat(GridKt._getRootItems(tree)).anySatisfy(node -> assertThat(node.toString()).contains("path=lines,"));
        // and so does the mapping table's source picker
        _setValue(editor(), "{ \"customerCode\": supplierid_number, \"nickname\": supplierid_name }");
        @SuppressWarnings("unchecked")
        ComboBox<String> nickname = _get(ComboBox.class, spec -> spec.withId("mapping-source-nickname"));
        assertThat(nickname.getListDataView().getItems()).contains("lines", "lines.billno", "supplierid_name");
    }

    @Test
    void aSplitWithoutLinesIsRefusedOnTheLinesFieldAndAPathThatIsNoArrayIsPointedOut() {
        // given 明细拆分 switched on, no lines chosen
        openAsAdmin();
        tab("source");
        _setValue(_get(Checkbox.class, spec -> spec.withId("split-on")), true);
        tab("mapping");

        // when it is saved, then the refusal is on the lines field of the source tab and nothing is saved
        saveRefused();
        assertThat(splitPath().isInvalid()).isTrue();
        assertThat(splitPath().getErrorMessage()).contains("split.path").contains("material_entity");
        assertThat(_get(Tabs.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId())
                .hasValue("tab-source");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(_get(Checkbox.class, spec -> spec.withId("split-on")).getValue()).isTrue();

        // and a field typed by hand that is no array is pointed out on the field before any run
        ComboBoxKt._fireCustomValueSet(splitPath(), "billno");
        assertThat(splitPath().getValue()).isEqualTo("billno");
        assertThat(splitPath().getHelperText()).contains("不是数组").contains("失败");
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).hasSize(1);
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    @Test
    void theLogLevelIsChosenWithWhatItKeepsAndSavedAsANewVersion() {
        // given the seed solution, which logs every record in full
        openAsAdmin();
        tab("schedule");
        Select<LogLevel> level = logLevel();
        assertThat(level.getValue()).isEqualTo(LogLevel.ALL);
        assertThat(level.getItemLabelGenerator().apply(LogLevel.SUMMARY)).isEqualTo("仅摘要");
        assertThat(level.getHelperText()).contains("请求").contains("应答");

        // when 仅摘要 is chosen
        _setValue(level, LogLevel.SUMMARY);

        // then the field says in one line what that keeps, the editor has an unsaved change, and saving stores it
        assertThat(level.getHelperText()).contains("只计入运行的数量");
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).hasSize(1);
        save("只记失败");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(solutions.current(seed.id()).spec().logLevel()).isEqualTo(LogLevel.SUMMARY);

        // and opening the solution again shows the saved level
        UI.getCurrent().navigate("solutions");
        UI.getCurrent().navigate("solutions/" + seed.id());
        tab("schedule");
        assertThat(logLevel().getValue()).isEqualTo(LogLevel.SUMMARY);
    }

    @SuppressWarnings("unchecked")
    private static Select<LogLevel> logLevel() {
        return _get(Select.class, spec -> spec.withId("log-level"));
    }

    @Test
    void aSaveRefusedForTheMappingShowsTheReasonAtTheMappingAndKeepsTheEdit() {
        // given a mapping without the required nickname
        openAsAdmin();
        tab("mapping");
        String edited = "{ \"customerCode\": supplierid_number }";
        _setValue(editor(), edited);

        // when it is saved
        saveRefused();

        // then the refusal names the field in the mapping's error box, nothing is saved, the edit stays
        assertThat(errorBox()).hasValueSatisfying(box -> assertThat(box.getElement().getTextRecursively())
                .contains("保存被拒绝").contains("nickname"));
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(editor().getValue()).isEqualTo(edited);
    }

    @Test
    void theVersionsDiffShowsTheChangedMappingLine() {
        // given version 2 adds a postal code to the mapping
        openAsAdmin();
        tab("mapping");
        String mapping = seed.spec().target().mapping().replace("\"customerCode\": supplierid_number,",
                "\"customerCode\": supplierid_number,\n  \"zip\": \"310000\",");
        _setValue(editor(), mapping);
        save("邮编");

        // when version 1 is picked in the versions dialog
        _click(_get(Button.class, spec -> spec.withId("versions")));
        @SuppressWarnings("unchecked")
        Grid<SolutionVersion> versions = _get(Grid.class, spec -> spec.withId("versions-grid"));
        GridKt._select(versions, GridKt._findAll(versions).stream().filter(v -> v.getVersion() == 1).findFirst()
                .orElseThrow());

        // then the diff against the current version shows exactly the added line, in green
        Div diff = _get(Div.class, spec -> spec.withId("versions-diff"));
        List<Component> added = diff.getChildren().filter(c -> "ADDED".equals(c.getElement().getAttribute(
                "data-kind"))).toList();
        assertThat(added).singleElement().satisfies(line -> {
            assertThat(line.getElement().getTextRecursively()).contains("\"zip\": \"310000\",");
            assertThat(line.hasClassName("yq-diff-added")).isTrue();
        });
        assertThat(diff.getChildren().filter(c -> "REMOVED".equals(c.getElement().getAttribute("data-kind"))))
                .isEmpty();
    }

    @Test
    void restoringAnEarlierVersionSavesItAsANewVersionAndShowsIt() {
        // given version 2 with another schedule
        openAsAdmin();
        tab("schedule");
        _setValue(_get(TextField.class, spec -> spec.withId("cron")), "0 0 2 * * ?");
        save("夜里跑");

        // when version 1 is restored from the versions dialog
        _click(_get(Button.class, spec -> spec.withId("versions")));
        @SuppressWarnings("unchecked")
        Grid<SolutionVersion> versions = _get(Grid.class, spec -> spec.withId("versions-grid"));
        int row = GridKt._findAll(versions).stream().map(SolutionVersion::getVersion).toList().indexOf(1);
        _click((Button) GridKt._getCellComponent(versions, row, "restore"));

        // then version 3 is current, equal to version 1, and the editor shows it
        assertThat(solutions.get(seed.id()).version()).isEqualTo(3);
        SolutionSpec restored = solutions.current(seed.id()).spec();
        assertThat(restored).isEqualTo(solutions.version(seed.id(), 1));
        assertThat(_get(TextField.class, spec -> spec.withId("cron")).getValue()).isEqualTo("0 * * * * ?");
        assertThat(solutions.versions(seed.id()).get(0).getComment()).isEqualTo("恢复为第 1 版");
    }

    @Test
    void fetchingALiveSampleReadsTheSandboxWithTheSettingsOnTheScreen() {
        // given the mapping tab, with a search for one bill typed (not saved) on the source tab
        openAsAdmin();
        tab("source");
        _setValue(_get(TextField.class, spec -> spec.withId("param-search")), "CGRK");

        // when a live sample is fetched
        tab("mapping");
        _click(_get(Button.class, spec -> spec.withId("sample-fetch")));

        // then the sample shows a real purchase inbound bill and the output maps its supplier
        String sample = _get(TextArea.class, spec -> spec.withId("sample-json")).getValue();
        assertThat(sample).contains("\"billno\" : \"CGRK-");
        String supplier = parse(sample).path("supplierid_number").asText();
        assertThat(output()).contains("\"customerCode\" : \"" + supplier + "\"");
    }

    @Test
    void anInvalidSampleIsReportedOnTheSampleField() {
        // given the mapping tab, when the sample is replaced by text that is not JSON
        openAsAdmin();
        tab("mapping");
        TextArea sample = _get(TextArea.class, spec -> spec.withId("sample-json"));
        _setValue(sample, "{ \"billno\": ");

        // then the field says so, and there is no output
        assertThat(sample.isInvalid()).isTrue();
        assertThat(sample.getErrorMessage()).contains("不是有效的 JSON");
        assertThat(output()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> void choose(String id, Predicate<T> which) {
        ComboBox<T> box = _get(ComboBox.class, spec -> spec.withId(id));
        _setValue(box, box.getListDataView().getItems().filter(which).findFirst().orElseThrow());
    }

    @Test
    void aBlankSolutionIsBuiltStepByStepAndCreatedOnTheFirstSave() {
        // given the blank editor
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/new");

        // when saving at once, then it asks for a name on the basics tab
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        assertThat(_get(TextField.class, spec -> spec.withId("solution-name")).isInvalid()).isTrue();

        // when a name, the Jackyun customer list as source and the customer add as target are chosen
        _setValue(_get(TextField.class, spec -> spec.withId("solution-name")), "客户回写");
        tab("source");
        choose("source-connection", (ConnectionView c) -> c.id() == sandboxes.jackyun);
        choose("source-operation", (OperationDefinition o) -> o.id().equals("crm.customer.list"));
        assertThat(_get(TextField.class, spec -> spec.withId("param-gmtModifiedBegin")).getHelperText())
                .contains("自动填入增量窗口");
        tab("target");
        choose("target-connection", (ConnectionView c) -> c.id() == sandboxes.jackyun);
        choose("target-operation", (OperationDefinition o) -> o.id().equals("crm.customer.add"));
        // and a mapping is written with the source's fields
        tab("mapping");
        _setValue(editor(), "{ \"customerCode\": customerCode & \"-copy\", \"nickname\": nickname }");
        assertThat(output()).contains("\"customerCode\" : \"客户编号-copy\"");
        save("第一版");

        // then the solution exists as version 1 and the editor shows it
        SolutionView created = solutions.list().stream().filter(s -> s.name().equals("客户回写")).findFirst()
                .orElseThrow();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.spec().source().operation()).isEqualTo("crm.customer.list");
        assertThat(NavigatorKt.getCurrentPath())
                .isEqualTo("solutions/" + created.id());
    }

    private static TextField dedupeKey() {
        tab("source");
        return _get(TextField.class, spec -> spec.withId("dedupe-target-key"));
    }

    private static Optional<Paragraph> identityHint() {
        tab("target");
        return _find(Paragraph.class, spec -> spec.withId("target-identity-hint")).stream().findFirst();
    }

    @Test
    void aCustomerAddThatWouldFailOnRepeatedCodesIsAdvisedToDedupeByTheCodeAndSkip() {
        // given the seed solution (Jackyun's customer add) set back to a new solution's defaults: no target-key
        // dedupe, and failing on "already exists"
        openAsAdmin();
        _setValue(dedupeKey(), "");
        tab("target");
        _setValue(existingPolicy(), SolutionSpec.Existing.Policy.FAIL);

        // then the target tab says how Jackyun recognises a customer and what to set
        assertThat(identityHint()).hasValueSatisfying(hint -> assertThat(hint.getText())
                .contains("吉客云的「客户新增」按「客户编号 customerCode」识别数据")
                .contains("建议按 customerCode 去重").contains("也可以在已存在时用「客户修改」更新")
                .contains("现在没有设置目标键去重").contains("现在已存在时记为失败"));

        // when the advice is adopted in one click
        _click(_get(Button.class, spec -> spec.withId("target-identity-adopt")));

        // then the dedupe is by customerCode and what already exists is skipped; the hint is gone
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.SKIP);
        assertThat(identityHint()).isEmpty();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("已采用建议：按 customerCode 去重"));
        assertThat(dedupeKey().getValue()).isEqualTo("customerCode");
        // and saving keeps both
        save("采用建议");
        SolutionSpec saved = solutions.current(seed.id()).spec();
        assertThat(saved.dedupe().targetKey()).isEqualTo("customerCode");
        assertThat(saved.existing().policy()).isEqualTo(SolutionSpec.Existing.Policy.SKIP);
    }

    @Test
    void theHintShowsAsLongAsOneOfDedupeAndPolicyIsMissing() {
        // given the seed solution, which dedupes by customerCode and skips what already exists: no hint
        openAsAdmin();
        assertThat(identityHint()).isEmpty();

        // when only the dedupe is cleared, then the hint says it is missing (the policy is fine)
        _setValue(dedupeKey(), "");
        assertThat(identityHint()).hasValueSatisfying(hint -> assertThat(hint.getText())
                .contains("现在没有设置目标键去重").doesNotContain("记为失败"));

        // when another key is typed but the policy set back to fail, then it says the policy fails
        _setValue(dedupeKey(), "nickname");
        tab("target");
        _setValue(existingPolicy(), SolutionSpec.Existing.Policy.FAIL);
        assertThat(identityHint()).hasValueSatisfying(hint -> assertThat(hint.getText())
                .contains("现在已存在时记为失败").doesNotContain("没有设置目标键去重"));

        // when the policy is set to skip by hand, then the hint is gone and the typed key stays
        _setValue(existingPolicy(), SolutionSpec.Existing.Policy.SKIP);
        assertThat(identityHint()).isEmpty();
        assertThat(dedupeKey().getValue()).isEqualTo("nickname");
    }

    @Test
    void adoptingTheUpdateChoosesTheDeclaredUpdateOperationAndLeavesTheMappingToTheUser() {
        // given the seed solution failing on "already exists"
        solutions.update(seed.id(), solutions.get(seed.id()).spec()
                .withExisting(new SolutionSpec.Existing(SolutionSpec.Existing.Policy.FAIL, null, null)), "失败");
        openAsAdmin();
        tab("target");

        // when the advice is adopted with the update
        _click(_get(Button.class, spec -> spec.withId("target-identity-adopt-update")));

        // then what already exists is updated through Jackyun's customer update, whose mapping is still to write
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.UPDATE);
        assertThat(_get(ComboBox.class, spec -> spec.withId("existing-operation")).getValue())
                .isEqualTo("crm.customer.update");
        assertThat(_get(TextArea.class, spec -> spec.withId("existing-mapping")).getValue()).isEmpty();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("用 crm.customer.update 更新")
                .contains("填写更新映射"));
        assertThat(identityHint()).isEmpty();
    }

    @Test
    void aNewSolutionGetsTheDedupeAndSkipFilledInForATargetThatDeclaresItsIdentity() {
        // given the blank editor, its dedupe and policy the defaults
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/new");

        // when Jackyun's customer add is chosen as the target
        tab("target");
        choose("target-connection", (ConnectionView c) -> c.id() == sandboxes.jackyun);
        choose("target-operation", (OperationDefinition o) -> o.id().equals("crm.customer.add"));

        // then the dedupe by customerCode and skipping are filled in, a notice and a note under the target say so
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.SKIP);
        assertThat(_get(Paragraph.class, spec -> spec.withId("target-identity-filled")).getText())
                .contains("已按吉客云的「客户新增」预先填好：按 customerCode 去重");
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("预先填好"));
        assertThat(identityHint()).isEmpty();
        assertThat(dedupeKey().getValue()).isEqualTo("customerCode");

        // when the goods add is chosen instead, then what was filled follows it
        tab("target");
        choose("target-operation", (OperationDefinition o) -> o.id().equals("erp.goods.add"));
        assertThat(dedupeKey().getValue()).isEqualTo("goodsNo");

        // when an operation that declares no identity is chosen, then the defaults are back
        tab("target");
        choose("target-operation", (OperationDefinition o) -> o.id().equals("crm.customer.update"));
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.FAIL);
        assertThat(_find(Paragraph.class, spec -> spec.withId("target-identity-filled"))).isEmpty();
        assertThat(dedupeKey().getValue()).isEmpty();
    }

    @Test
    void aDedupeKeyTypedInANewSolutionIsNotOverwrittenButTheHintStillShows() {
        // given a new solution whose target-key dedupe was typed before the target was chosen
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/new");
        _setValue(dedupeKey(), "nickname");

        // when Jackyun's customer add is chosen
        tab("target");
        choose("target-connection", (ConnectionView c) -> c.id() == sandboxes.jackyun);
        choose("target-operation", (OperationDefinition o) -> o.id().equals("crm.customer.add"));

        // then nothing is filled in, and the hint says the policy fails
        assertThat(existingPolicy().getValue()).isEqualTo(SolutionSpec.Existing.Policy.FAIL);
        assertThat(identityHint()).hasValueSatisfying(hint -> assertThat(hint.getText())
                .contains("现在已存在时记为失败"));
        assertThat(dedupeKey().getValue()).isEqualTo("nickname");
    }

    @Test
    void anOperatorGetsTheEditorReadOnlyWithoutSaveRunOrVersions() {
        // given someone who may run but not edit, when they open a solution's editor
        MockUi.start(context, "ops", Role.OPERATOR);
        UI.getCurrent().navigate("solutions/" + seed.id());

        // then they read it, with the read-only note, and none of the editor's write buttons is there
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SolutionEditorView.class);
        assertThat(_get(Span.class, spec -> spec.withId("editor-read-only")).getElement().getTextRecursively())
                .isEqualTo("只读：只有管理员可以修改方案");
        assertNoWriteButtons();
        assertThat(_get(TextField.class, spec -> spec.withId("solution-name")).isReadOnly()).isTrue();
    }

    /** Save, run, dry run, versions (restore), test alert, live fetch, 智能映射: none is on the page, not even disabled. */
    private static void assertNoWriteButtons() {
        for (String id : List.of("save-solution", "editor-run-now", "editor-dry-run", "versions", "alerts-test",
                "sample-fetch", "mapping-suggest", "mapping-table-accept-all", "target-identity-adopt")) {
            assertThat(_find(Button.class, spec -> spec.withId(id))).as(id).isEmpty();
        }
    }

    @Test
    void aViewerSeesTheMappingReadOnlyWithNoWriteButtons() {
        // given a viewer in the seed solution's mapping tab
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("solutions/" + seed.id());
        tab("mapping");

        // then the JSONata editor and every cell of the mapping table are read-only, and no write button is there
        assertThat(editor().isReadOnly()).isTrue();
        assertThat(editor().getValue()).isEqualTo(seed.spec().target().mapping());
        List<Component> cells = descendants(_get(io.yunqiao.web.mapping.MappingTablePanel.class))
                .filter(c -> c instanceof com.vaadin.flow.component.HasValue).toList();
        assertThat(cells).isNotEmpty().allSatisfy(cell -> assertThat(
                ((com.vaadin.flow.component.HasValue<?, ?>) cell).isReadOnly()).as(cell.getId().orElse("?")).isTrue());
        assertNoWriteButtons();
        for (String name : List.of("basics", "source", "target", "schedule", "alerts")) {
            tab(name);
            Component page = _get(Div.class, spec -> spec.withClasses("yq-editor-content")).getChildren()
                    .filter(Component::isVisible).findFirst().orElseThrow();
            assertThat(descendants(page).filter(c -> c instanceof com.vaadin.flow.component.HasValue)
                    .filter(c -> !((com.vaadin.flow.component.HasValue<?, ?>) c).isReadOnly())
                    .map(c -> c.getId().orElse(c.getClass().getSimpleName())).toList()).as(name).isEmpty();
            assertNoWriteButtons();
        }

        // and what the browser sends to the read-only editor changes nothing
        tab("mapping");
        JsonObject typed = Json.createObject();
        typed.put("event.detail.value", "{ \"hacked\": 1 }");
        typed.put("event.detail.cursor", 3);
        ElementUtilsKt._fireDomEvent(editor().getElement(), new DomEvent(editor().getElement(), "jsonata-change",
                typed));
        assertThat(editor().getValue()).isEqualTo(seed.spec().target().mapping());
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).isEmpty();
    }

    private static java.util.stream.Stream<Component> descendants(Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.getChildren().flatMap(SolutionEditorViewIT::descendants));
    }

    @Test
    void theWebhookSecretAndTokenAreNotInAViewersEditor() {
        // given a solution whose alerts go to a signed DingTalk robot (its token in the address)
        solutions.update(seed.id(), seed.spec().withAlerts(new SolutionSpec.Alerts(true, 0, List.of(),
                "https://oapi.dingtalk.com/robot/send?access_token=tok4711", "SECsecret4711")), "告警");

        // when a viewer opens its alerts tab
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("solutions/" + seed.id());
        tab("alerts");

        // then the secret field is empty, the address is shown without its token, and neither is anywhere on the page
        assertThat(_get(PasswordField.class, spec -> spec.withId("alerts-webhook-secret")).getValue()).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("alerts-webhook")).getValue())
                .isEqualTo("https://oapi.dingtalk.com/…");
        List<String> page = descendants(UI.getCurrent()).flatMap(c -> {
            var element = c.getElement();
            java.util.stream.Stream<String> values = c instanceof com.vaadin.flow.component.HasValue<?, ?> field
                    ? java.util.stream.Stream.of(String.valueOf(field.getValue())) : java.util.stream.Stream.empty();
            return java.util.stream.Stream.concat(java.util.stream.Stream.concat(values,
                    element.getPropertyNames().map(n -> String.valueOf(element.getPropertyRaw(n)))),
                    java.util.stream.Stream.concat(element.getAttributeNames().map(element::getAttribute),
                            java.util.stream.Stream.of(element.getText())));
        }).toList();
        assertThat(page).noneMatch(text -> text.contains("SECsecret4711") || text.contains("tok4711"));
    }

    @Test
    void aViewersSaveRunOrRestoreThroughTheServerIsRefused() {
        // given a viewer signed in
        MockUi.start(context, "reader", Role.VIEWER);
        SolutionWrites writes = context.getBean(SolutionWrites.class);

        // when their session calls the editor's writes directly, whatever the browser shows, then each is refused
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> writes.update(seed.id(),
                seed.spec().withName("改名"), null))).isNotNull();
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> writes.create(seed.spec()
                .withName("新方案"), null))).isNotNull();
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> writes.restore(seed.id(), 1))).isNotNull();
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> writes.start(seed.id(), null)))
                .isNotNull();

        // and nothing changed: still version 1 under its name, and no run
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(solutions.get(seed.id()).name()).isEqualTo("种子方案");
        assertThat(solutions.list()).noneMatch(s -> s.name().equals("新方案"));
    }

    @Test
    void alertsAreSavedAsANewVersionWithTheSecret() {
        // given the alerts tab of the seed solution (alerts off, as copied from the template)
        openAsAdmin();
        tab("alerts");
        assertThat(_get(Checkbox.class, spec -> spec.withId("alerts-on-failure")).getValue()).isFalse();

        // when alerts on failure and above 5 failed records go to two addresses and a signed DingTalk robot
        _setValue(_get(Checkbox.class, spec -> spec.withId("alerts-on-failure")), true);
        _setValue(_get(IntegerField.class, spec -> spec.withId("alerts-failed-above")), 5);
        _setValue(_get(TextArea.class, spec -> spec.withId("alerts-emails")), "ops@example.com,\nboss@example.com");
        _setValue(_get(TextField.class, spec -> spec.withId("alerts-webhook")),
                "https://oapi.dingtalk.com/robot/send?access_token=abc");
        _setValue(_get(PasswordField.class, spec -> spec.withId("alerts-webhook-secret")), "SECabc");
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).hasSize(1);
        save("告警");

        // then version 2 holds exactly these alerts
        assertThat(solutions.get(seed.id()).version()).isEqualTo(2);
        assertThat(solutions.current(seed.id()).spec().alerts()).isEqualTo(new SolutionSpec.Alerts(true, 5,
                List.of("ops@example.com", "boss@example.com"), "https://oapi.dingtalk.com/robot/send?access_token=abc",
                "SECabc"));
        assertThat(_find(Span.class, spec -> spec.withId("unsaved-marker"))).isEmpty();
        // and the export leaves the secret out
        assertThat(solutions.export(seed.id())).contains("access_token=abc").doesNotContain("SECabc");
    }

    @Test
    void alertsWithABadAddressAreRefusedOnTheFieldAndKeepTheInput() {
        // given alerts on failure to something that is not an address
        openAsAdmin();
        tab("alerts");
        _setValue(_get(Checkbox.class, spec -> spec.withId("alerts-on-failure")), true);
        TextArea emails = _get(TextArea.class, spec -> spec.withId("alerts-emails"));
        _setValue(emails, "ops.example.com");
        tab("mapping");

        // when it is saved
        saveRefused();

        // then the refusal names the address on the field, on the alerts tab; nothing is saved, the input stays
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("未保存")
                .contains("“ops.example.com”不是电子邮件地址"));
        assertThat(emails.isInvalid()).isTrue();
        assertThat(emails.getErrorMessage()).contains("ops.example.com");
        assertThat(_get(Tabs.class, spec -> spec.withId("editor-tabs")).getSelectedTab().getId())
                .hasValue("tab-alerts");
        assertThat(solutions.get(seed.id()).version()).isEqualTo(1);
        assertThat(emails.getValue()).isEqualTo("ops.example.com");
    }

    @Test
    void aTestAlertShowsPerChannelWhyItFailed() {
        // given an address to alert, on an installation without an SMTP server (no spring.mail.host here)
        openAsAdmin();
        tab("alerts");
        _setValue(_get(TextArea.class, spec -> spec.withId("alerts-emails")), "ops@example.com");

        // when a test alert is sent from the unsaved settings
        _click(_get(Button.class, spec -> spec.withId("alerts-test")));

        // then the email line says it failed and why
        Span email = _get(Span.class, spec -> spec.withId("alerts-test-email"));
        assertThat(email.getElement().getAttribute("data-outcome")).isEqualTo("failed");
        assertThat(email.getText()).contains("邮件：发送失败").contains("spring.mail.host");
        assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("有渠道发送失败"));
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
