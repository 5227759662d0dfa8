package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grouping (合并), on the target tab: off, or records sharing a key (a source field picked from the list, or any
 * JSONata expression typed) become one target record that reads them from an array ({@code into}), at most
 * {@code maxLines} records each. What is typed is kept as typed; saving judges it.
 */
class GroupSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** The array name offered when grouping is switched on. */
    static final String DEFAULT_INTO = "lines";

    private final Checkbox on = new Checkbox();
    private final ComboBox<String> by = new ComboBox<>();
    private final TextField into = new TextField();
    private final IntegerField maxLines = new IntegerField();
    private final Paragraph explanation = new Paragraph();
    private final FormLayout fields;
    private List<FieldDefinition> sourceFields = List.of();

    GroupSection(Runnable onChange) {
        setPadding(false);
        setSpacing(false);
        on.setId("group-on");
        on.setLabel(getTranslation("solutions.group.on"));
        by.setId("group-by");
        by.setLabel(getTranslation("solutions.group.by"));
        by.setHelperText(getTranslation("solutions.group.byHelp"));
        by.setAllowCustomValue(true);
        by.setItemLabelGenerator(this::describe);
        by.addCustomValueSetListener(e -> {
            by.setValue(typed(e.getDetail()));
            onChange.run();
        });
        into.setId("group-into");
        into.setLabel(getTranslation("solutions.group.into"));
        into.setHelperText(getTranslation("solutions.group.intoHelp"));
        into.setMaxLength(100);
        maxLines.setId("group-max-lines");
        maxLines.setLabel(getTranslation("solutions.group.maxLines"));
        maxLines.setHelperText(getTranslation("solutions.group.maxLinesHelp"));
        maxLines.setMin(0);
        maxLines.setStepButtonsVisible(true);
        explanation.setId("group-explanation");
        explanation.addClassName("yq-muted");
        on.addValueChangeListener(e -> {
            if (e.getValue() && into.getValue().isBlank()) {
                into.setValue(DEFAULT_INTO);
            }
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        by.addValueChangeListener(e -> {
            by.setInvalid(false);
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        into.addValueChangeListener(e -> {
            into.setInvalid(false);
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        maxLines.addValueChangeListener(e -> {
            maxLines.setInvalid(false);
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        fields = new FormLayout(by, into, maxLines);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(new H4(getTranslation("solutions.group.title")), on, fields, explanation);
        showState();
    }

    /** An expression typed into the picker: offered from then on, so it is shown and kept. */
    private String typed(String text) {
        String value = text == null ? "" : text.trim();
        List<String> items = new ArrayList<>(by.getListDataView().getItems().toList());
        if (!value.isEmpty() && !items.contains(value)) {
            items.add(value);
            by.setItems(items);
        }
        return value.isEmpty() ? null : value;
    }

    /** The source operation changed: its fields are offered as group keys; what was chosen or typed stays. */
    void setSource(OperationDefinition operation) {
        sourceFields = operation == null ? List.of() : operation.fields();
        String chosen = by.getValue();
        List<String> offered = new ArrayList<>(sourceFields.stream()
                .filter(f -> !"array".equals(f.type()) && !"object".equals(f.type()))
                .map(FieldDefinition::name).toList());
        if (chosen != null && !offered.contains(chosen)) {
            offered.add(chosen);
        }
        by.setItems(offered);
        by.setValue(chosen);
    }

    private String describe(String expression) {
        return sourceFields.stream().filter(f -> f.name().equals(expression) && f.label() != null).findFirst()
                .map(f -> f.label().in(getLocale()) + " (" + expression + ")").orElse(expression);
    }

    private void showState() {
        fields.setVisible(on.getValue());
        if (!on.getValue()) {
            explanation.setText(getTranslation("solutions.group.explainOff"));
        } else if (by.getValue() == null) {
            explanation.setText(getTranslation("solutions.group.explainChoose"));
        } else {
            explanation.setText(getTranslation("solutions.group.explainOn", describe(by.getValue()),
                    into.getValue().trim(), maxLines.getValue() == null || maxLines.getValue() <= 0
                            ? getTranslation("solutions.group.platformLimit") : maxLines.getValue()));
        }
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Group group = spec.group();
        on.setValue(group != null);
        by.setValue(group == null || group.by() == null ? null : typed(group.by()));
        into.setValue(group == null || group.into() == null ? "" : group.into());
        maxLines.setValue(group == null ? 0 : group.maxLines());
        showState();
    }

    /** The group as shown; {@code null} when off. Blanks are kept so that saving says what is missing. */
    SolutionSpec.Group group() {
        if (!on.getValue()) {
            return null;
        }
        return new SolutionSpec.Group(by.getValue() == null ? "" : by.getValue(), into.getValue(),
                maxLines.getValue() == null ? 0 : maxLines.getValue());
    }

    /** The field a refused save points at ({@code group.by}, {@code group.into}, {@code group.maxLines}). */
    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField) {
            case "group", "group.by" -> by;
            case "group.into" -> into;
            case "group.maxLines" -> maxLines;
            default -> null;
        });
    }
}
