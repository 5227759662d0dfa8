package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record per line (明细拆分), on the source tab: off, or the array field of the source operation whose elements
 * each become a record (e.g. 商品分录 {@code material_entity}), optionally with the field inside a line that
 * identifies it. A path typed by hand (not declared by the operation) is kept as typed.
 */
class SplitSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final Checkbox on = new Checkbox();
    private final ComboBox<String> path = new ComboBox<>();
    private final ComboBox<String> lineKey = new ComboBox<>();
    private final Paragraph explanation = new Paragraph();
    private final FormLayout fields;
    private List<FieldDefinition> sourceFields = List.of();

    SplitSection(Runnable onChange) {
        setPadding(false);
        setSpacing(false);
        on.setId("split-on");
        on.setLabel(getTranslation("solutions.split.on"));
        path.setId("split-path");
        path.setLabel(getTranslation("solutions.split.path"));
        path.setHelperText(getTranslation("solutions.split.pathHelp"));
        path.setAllowCustomValue(true);
        path.setItemLabelGenerator(this::describe);
        path.addCustomValueSetListener(e -> {
            path.setValue(typed(path, e.getDetail()));
            onChange.run();
        });
        lineKey.setId("split-line-key");
        lineKey.setLabel(getTranslation("solutions.split.lineKey"));
        lineKey.setHelperText(getTranslation("solutions.split.lineKeyHelp"));
        lineKey.setAllowCustomValue(true);
        lineKey.setClearButtonVisible(true);
        lineKey.setItemLabelGenerator(this::describeLineField);
        lineKey.addCustomValueSetListener(e -> {
            lineKey.setValue(typed(lineKey, e.getDetail()));
            onChange.run();
        });
        explanation.setId("split-explanation");
        explanation.addClassName("yq-muted");
        on.addValueChangeListener(e -> {
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        path.addValueChangeListener(e -> {
            path.setInvalid(false);
            offerLineKeys();
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        lineKey.addValueChangeListener(e -> {
            lineKey.setInvalid(false);
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        fields = new FormLayout(path, lineKey);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new H4(getTranslation("solutions.split.title")), on, fields, explanation);
        showState();
    }

    /** A value typed into a picker: offered from then on, so it is shown and kept. */
    private static String typed(ComboBox<String> box, String text) {
        String value = text == null ? "" : text.trim();
        List<String> items = new ArrayList<>(box.getListDataView().getItems().toList());
        if (!value.isEmpty() && !items.contains(value)) {
            items.add(value);
            box.setItems(items);
        }
        return value.isEmpty() ? null : value;
    }

    /** The source operation changed: its array fields are offered; what was chosen stays. */
    void setSource(OperationDefinition operation) {
        sourceFields = operation == null ? List.of() : operation.fields();
        String chosen = path.getValue();
        List<String> arrays = new ArrayList<>(sourceFields.stream().filter(f -> "array".equals(f.type()))
                .map(FieldDefinition::name).toList());
        if (chosen != null && !arrays.contains(chosen)) {
            arrays.add(chosen);
        }
        path.setItems(arrays);
        path.setValue(chosen);
        offerLineKeys();
        showState();
    }

    private void offerLineKeys() {
        String chosen = lineKey.getValue();
        String prefix = path.getValue() == null ? null : path.getValue() + ".";
        List<String> keys = new ArrayList<>(prefix == null ? List.of() : sourceFields.stream()
                .map(FieldDefinition::name).filter(n -> n.startsWith(prefix) && n.indexOf('.', prefix.length()) < 0)
                .map(n -> n.substring(prefix.length())).toList());
        if (chosen != null && !keys.contains(chosen)) {
            keys.add(chosen);
        }
        lineKey.setItems(keys);
        lineKey.setValue(chosen);
    }

    private String describe(String fieldPath) {
        return label(fieldPath).map(l -> l + " (" + fieldPath + ")").orElse(fieldPath);
    }

    private String describeLineField(String key) {
        return path.getValue() == null ? key : label(path.getValue() + "." + key).map(l -> l + " (" + key + ")")
                .orElse(key);
    }

    private Optional<String> label(String fieldPath) {
        return sourceFields.stream().filter(f -> f.name().equals(fieldPath) && f.label() != null).findFirst()
                .map(f -> f.label().in(getLocale()));
    }

    /** A path that is not a declared array: said on the field before a run fails every record on it. */
    private void checkPath() {
        String chosen = path.getValue();
        Optional<FieldDefinition> declared = chosen == null ? Optional.empty() : sourceFields.stream()
                .filter(f -> f.name().equals(chosen)).findFirst();
        if (chosen == null || sourceFields.isEmpty() || declared.filter(f -> "array".equals(f.type())).isPresent()) {
            path.setHelperText(getTranslation("solutions.split.pathHelp"));
        } else if (declared.isPresent()) {
            path.setHelperText(getTranslation("solutions.split.notArray", describe(chosen), declared.get().type()));
        } else {
            path.setHelperText(getTranslation("solutions.split.undeclared", chosen));
        }
    }

    private void showState() {
        checkPath();
        fields.setVisible(on.getValue());
        if (!on.getValue()) {
            explanation.setText(getTranslation("solutions.split.explainOff"));
        } else if (path.getValue() == null) {
            explanation.setText(getTranslation("solutions.split.explainChoose"));
        } else {
            explanation.setText(getTranslation(lineKey.getValue() == null ? "solutions.split.explainOn"
                    : "solutions.split.explainOnKey", describe(path.getValue()), path.getValue(),
                    Objects.requireNonNullElse(lineKey.getValue(), "")));
        }
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Split split = spec.split();
        on.setValue(split != null);
        path.setValue(split == null || split.path() == null ? null : typed(path, split.path()));
        lineKey.setValue(split == null || split.lineKey() == null ? null : typed(lineKey, split.lineKey()));
        showState();
    }

    /** The split as shown; {@code null} when off. A blank path is kept so that saving says it is missing. */
    SolutionSpec.Split split() {
        if (!on.getValue()) {
            return null;
        }
        return new SolutionSpec.Split(path.getValue() == null ? "" : path.getValue(), lineKey.getValue());
    }

    /** The field a refused save points at ({@code split.path}, {@code split.lineKey}), if it is here. */
    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField) {
            case "split", "split.path" -> path;
            case "split.lineKey" -> lineKey;
            default -> null;
        });
    }
}
