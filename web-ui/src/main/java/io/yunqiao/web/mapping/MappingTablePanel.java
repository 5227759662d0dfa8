package io.yunqiao.web.mapping;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.MappingRow;
import io.yunqiao.mapping.MappingTable;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.Notices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The mapping table (映射表): one row per target field — label, type, required mark — and what fills it: a source
 * field (searchable, with Chinese labels), a fixed value, a value-map lookup, a format of a source field, or a free
 * JSONata expression. It is the JSONata seen another way ({@link MappingTable}): editing a row rewrites the
 * expression through {@code onChange}; {@link #setExpression} re-reads it. Values the table cannot classify stay
 * editable as expression rows, exactly as written; an expression that is not one object constructor shows why the
 * table is unavailable and leaves the JSONata editor in charge.
 *
 * <p>Smart suggestions (智能映射) come in through {@link #showSuggestions}: each row then offers its suggested source
 * with the confidence and reason, to accept one by one; "accept all" fills only the rows that are still empty, so
 * nothing a person wrote is replaced without their click on that row.
 */
public class MappingTablePanel extends Composite<VerticalLayout> {

    private static final long serialVersionUID = 1L;

    /** What a row is set to; {@link #NONE} leaves the target field out of the mapping. */
    public enum Choice { NONE, SOURCE, CONSTANT, VALUE_MAP, FORMAT, EXPRESSION }

    /**
     * A proposed source for a target field, e.g. from the smart-mapping suggestions.
     *
     * @param targetField the target field (a top-level key of the mapping), e.g. {@code nickname}
     * @param sourcePath  the source field's dotted name, e.g. {@code supplierid_name}
     * @param confidence  0 to 1
     * @param reason      why, for people, e.g. 名称相近：供应商名称 ↔ 客户名称
     */
    public record Suggestion(String targetField, String sourcePath, double confidence, String reason) {
    }

    private final Consumer<String> onChange;
    private final Div status = new Div();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final Button acceptAll = new Button();
    private final VerticalLayout rows = new VerticalLayout();
    private final Map<String, RowEditor> editors = new LinkedHashMap<>();
    private final Map<String, Suggestion> suggestions = new LinkedHashMap<>();
    /** Top-level names of nested target fields that are not declared themselves. */
    private final Set<String> parents = new HashSet<>();

    private List<FieldDefinition> targetFields = List.of();
    private List<FieldDefinition> sourceFields = List.of();
    private Supplier<? extends Collection<String>> valueMapTables = List::of;
    private MappingTable table = MappingTable.empty();
    private boolean available = true;
    private boolean readOnly;
    private String lastText = "";
    private String problemTarget;
    private String problemMessage;

    MappingTablePanel(Consumer<String> onChange) {
        this.onChange = onChange;
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.addClassName("yq-mapping-table");
        root.setId("mapping-table");
        status.setId("mapping-table-status");
        status.addClassName("yq-mapping-table-status");
        status.setVisible(false);
        acceptAll.setText(getTranslation("mapping.table.acceptAll"));
        acceptAll.setTooltipText(getTranslation("mapping.table.acceptAll.tooltip"));
        acceptAll.setId("mapping-table-accept-all");
        acceptAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        acceptAll.addClickListener(e -> acceptAll());
        acceptAll.setVisible(false);
        toolbar.setId("mapping-table-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("yq-mapping-table-toolbar");
        toolbar.add(acceptAll);
        rows.setPadding(false);
        rows.setSpacing(false);
        rows.addClassName("yq-mapping-table-rows");
        root.add(toolbar, status, rows);
    }

    /**
     * A reader's table: every row shows its kind and value read-only, and no button (智能映射, accept) is offered.
     * Rows are rebuilt from the expression, so each rebuild is locked again.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        toolbar.setVisible(!readOnly);
        render();
    }

    /** Where a button such as 智能映射 goes, beside "accept all". */
    public void addAction(Component action) {
        toolbar.addComponentAsFirst(action);
    }

    void setTarget(OperationDefinition operation) {
        targetFields = operation == null ? List.of() : operation.fields();
        render();
    }

    void setSource(OperationDefinition operation) {
        sourceFields = operation == null ? List.of() : operation.fields();
        render();
    }

    /** The value-map table names offered by value-map rows (数据字典). */
    void setValueMapTables(Supplier<? extends Collection<String>> names) {
        valueMapTables = names;
        render();
    }

    /** Re-reads the table from the expression, unless it is what the table itself just wrote. */
    void setExpression(String expression) {
        String text = expression == null ? "" : expression;
        if (available && text.equals(lastText)) {
            return;
        }
        lastText = text;
        try {
            table = MappingTable.read(text);
            available = true;
            status.setVisible(false);
        } catch (Problem unavailable) {
            available = false;
            status.setText(getTranslation("mapping.table.unavailable", unavailable.message(getLocale())));
            status.setVisible(true);
        }
        render();
    }

    /**
     * Shows a problem of the expression (a syntax or evaluation hint) on the row whose value holds its spot, or
     * clears it with {@code null}.
     */
    void showProblem(int line, int column, String message) {
        problemTarget = message == null || !available ? null : table.targetAt(line, column).orElse(null);
        problemMessage = message;
        editors.values().forEach(RowEditor::showProblem);
    }

    /** Whether the current expression could be read into the table. */
    public boolean isAvailable() {
        return available;
    }

    /** The rows as the table reads them now. */
    public List<MappingRow> rows() {
        return available ? table.rows() : List.of();
    }

    /**
     * Shows suggested sources: each row whose target has one offers it (with confidence and reason) to accept.
     * "Accept all" fills only the rows that are empty; a row that already holds something keeps it and goes on
     * offering its suggestion to accept one by one. Suggestions for targets the table has no row for are ignored,
     * and so is a suggestion of exactly what its row already holds (there is nothing to accept).
     *
     * @return how many suggestions the rows show, for empty rows and for rows that hold something else
     */
    public Shown showSuggestions(List<Suggestion> proposed) {
        suggestions.clear();
        for (Suggestion suggestion : proposed) {
            if (suggestion.targetField() != null && suggestion.sourcePath() != null
                    && !holdsAlready(suggestion)) {
                suggestions.putIfAbsent(suggestion.targetField(), suggestion);
            }
        }
        render();
        int forEmpty = (int) suggestions.keySet().stream().filter(this::isEmpty).count();
        return new Shown(forEmpty, suggestions.size() - forEmpty);
    }

    /**
     * What {@link #showSuggestions} or {@link #acceptAll} did, counted in rows.
     *
     * @param empty  rows that held nothing: suggestions shown for them, or filled by "accept all"
     * @param filled rows that already held something else: their suggestions are shown, never taken by "accept all"
     */
    public record Shown(int empty, int filled) {
    }

    /** Accepts the suggestion of one target field, even over what the row holds: the person chose it. */
    public void accept(String targetField) {
        Suggestion suggestion = suggestions.remove(targetField);
        if (suggestion != null) {
            write(table.with(MappingRow.source(targetField, suggestion.sourcePath())));
            render();
        }
    }

    /**
     * 全部采用: fills every EMPTY row that has a suggestion, in one change of the expression, and says how many rows
     * it filled and how many rows that hold something were left as they were (they keep offering their
     * suggestions). What a person wrote in a row is never replaced here.
     *
     * @return the rows filled, and the rows holding something that still offer a suggestion
     */
    public Shown acceptAll() {
        MappingTable changed = table;
        int filled = 0;
        for (Suggestion suggestion : List.copyOf(suggestions.values())) {
            if (isEmpty(suggestion.targetField())) {
                changed = changed.with(MappingRow.source(suggestion.targetField(), suggestion.sourcePath()));
                suggestions.remove(suggestion.targetField());
                filled++;
            }
        }
        Shown done = new Shown(filled, suggestions.size());
        if (filled > 0) {
            write(changed);
        }
        render();
        if (filled == 0) {
            Notices.success(getTranslation("mapping.table.acceptAll.noEmpty", done.filled()));
        } else if (done.filled() > 0) {
            Notices.success(getTranslation("mapping.table.acceptAll.someKept", filled, done.filled()));
        } else {
            Notices.success(getTranslation("mapping.table.acceptAll.done", filled));
        }
        return done;
    }

    /** Whether the table has no row for this target yet: no source, constant, value map, format or expression. */
    private boolean isEmpty(String target) {
        return table.row(target).isEmpty();
    }

    /** Whether the row already takes exactly the suggested source field. */
    private boolean holdsAlready(Suggestion suggestion) {
        return table.row(suggestion.targetField()).filter(row -> row.kind() == MappingRow.Kind.SOURCE
                && suggestion.sourcePath().equals(row.path())).isPresent();
    }

    private void write(MappingTable changed) {
        table = changed;
        lastText = changed.write();
        onChange.accept(lastText);
    }

    /** One row per target field (top-level names; a nested field's parent counts once), then unknown keys. */
    private void render() {
        rows.removeAll();
        editors.clear();
        // "accept all" only fills empty rows: shown while there is one to fill
        acceptAll.setVisible(available && suggestions.keySet().stream().anyMatch(this::isEmpty));
        rows.setVisible(available);
        if (!available) {
            return;
        }
        Map<String, FieldDefinition> targets = new LinkedHashMap<>();
        parents.clear();
        for (FieldDefinition field : targetFields) {
            String top = field.name().contains(".") ? field.name().substring(0, field.name().indexOf('.'))
                    : field.name();
            if (!field.name().contains(".")) {
                targets.put(top, field);
            } else {
                // a nested field's parent is one row, filled by an expression that builds the object or array
                parents.add(top);
                targets.putIfAbsent(top, null);
            }
        }
        for (MappingRow row : table.rows()) {
            targets.putIfAbsent(row.target(), null);
        }
        if (targets.isEmpty()) {
            Span empty = new Span(getTranslation("mapping.table.noTarget"));
            empty.addClassName("yq-muted");
            rows.add(empty);
            return;
        }
        rows.add(header());
        for (Map.Entry<String, FieldDefinition> target : targets.entrySet()) {
            RowEditor editor = new RowEditor(target.getKey(), target.getValue(), table.row(target.getKey()));
            editors.put(target.getKey(), editor);
            rows.add(editor);
        }
        if (readOnly) {
            lock(rows);
        }
    }

    /** Every field under {@code root} read-only, every button hidden: a reader's rows. */
    private static void lock(Component root) {
        if (root instanceof HasValue<?, ?> field) {
            field.setReadOnly(true);
        }
        if (root instanceof Button) {
            root.setVisible(false);
            return;
        }
        root.getChildren().forEach(MappingTablePanel::lock);
    }

    private HorizontalLayout header() {
        HorizontalLayout header = new HorizontalLayout(cell("yq-mt-target", getTranslation("mapping.table.target")),
                cell("yq-mt-kind", getTranslation("mapping.table.kind")),
                cell("yq-mt-value", getTranslation("mapping.table.value")));
        header.addClassNames("yq-mapping-table-row", "yq-mapping-table-header");
        // as wide as the rows: left to its content's width, the value column's header wrapped under the first
        header.setWidthFull();
        return header;
    }

    private static Span cell(String className, String text) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }

    /** The JSONata path, Chinese label and type of a source field, as the picker lists it. */
    private String describeSource(String path) {
        return sourceFields.stream().filter(f -> f.name().equals(path)).findFirst()
                .map(f -> path + " · " + label(f) + " · " + f.type()).orElse(path);
    }

    private String label(FieldDefinition field) {
        return field.label() == null ? "" : field.label().in(getLocale());
    }

    /** One target field's row. */
    private final class RowEditor extends HorizontalLayout {

        private static final long serialVersionUID = 1L;

        private final String target;
        private final FieldDefinition definition;
        private final Select<Choice> kind = new Select<>();
        private final HorizontalLayout value = new HorizontalLayout();
        private final Span error = new Span();

        RowEditor(String target, FieldDefinition definition, Optional<MappingRow> row) {
            this.target = target;
            this.definition = definition;
            setId("mapping-row-" + target);
            addClassName("yq-mapping-table-row");
            setAlignItems(FlexComponent.Alignment.CENTER);
            setWidthFull();
            Div name = new Div();
            name.addClassName("yq-mt-target");
            String label = definition == null ? "" : label(definition);
            Span title = new Span(label.isEmpty() ? target : label);
            title.addClassName("yq-mt-label");
            Span required = new Span(definition != null && definition.required() ? " *" : "");
            required.addClassName("yq-mt-required");
            String type = definition != null ? definition.type()
                    : parents.contains(target) ? "object" : getTranslation("mapping.table.undeclared");
            Span path = new Span(target + " · " + type);
            path.addClassName("yq-mt-path");
            name.add(title, required, path);
            name.getElement().setAttribute("title", target + (label.isEmpty() ? "" : " · " + label)
                    + (definition == null ? "" : " · " + definition.type())
                    + (definition != null && definition.required() ? " · " + getTranslation("mapping.target.required")
                    : ""));
            kind.setId("mapping-kind-" + target);
            kind.addClassName("yq-mt-kind");
            kind.setItems(Choice.values());
            kind.setItemLabelGenerator(c -> getTranslation("mapping.table.kind." + c.name()));
            kind.setAriaLabel(getTranslation("mapping.table.kind") + " " + target);
            Choice current = row.map(r -> Choice.valueOf(r.kind().name())).orElse(Choice.NONE);
            kind.setValue(current);
            value.addClassName("yq-mt-value");
            value.setAlignItems(FlexComponent.Alignment.CENTER);
            value.setSpacing(false);
            error.addClassName("yq-mt-error");
            error.setId("mapping-row-error-" + target);
            error.setVisible(false);
            Div valueCell = new Div(value, error);
            valueCell.addClassName("yq-mt-value");
            add(name, kind, valueCell);
            setFlexGrow(1, valueCell);
            showValue(current, row.orElse(null));
            kind.addValueChangeListener(e -> changeKind(e.getValue(), table.row(target).orElse(null)));
            Suggestion suggestion = suggestions.get(target);
            if (suggestion != null) {
                add(suggestion(suggestion));
            }
            showProblem();
        }

        /** The expression's problem on this row when its spot is in this row's value. */
        void showProblem() {
            if (target.equals(problemTarget)) {
                error.setText(problemMessage);
                error.setVisible(true);
            } else if (error.isVisible() && error.hasClassName("yq-mt-problem")) {
                error.setVisible(false);
            }
            error.setClassName("yq-mt-problem", target.equals(problemTarget));
        }

        private Component suggestion(Suggestion suggestion) {
            // on a row that holds something, the suggestion is an alternative to weigh, not a gap to fill
            boolean instead = !isEmpty(target);
            Span text = new Span(getTranslation(instead ? "mapping.table.suggestedInstead" : "mapping.table.suggested",
                    describeSource(suggestion.sourcePath()), Math.round(suggestion.confidence() * 100),
                    suggestion.reason() == null ? "" : suggestion.reason()));
            text.addClassName("yq-mt-suggestion-text");
            text.getElement().setAttribute("title", text.getText());
            Button accept = new Button(getTranslation("mapping.table.accept"), e -> accept(target));
            accept.setId("mapping-accept-" + target);
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Div box = new Div(text, accept);
            box.setId("mapping-suggestion-" + target);
            box.addClassName("yq-mt-suggestion");
            box.setClassName("yq-mt-suggestion-instead", instead);
            return box;
        }

        /** A new kind: carry the source path over where the new kind has one, else wait for a value. */
        private void changeKind(Choice choice, MappingRow was) {
            if (choice == null) {
                return;
            }
            String path = was == null ? null : was.path();
            switch (choice) {
                case NONE -> {
                    if (was != null) {
                        write(table.without(target));
                    }
                    showValue(choice, null);
                }
                case SOURCE -> {
                    if (path != null) {
                        set(MappingRow.source(target, path));
                    }
                    showValue(choice, path == null ? null : MappingRow.source(target, path));
                }
                case FORMAT -> {
                    MappingRow formatted = path == null ? null
                            : MappingRow.format(target, defaultFormat(), path);
                    if (formatted != null) {
                        set(formatted);
                    }
                    showValue(choice, formatted);
                }
                case EXPRESSION -> showValue(choice, was);
                case CONSTANT, VALUE_MAP -> showValue(choice, was == null ? null : pathOnly(was));
            }
        }

        /** For a kind that needs more than a path: keep the path to prefill, write nothing yet. */
        private MappingRow pathOnly(MappingRow was) {
            return was.path() == null ? null : MappingRow.source(target, was.path());
        }

        private MappingRow.Format defaultFormat() {
            String type = definition == null ? "string" : definition.type();
            return type.equals("number") || type.equals("integer") ? MappingRow.Format.NUMBER
                    : MappingRow.Format.DATE_TIME;
        }

        private void set(MappingRow row) {
            error.setVisible(false);
            write(table.with(row));
        }

        /** Sets a row from a text the person typed; a text that is not one value is refused on the row. */
        private void setOrRefuse(Supplier<MappingRow> row) {
            try {
                set(row.get());
            } catch (Problem refused) {
                error.setText(refused.message(getLocale()));
                error.setVisible(true);
            }
        }

        private void showValue(Choice choice, MappingRow row) {
            value.removeAll();
            error.setVisible(false);
            switch (choice) {
                case NONE -> {
                    Span none = new Span(getTranslation("mapping.table.none"));
                    none.addClassName("yq-muted");
                    value.add(none);
                }
                case SOURCE -> {
                    ComboBox<String> source = sourcePicker("mapping-source-" + target, row == null ? null : row.path());
                    source.addValueChangeListener(e -> {
                        if (e.getValue() != null && !e.getValue().isBlank()) {
                            setOrRefuse(() -> MappingRow.source(target, e.getValue()));
                        }
                    });
                    value.add(source);
                    value.setFlexGrow(1, source);
                }
                case CONSTANT -> {
                    TextField constant = new TextField();
                    constant.setId("mapping-constant-" + target);
                    constant.setPlaceholder(getTranslation("mapping.table.constantPlaceholder"));
                    constant.setWidthFull();
                    constant.setMaxLength(2_000);
                    constant.setValueChangeMode(ValueChangeMode.ON_CHANGE);
                    if (row != null && row.kind() == MappingRow.Kind.CONSTANT) {
                        constant.setValue(row.constant().asText());
                    }
                    constant.addValueChangeListener(e -> setOrRefuse(() -> constant(e.getValue())));
                    value.add(constant);
                    value.setFlexGrow(1, constant);
                }
                case VALUE_MAP -> {
                    ComboBox<String> tables = new ComboBox<>();
                    tables.setId("mapping-valuemap-" + target);
                    tables.setPlaceholder(getTranslation("mapping.table.valueMapTable"));
                    tables.setAriaLabel(getTranslation("mapping.table.valueMapTable"));
                    List<String> names = new ArrayList<>(valueMapTables.get());
                    if (row != null && row.table() != null && !names.contains(row.table())) {
                        names.add(row.table());
                    }
                    tables.setItems(names);
                    tables.setAllowCustomValue(true);
                    tables.addCustomValueSetListener(e -> tables.setValue(e.getDetail()));
                    tables.setValue(row == null ? null : row.table());
                    ComboBox<String> source = sourcePicker("mapping-source-" + target, row == null ? null : row.path());
                    Runnable update = () -> {
                        if (tables.getValue() != null && !tables.getValue().isBlank() && source.getValue() != null) {
                            setOrRefuse(() -> MappingRow.valueMap(target, tables.getValue(), source.getValue()));
                        }
                    };
                    tables.addValueChangeListener(e -> update.run());
                    source.addValueChangeListener(e -> update.run());
                    value.add(tables, source);
                    value.setFlexGrow(1, source);
                }
                case FORMAT -> {
                    Select<MappingRow.Format> format = new Select<>();
                    format.setId("mapping-format-" + target);
                    format.setItems(MappingRow.Format.values());
                    format.setItemLabelGenerator(f -> getTranslation("mapping.table.format." + f.name()));
                    format.setAriaLabel(getTranslation("mapping.table.kind.FORMAT"));
                    format.setValue(row == null || row.format() == null ? defaultFormat() : row.format());
                    ComboBox<String> source = sourcePicker("mapping-source-" + target, row == null ? null : row.path());
                    Runnable update = () -> {
                        if (source.getValue() != null && format.getValue() != null) {
                            setOrRefuse(() -> MappingRow.format(target, format.getValue(), source.getValue()));
                        }
                    };
                    format.addValueChangeListener(e -> update.run());
                    source.addValueChangeListener(e -> update.run());
                    value.add(format, source);
                    value.setFlexGrow(1, source);
                }
                case EXPRESSION -> {
                    // a text area: an expression over several lines keeps its line breaks exactly
                    TextArea expression = new TextArea();
                    expression.setId("mapping-expression-" + target);
                    expression.setMaxLength(MappingTable.MAX_LENGTH);
                    expression.addClassName("yq-code");
                    expression.setWidthFull();
                    expression.setPlaceholder(getTranslation("mapping.table.expressionPlaceholder"));
                    expression.setValueChangeMode(ValueChangeMode.ON_CHANGE);
                    if (row != null) {
                        expression.setValue(row.expression());
                        expression.setTooltipText(row.expression());
                    }
                    expression.addValueChangeListener(e -> setOrRefuse(() -> MappingRow.expression(target,
                            e.getValue())));
                    value.add(expression);
                    value.setFlexGrow(1, expression);
                }
            }
        }

        /** A typed fixed value: a number or boolean when the target field is one and the text reads as one. */
        private MappingRow constant(String text) {
            String type = definition == null ? "string" : definition.type();
            String trimmed = text == null ? "" : text.strip();
            if ((type.equals("number") || type.equals("integer")) && trimmed.matches("-?\\d+(\\.\\d+)?")) {
                return MappingRow.constant(target, new BigDecimal(trimmed));
            }
            if (type.equals("boolean") && (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false"))) {
                return MappingRow.constant(target, Boolean.parseBoolean(trimmed.toLowerCase(Locale.ROOT)));
            }
            return MappingRow.constant(target, text);
        }

        /** A searchable picker of source fields: path, Chinese label and type; a path not declared may be typed. */
        private ComboBox<String> sourcePicker(String id, String selected) {
            ComboBox<String> picker = new ComboBox<>();
            picker.setId(id);
            picker.addClassName("yq-mt-source");
            picker.setPlaceholder(getTranslation("mapping.table.sourcePlaceholder"));
            picker.setAriaLabel(getTranslation("mapping.table.kind.SOURCE") + " " + target);
            List<String> paths = new ArrayList<>(sourceFields.stream().map(FieldDefinition::name).toList());
            if (selected != null && !paths.contains(selected)) {
                paths.add(selected);
            }
            picker.setItems(paths);
            picker.setItemLabelGenerator(MappingTablePanel.this::describeSource);
            picker.setAllowCustomValue(true);
            picker.addCustomValueSetListener(e -> {
                String typed = e.getDetail() == null ? "" : e.getDetail().strip();
                if (!typed.isEmpty()) {
                    List<String> more = new ArrayList<>(paths);
                    more.add(typed);
                    picker.setItems(more);
                    picker.setValue(typed);
                }
            });
            picker.setWidthFull();
            picker.setValue(selected);
            picker.setTooltipText(selected == null ? "" : describeSource(selected));
            picker.addValueChangeListener(e -> picker.setTooltipText(e.getValue() == null ? ""
                    : describeSource(e.getValue())));
            return picker;
        }
    }
}
