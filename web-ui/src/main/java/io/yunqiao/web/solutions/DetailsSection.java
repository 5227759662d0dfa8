package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.web.mapping.MappingWorkbench;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detail lookups (关联查询), on the source tab: before mapping, each record calls another QUERY operation of the
 * source connector with parameters taken from it, and the answer is merged under a name. Each lookup shows its name,
 * its operation, one expression per declared parameter (with a picker of source fields) and whether all answered
 * records or the first are kept. A lookup's connection and connector as loaded are kept as they were; a parameter
 * the operation does not declare stays shown so that a refusal can point at it.
 */
class DetailsSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Pattern PARAM_FIELD = Pattern.compile("details\\[(\\d{1,4})](?:\\.(\\w+)(?:\\.(.+))?)?");

    private final ConnectorRegistry registry;
    private final Runnable onChange;
    private final Div rows = new Div();
    private final Button add = new Button();
    private final List<Row> shown = new ArrayList<>();
    private String connectorId;
    private List<FieldDefinition> sourceFields = List.of();

    DetailsSection(ConnectorRegistry registry, Runnable onChange) {
        this.registry = registry;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        Paragraph explanation = new Paragraph(getTranslation("solutions.details.explain"));
        explanation.setId("details-explanation");
        explanation.addClassName("yq-muted");
        rows.setId("details-rows");
        rows.setWidthFull();
        add.setText(getTranslation("solutions.details.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("detail-add");
        add.addClickListener(e -> {
            Row row = new Row(new SolutionSpec.Detail(freeName(), null, null, null, Map.of(), false));
            shown.add(row);
            rows.add(row);
            renumber();
            onChange.run();
        });
        add(new H4(getTranslation("solutions.details.title")), explanation, rows, add);
    }

    /** {@code detail}, else {@code detail2}, … : a name no other lookup here has. */
    private String freeName() {
        for (int n = 1;; n++) {
            String name = n == 1 ? "detail" : "detail" + n;
            if (shown.stream().noneMatch(r -> name.equals(r.name.getValue()))) {
                return name;
            }
        }
    }

    /** The source connector or operation changed: its QUERY operations and fields are offered; choices stay. */
    void setSource(String sourceConnector, OperationDefinition operation) {
        connectorId = sourceConnector;
        sourceFields = operation == null ? List.of() : operation.fields();
        shown.forEach(Row::offer);
    }

    void load(SolutionSpec spec) {
        shown.clear();
        rows.removeAll();
        for (SolutionSpec.Detail detail : spec.details()) {
            Row row = new Row(detail);
            shown.add(row);
            rows.add(row);
        }
        renumber();
    }

    /** The lookups as shown; a blank parameter is left out (it means: not sent). */
    List<SolutionSpec.Detail> details() {
        return shown.stream().map(Row::detail).toList();
    }

    /** The lookups that can be called now (named, operation known), for the preview's live answers. */
    List<SolutionSpec.Detail> callable() {
        return shown.stream().filter(r -> !r.name.getValue().isBlank() && r.chosenOperation().isPresent())
                .map(Row::detail).toList();
    }

    /** The lookups whose operation is known, as the mapping preview shows their answers. */
    List<MappingWorkbench.Lookup> lookups() {
        List<MappingWorkbench.Lookup> known = new ArrayList<>();
        for (Row row : shown) {
            row.chosenOperation().ifPresent(o -> known.add(new MappingWorkbench.Lookup(row.name.getValue().trim(), o,
                    row.all.getValue())));
        }
        return known;
    }

    /** The field a refused save points at ({@code details[0].params.id}), if it is here. */
    Optional<Component> fieldFor(String problemField) {
        if ("details".equals(problemField)) {
            return Optional.of(add);
        }
        Matcher m = PARAM_FIELD.matcher(problemField);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        if (index >= shown.size()) {
            return Optional.empty();
        }
        Row row = shown.get(index);
        String part = m.group(2) == null ? "name" : m.group(2);
        return Optional.of(switch (part) {
            case "params" -> m.group(3) != null && row.params.containsKey(m.group(3)) ? row.params.get(m.group(3))
                    : row.operation;
            case "operation", "connector", "connection" -> row.operation;
            default -> row.name;
        });
    }

    private void renumber() {
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).number(i);
        }
    }

    /** One lookup. */
    private final class Row extends VerticalLayout {

        private static final long serialVersionUID = 1L;

        private final SolutionSpec.Detail loaded;
        private final TextField name = new TextField();
        private final ComboBox<String> operation = new ComboBox<>();
        private final Checkbox all = new Checkbox();
        private final Button remove = new Button(VaadinIcon.TRASH.create());
        private final FormLayout paramForm = new FormLayout();
        private final Map<String, TextField> params = new LinkedHashMap<>();
        private final Map<String, ComboBox<String>> pickers = new LinkedHashMap<>();
        private int index;

        Row(SolutionSpec.Detail detail) {
            loaded = detail;
            setPadding(false);
            addClassName("yq-detail-lookup");
            name.setLabel(getTranslation("solutions.details.name"));
            name.setHelperText(getTranslation("solutions.details.nameHelp"));
            name.setMaxLength(64);
            name.setValue(detail.name() == null ? "" : detail.name());
            name.addValueChangeListener(e -> {
                name.setInvalid(false);
                onChange.run();
            });
            operation.setLabel(getTranslation("solutions.details.operation"));
            operation.setAllowCustomValue(false);
            operation.setItemLabelGenerator(this::describe);
            all.setLabel(getTranslation("solutions.details.all"));
            all.setValue(detail.all());
            all.addValueChangeListener(e -> onChange.run());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("solutions.details.remove"));
            remove.setTooltipText(getTranslation("solutions.details.remove"));
            remove.addClickListener(e -> {
                shown.remove(this);
                rows.remove(this);
                renumber();
                onChange.run();
            });
            if (detail.operation() != null) {
                operation.setItems(detail.operation());
                operation.setValue(detail.operation());
            }
            offer();
            showParams(detail.params());
            operation.addValueChangeListener(e -> {
                operation.setInvalid(false);
                showParams(currentParams());
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
            HorizontalLayout head = new HorizontalLayout(name, operation, all, remove);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.getStyle().set("flex-wrap", "wrap");
            paramForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40em", 2));
            add(head, paramForm);
        }

        void number(int i) {
            index = i;
            name.setId("detail-name-" + i);
            operation.setId("detail-operation-" + i);
            all.setId("detail-all-" + i);
            remove.setId("detail-remove-" + i);
            params.forEach((param, field) -> field.setId("detail-" + i + "-param-" + param));
            pickers.forEach((param, picker) -> picker.setId("detail-" + i + "-pick-" + param));
        }

        /** The source connector's QUERY operations; one no longer offered stays, as loaded. */
        void offer() {
            String chosen = operation.getValue();
            List<String> ids = new ArrayList<>(connector().map(c -> c.operations().stream()
                    .filter(o -> o.role() == OperationRole.QUERY).map(OperationDefinition::id).toList())
                    .orElse(List.of()));
            if (chosen != null && !ids.contains(chosen)) {
                ids.add(chosen);
            }
            operation.setItems(ids);
            operation.setValue(chosen);
            pickers.values().forEach(p -> p.setItems(sourceFields.stream().map(FieldDefinition::name).toList()));
        }

        private String connectorOf() {
            return loaded.connector() == null || loaded.connector().isBlank() ? connectorId : loaded.connector();
        }

        private Optional<ConnectorDefinition> connector() {
            String id = connectorOf();
            return id == null ? Optional.empty() : registry.find(id);
        }

        private Optional<OperationDefinition> chosenOperation() {
            return operation.getValue() == null ? Optional.empty()
                    : connector().flatMap(c -> c.operation(operation.getValue()));
        }

        private String describe(String id) {
            return connector().flatMap(c -> c.operation(id)).map(o -> o.title().in(getLocale()) + " (" + id + ")")
                    .orElse(id);
        }

        private Map<String, String> currentParams() {
            Map<String, String> values = new LinkedHashMap<>();
            params.forEach((param, field) -> values.put(param, field.getValue()));
            return values;
        }

        /** One field per declared parameter, then any other typed one (kept so a refusal can point at it). */
        private void showParams(Map<String, String> values) {
            params.clear();
            pickers.clear();
            paramForm.removeAll();
            // the page and its size are the platform's: a lookup reads the first page
            List<String> paging = chosenOperation().map(OperationDefinition::paging)
                    .map(p -> Arrays.asList(p.page(), p.size())).orElse(List.of());
            List<String> names = new ArrayList<>(chosenOperation().map(o -> o.params().stream()
                    .map(ParamDefinition::name).filter(n -> !paging.contains(n)).toList()).orElse(List.of()));
            values.forEach((param, value) -> {
                if (!names.contains(param) && value != null && !value.isBlank()) {
                    names.add(param);
                }
            });
            for (String param : names) {
                TextField field = new TextField();
                String label = chosenOperation().flatMap(o -> o.param(param)).map(ParamDefinition::label)
                        .map(l -> l.in(getLocale()) + " (" + param + ")").orElse(param);
                field.setLabel(label);
                field.setPlaceholder(getTranslation("solutions.details.paramPlaceholder"));
                field.setMaxLength(2000);
                String value = values.get(param);
                field.setValue(value == null ? "" : value);
                field.addValueChangeListener(e -> {
                    field.setInvalid(false);
                    onChange.run();
                });
                ComboBox<String> picker = new ComboBox<>();
                picker.setPlaceholder(getTranslation("solutions.details.pick"));
                picker.setAriaLabel(getTranslation("solutions.details.pick"));
                picker.setItems(sourceFields.stream().map(FieldDefinition::name).toList());
                picker.setItemLabelGenerator(f -> sourceFields.stream().filter(d -> d.name().equals(f)
                        && d.label() != null).findFirst().map(d -> d.label().in(getLocale()) + " (" + f + ")")
                        .orElse(f));
                picker.addValueChangeListener(e -> {
                    if (e.getValue() != null) {
                        field.setValue(e.getValue());
                        picker.clear();
                    }
                });
                HorizontalLayout line = new HorizontalLayout(field, picker);
                line.setAlignItems(FlexComponent.Alignment.BASELINE);
                line.setFlexGrow(1, field);
                paramForm.add(line);
                params.put(param, field);
                pickers.put(param, picker);
            }
            number(index);
        }

        SolutionSpec.Detail detail() {
            Map<String, String> values = new LinkedHashMap<>();
            params.forEach((param, field) -> {
                if (!field.getValue().isBlank()) {
                    values.put(param, field.getValue());
                }
            });
            return new SolutionSpec.Detail(name.getValue(), loaded.connection(), loaded.connector(),
                    operation.getValue(), values, all.getValue());
        }
    }
}
