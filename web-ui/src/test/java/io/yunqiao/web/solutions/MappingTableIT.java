package io.yunqiao.web.solutions;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.run.RunHistory;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.mapping.JsonataEditor;
import io.yunqiao.web.mapping.MappingTablePanel;
import io.yunqiao.web.mapping.MappingTablePanel.Choice;
import io.yunqiao.web.mapping.MappingWorkbench;
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
 * The mapping table (映射表) of the solution editor, server-side (Karibu), on the seed template bound to the
 * sandboxes: the JSONata read into rows, a mapping built through the rows without typing JSONata, the preview, the
 * hints for a broken expression, expressions the table cannot show, and the hook for smart-mapping suggestions.
 */
@SharedPlatform
// Karibu's lookups by class literal (_get(Select.class, spec -> …)) give their lambdas raw component types
@SuppressWarnings({"rawtypes", "unchecked"})
class MappingTableIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    ConnectorRegistry registry;

    @Autowired
    RunHistory history;

    private SolutionView seed;

    @BeforeEach
    void seedSolutionOnTheSandboxes() {
        seed = new SandboxFixture(port, connections, solutions, templates, history).fresh().seed("映射表方案");
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("solutions/" + seed.id());
        _get(Tabs.class, spec -> spec.withId("editor-tabs")).setSelectedTab(_get(Tab.class,
                spec -> spec.withId("tab-mapping")));
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static JsonataEditor editor() {
        return _get(JsonataEditor.class, spec -> spec.withId("mapping-editor"));
    }

    private static Select<Choice> kind(String target) {
        return _get(Select.class, spec -> spec.withId("mapping-kind-" + target));
    }

    private static ComboBox<String> source(String target) {
        return _get(ComboBox.class, spec -> spec.withId("mapping-source-" + target));
    }

    private static String output() {
        return _find(Pre.class, spec -> spec.withId("mapping-output")).stream().map(Pre::getText).findFirst()
                .orElse("");
    }

    private static String errorBox() {
        return _find(Div.class, spec -> spec.withId("mapping-error")).stream()
                .map(d -> d.getElement().getTextRecursively()).findFirst().orElse("");
    }

    @Test
    void theSeedMappingShowsOneRowPerTargetFieldWithWhatFillsIt() {
        // then mapped fields show their source, the fixed type its text, the reminder its expression verbatim
        assertThat(kind("customerCode").getValue()).isEqualTo(Choice.SOURCE);
        assertThat(source("customerCode").getValue()).isEqualTo("supplierid_number");
        assertThat(kind("customerTypeName").getValue()).isEqualTo(Choice.CONSTANT);
        assertThat(_get(TextField.class, spec -> spec.withId("mapping-constant-customerTypeName")).getValue())
                .isEqualTo("供应商");
        assertThat(kind("specialReminding").getValue()).isEqualTo(Choice.EXPRESSION);
        assertThat(_get(TextArea.class, spec -> spec.withId("mapping-expression-specialReminding")).getValue())
                .isEqualTo("\"来自金蝶采购入库单 \" & billno");
        // and target fields the mapping leaves out are rows too, not mapped
        assertThat(kind("alias").getValue()).isEqualTo(Choice.NONE);
        // and the source picker lists the fields with their Chinese labels
        assertThat(source("customerCode").getItemLabelGenerator().apply("supplierid_name")).contains("供应商");
    }

    @Test
    void aMappingBuiltThroughTheTableWritesTheJsonataAndShowsThePreview() {
        // given the table emptied row by row (no JSONata typed)
        for (String target : List.of("customerCode", "nickname", "contacts", "phone", "country", "state", "city",
                "district", "address", "customerTypeName", "specialReminding")) {
            _setValue(kind(target), Choice.NONE);
        }
        assertThat(editor().getValue()).isEqualTo("{\n}");

        // when a source field, a fixed value and a format are chosen in the rows
        _setValue(kind("customerCode"), Choice.SOURCE);
        _setValue(source("customerCode"), "supplierid_number");
        _setValue(kind("nickname"), Choice.SOURCE);
        _setValue(source("nickname"), "supplierid_name");
        _setValue(kind("customerTypeName"), Choice.CONSTANT);
        _setValue(_get(TextField.class, spec -> spec.withId("mapping-constant-customerTypeName")), "供应商");
        _setValue(kind("specialReminding"), Choice.FORMAT);
        _setValue(source("specialReminding"), "createtime");
        _setValue(_get(Select.class, spec -> spec.withId("mapping-format-specialReminding")),
                io.yunqiao.mapping.MappingRow.Format.TEXT);

        // then the JSONata is written one field per line
        assertThat(editor().getValue()).isEqualTo("""
                {
                  "customerCode": supplierid_number,
                  "nickname": supplierid_name,
                  "customerTypeName": "供应商",
                  "specialReminding": $string(createtime)
                }""");
        // and the preview shows the output on the sample record, with no error
        assertThat(errorBox()).isEmpty();
        JsonNode shown = parse(output());
        assertThat(shown.path("customerTypeName").asText()).isEqualTo("供应商");
        assertThat(shown.has("customerCode")).isTrue();
        assertThat(shown.has("contacts")).isFalse();

        // and saving keeps exactly that text
        _click(_get(Button.class, spec -> spec.withId("save-solution")));
        _setValue(_get(TextField.class, spec -> spec.withId("save-comment")), "映射表");
        _click(_get(Button.class, spec -> spec.withId("save-confirm")));
        assertThat(solutions.get(seed.id()).spec().target().mapping()).isEqualTo(editor().getValue());
    }

    @Test
    void aRowChangedInTheTableChangesOnlyItsValueInTheJsonata() {
        String before = editor().getValue();

        _setValue(source("contacts"), "empid_number");

        assertThat(editor().getValue()).isEqualTo(before.replace("empid_name", "empid_number"));
    }

    @Test
    void editingTheJsonataReReadsTheTable() {
        _setValue(editor(), "{\n  \"customerCode\": $valueMap(\"客户类别\", supplierid_number),\n"
                + "  \"nickname\": $string(supplierid_name)\n}");

        assertThat(kind("customerCode").getValue()).isEqualTo(Choice.VALUE_MAP);
        assertThat(_get(ComboBox.class, spec -> spec.withId("mapping-valuemap-customerCode")).getValue())
                .isEqualTo("客户类别");
        assertThat(kind("nickname").getValue()).isEqualTo(Choice.FORMAT);
        assertThat(kind("contacts").getValue()).isEqualTo(Choice.NONE);
    }

    @Test
    void aMissingCommaIsExplainedAndMarkedInTheEditor() {
        // when the comma after nickname's value is deleted
        String broken = seed.spec().target().mapping().replace("supplierid_name,", "supplierid_name");
        _setValue(editor(), broken);

        // then the error box explains it in words, at the second field, with the engine's own message below
        assertThat(errorBox()).contains("第 4 行，第 3 列")
                .contains("字段“contacts”前面少了一个英文逗号：“nickname”和“contacts”两个字段之间要用 , 隔开。")
                .contains("引擎原文");
        // and the editor marks that spot with the same words
        assertThat(editor().markedError()).hasValueSatisfying(mark -> assertThat(mark).startsWith("4:3 ")
                .contains("少了一个英文逗号"));
        assertThat(output()).isEmpty();
        // and the table shows it on the row whose value runs into the next field
        assertThat(_get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("mapping-row-error-nickname")).getText()).contains("少了一个英文逗号");
    }

    @Test
    void anUnknownFunctionAndAFieldTheSourceLacksAreNamedWithTheClosestOnes() {
        _setValue(editor(), "{\n  \"customerCode\": supplierid_numbr,\n  \"nickname\": $uppercas(supplierid_name)\n}");

        assertThat(errorBox()).contains("没有函数 $uppercas，是不是 $uppercase？");
        assertThat(_get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("mapping-row-error-nickname")).getText()).contains("$uppercase");
        assertThat(_get(Div.class, spec -> spec.withId("mapping-warnings")).getElement().getTextRecursively())
                .contains("源数据没有字段“supplierid_numbr”，是不是“supplierid_number”？");
    }

    @Test
    void fieldsADetailLookupMergesInAreNoTypingMistakes() {
        // given a detail lookup named material on the mapping's source
        _get(MappingWorkbench.class).setLookups(List.of(new MappingWorkbench.Lookup("material",
                registry.operation("kingdee-jdy", "jdy/basedata/material_list"), false)));

        // when the mapping reads the looked-up material and misspells a bill field
        _setValue(editor(), "{\n  \"customerCode\": supplierid_numbr,\n  \"nickname\": material.name\n}");

        // then only the misspelt bill field is warned about, not the lookup's answer
        String warnings = _get(Div.class, spec -> spec.withId("mapping-warnings")).getElement()
                .getTextRecursively();
        assertThat(warnings).contains("supplierid_numbr").doesNotContain("material");
    }

    @Test
    void anExpressionTheTableCannotShowKeepsTheEditorInCharge() {
        String block = "(\n  $code := supplierid_number;\n  { \"customerCode\": $code, \"nickname\": supplierid_name }\n)";
        _setValue(editor(), block);

        assertThat(_get(Div.class, spec -> spec.withId("mapping-table-status")).getText())
                .contains("映射表只能显示形如");
        assertThat(editor().getValue()).isEqualTo(block);
        assertThat(output()).contains("customerCode");
    }

    @Test
    void aRowExpressionThatIsNotOneValueIsRefusedOnTheRowAndNothingIsLost() {
        String before = editor().getValue();

        _setValue(_get(TextArea.class, spec -> spec.withId("mapping-expression-specialReminding")),
                "\"来自 \" & billno, nickname");

        assertThat(_get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("mapping-row-error-specialReminding")).getText())
                .contains("“specialReminding”").contains("逗号");
        assertThat(editor().getValue()).isEqualTo(before);
    }

    @Test
    void suggestionsAreAcceptedPerRowOrAllAtOnce() {
        // given suggestions handed to the table (the smart-mapping button's hook)
        MappingWorkbench workbench = _get(MappingWorkbench.class, spec -> { });
        workbench.showSuggestions(List.of(
                new MappingTablePanel.Suggestion("contacts", "empid_number", 0.6, "名称相近"),
                new MappingTablePanel.Suggestion("alias", "supplierid_name", 0.9, "名称相近：供应商名称 ↔ 别名"),
                new MappingTablePanel.Suggestion("email", "contact_email", 0.7, "样例值像邮箱")));

        // when one is accepted, then only its row changes
        _click(_get(Button.class, spec -> spec.withId("mapping-accept-contacts")));
        assertThat(editor().getValue()).contains("\"contacts\": empid_number");
        assertThat(editor().getValue()).doesNotContain("alias");

        // when the rest are accepted at once, then both rows are written
        _click(_get(Button.class, spec -> spec.withId("mapping-table-accept-all")));
        assertThat(editor().getValue()).contains("\"alias\": supplierid_name")
                .contains("\"email\": contact_email");
        assertThat(kind("alias").getValue()).isEqualTo(Choice.SOURCE);
    }

    @Test
    void acceptAllFillsOnlyEmptyRowsAndFilledRowsKeepWhatTheyHoldAndOfferTheirSuggestion() {
        // given the seed mapping (a source field, a fixed value and a deliberate expression among its rows)
        String before = editor().getValue();
        String reminder = "\"specialReminding\": \"来自金蝶采购入库单 \" & billno";
        assertThat(before).contains("\"customerCode\": supplierid_number").contains(reminder)
                .contains("\"customerTypeName\": \"供应商\"");
        // and suggestions for three of those filled rows and for two empty ones
        _get(MappingWorkbench.class, spec -> { }).showSuggestions(List.of(
                new MappingTablePanel.Suggestion("customerCode", "supplierid_name", 0.8, "名称相近"),
                new MappingTablePanel.Suggestion("specialReminding", "remark", 0.7, "名称相近：备注 ↔ 特别提醒"),
                new MappingTablePanel.Suggestion("customerTypeName", "supplierid_name", 0.7, "名称相近"),
                new MappingTablePanel.Suggestion("alias", "supplierid_name", 0.9, "名称相近：供应商名称 ↔ 别名"),
                new MappingTablePanel.Suggestion("email", "contact_email", 0.7, "样例值像邮箱")));

        // when every suggestion is accepted at once
        _click(_get(Button.class, spec -> spec.withId("mapping-table-accept-all")));

        // then the two empty rows are filled
        assertThat(editor().getValue()).contains("\"alias\": supplierid_name").contains("\"email\": contact_email");
        // and the filled rows hold exactly what they held: the JSONata is the old one plus the two new fields
        assertThat(editor().getValue()).contains("\"customerCode\": supplierid_number").contains(reminder)
                .contains("\"customerTypeName\": \"供应商\"");
        assertThat(editor().getValue().replace(",\n  \"alias\": supplierid_name", "")
                .replace(",\n  \"email\": contact_email", "")).isEqualTo(before);
        assertThat(kind("specialReminding").getValue()).isEqualTo(Choice.EXPRESSION);
        // and each filled row still offers its suggestion, with its reason, to accept one by one
        assertThat(suggestionText("specialReminding")).contains("remark").contains("名称相近：备注 ↔ 特别提醒");
        assertThat(_find(Button.class, spec -> spec.withId("mapping-accept-customerCode"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("mapping-accept-alias"))).isEmpty();
        // and "accept all" has nothing left to fill
        assertThat(acceptAllShown()).isFalse();
        // and a notice says what was filled and what was left as it was, over the header, not the table
        Notification notice = lastNotification();
        assertThat(Notices.text(notice)).isEqualTo("已填入 2 个空行；3 行已有内容未改动，可在行内逐个采用。");
        assertThat(notice.getPosition()).isEqualTo(Notification.Position.TOP_CENTER);

        // when the person accepts one filled row's suggestion, then that row (and only it) changes
        _click(_get(Button.class, spec -> spec.withId("mapping-accept-customerCode")));
        assertThat(editor().getValue()).contains("\"customerCode\": supplierid_name").contains(reminder);
    }

    @Test
    void acceptAllWithNoEmptyRowToFillSaysSoAndChangesNothing() {
        // given suggestions only for rows that hold something, one of them what its row already holds
        String before = editor().getValue();
        MappingTablePanel.Shown shown = _get(MappingWorkbench.class, spec -> { }).showSuggestions(List.of(
                new MappingTablePanel.Suggestion("customerCode", "supplierid_number", 0.9, "名称相近"),
                new MappingTablePanel.Suggestion("nickname", "supplierid_number", 0.6, "名称相近"),
                new MappingTablePanel.Suggestion("specialReminding", "remark", 0.7, "名称相近")));

        // then the one it already holds is not offered, the others are, and "accept all" is not shown
        assertThat(shown).isEqualTo(new MappingTablePanel.Shown(0, 2));
        assertThat(_find(Button.class, spec -> spec.withId("mapping-accept-customerCode"))).isEmpty();
        assertThat(suggestionText("nickname")).contains("已有内容").contains("supplierid_number");
        assertThat(acceptAllShown()).isFalse();

        // when all are accepted anyway, then nothing changes and the notice says there was no empty row
        _get(MappingWorkbench.class, spec -> { }).table().acceptAll();
        assertThat(editor().getValue()).isEqualTo(before);
        assertThat(Notices.text(lastNotification()))
                .isEqualTo("没有空行可填：2 行已有内容未改动，它们的建议可在行内逐个采用。");
        assertThat(_find(Button.class, spec -> spec.withId("mapping-accept-nickname"))).hasSize(1);
    }

    @Test
    void smartMappingOnTheFilledSeedMappingOffersItsDifferencesRowByRowAndNothingToAcceptAll() {
        // given the seed mapping as the template wrote it
        String before = editor().getValue();

        // when 智能映射 is pressed
        _click(_get(Button.class, spec -> spec.withId("mapping-suggest")));

        // then its suggestions all concern rows that hold something else: offered row by row, nothing changed
        assertThat(Notices.text(lastNotification()))
                .isEqualTo("找到 3 条建议，都给已有内容的行：没有空行可填，请在行内逐个采用。");
        assertThat(acceptAllShown()).isFalse();
        assertThat(_find(Div.class, spec -> spec.withClasses("yq-mt-suggestion-instead"))).hasSize(3);
        assertThat(editor().getValue()).isEqualTo(before);
    }

    @Test
    void smartMappingProposesSourcesFromLabelsAndAcceptAllWritesThem() {
        // given a mapping with no fields
        editor().setValue("{\n}");

        // when 智能映射 is pressed and every suggestion accepted
        _click(_get(Button.class, spec -> spec.withId("mapping-suggest")));
        _click(_get(Button.class, spec -> spec.withId("mapping-table-accept-all")));

        // then the rows hold the bill's fields whose Chinese labels match the customer's
        assertThat(source("phone").getValue()).isEqualTo("contact_phone");
        assertThat(source("state").getValue()).isEqualTo("contact_province_name");
        assertThat(source("city").getValue()).isEqualTo("contact_city_name");
        assertThat(source("district").getValue()).isEqualTo("contact_district_name");
        assertThat(editor().getValue()).contains("\"phone\": contact_phone");
        // and the written mapping previews without an error
        assertThat(errorBox()).isEmpty();
    }

    @Test
    void smartMappingWithoutATargetOperationSaysWhatToChooseFirst() {
        // given a workbench that has no target operation
        _get(MappingWorkbench.class, spec -> { }).setTarget(null);

        // when 智能映射 is pressed, then nothing is proposed and the mapping is unchanged
        String before = editor().getValue();
        _click(_get(Button.class, spec -> spec.withId("mapping-suggest")));
        assertThat(editor().getValue()).isEqualTo(before);
        assertThat(_find(Button.class, spec -> spec.withId("mapping-table-accept-all")).stream()
                .noneMatch(Button::isVisible)).isTrue();
    }

    private static String suggestionText(String target) {
        return _get(Div.class, spec -> spec.withId("mapping-suggestion-" + target)).getElement().getTextRecursively();
    }

    private static boolean acceptAllShown() {
        return _find(Button.class, spec -> spec.withId("mapping-table-accept-all")).stream()
                .anyMatch(Button::isVisible);
    }

    private static Notification lastNotification() {
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).isNotEmpty();
        return shown.get(shown.size() - 1);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
