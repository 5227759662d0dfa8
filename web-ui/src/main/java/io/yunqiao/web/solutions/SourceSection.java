package io.yunqiao.web.solutions;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.web.shell.Notices;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where records come from: a connection, a QUERY operation and its parameters (with the variables explained), the
 * page size, the incremental window and the target-key dedupe.
 */
class SourceSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final List<String> VARIABLES = List.of("{{LAST_SYNC_TIME}}", "{{LAST_SYNC_TIME|ms}}",
            "{{LAST_SYNC_TIME|date}}", "{{LAST_SYNC_TIME|datetime}}", "{{CURRENT_TIME}}", "{{CURRENT_TIME|ms}}",
            "{{CURRENT_TIME|date}}", "{{CURRENT_TIME|datetime}}", "{{PAGINATION_PAGE_SIZE}}",
            "{{PAGINATION_START_ROW}}");

    private final OperationPicker picker;
    private final ParamsForm params;
    private final IntegerField pageSize = new IntegerField();
    private final TextField windowStart = new TextField();
    private final IntegerField overlap = new IntegerField();
    private final IntegerField maxHours = new IntegerField();
    private final TextField targetKey = new TextField();

    SourceSection(ConnectorRegistry registry, List<ConnectionView> connections, Runnable onChange,
            Runnable onOperation) {
        setPadding(false);
        params = new ParamsForm(onChange);
        picker = new OperationPicker(registry, connections, OperationRole.QUERY, "source", () -> {
            operationChanged();
            onOperation.run();
            onChange.run();
        });
        add(new H3(getTranslation("solutions.source.title")),
                new Paragraph(getTranslation("solutions.source.intro")), picker);

        Button help = new Button(getTranslation("solutions.variables.button"), VaadinIcon.QUESTION_CIRCLE_O.create());
        help.setId("variables-help");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        variablesPopover(help);
        HorizontalLayout paramsHeading = new HorizontalLayout(new H4(getTranslation("solutions.params.title")), help);
        paramsHeading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(paramsHeading, params);

        pageSize.setId("source-page-size");
        pageSize.setLabel(getTranslation("solutions.source.pageSize"));
        pageSize.setMin(0);
        pageSize.setStepButtonsVisible(true);
        windowStart.setId("window-start");
        windowStart.setLabel(getTranslation("solutions.window.start"));
        windowStart.setHelperText(getTranslation("solutions.window.startHelp"));
        overlap.setId("window-overlap");
        overlap.setLabel(getTranslation("solutions.window.overlap"));
        overlap.setHelperText(getTranslation("solutions.window.overlapHelp"));
        overlap.setMin(0);
        overlap.setSuffixComponent(new Span(getTranslation("solutions.unit.seconds")));
        maxHours.setId("window-max-hours");
        maxHours.setLabel(getTranslation("solutions.window.maxHours"));
        maxHours.setHelperText(getTranslation("solutions.window.maxHoursHelp"));
        maxHours.setMin(1);
        maxHours.setSuffixComponent(new Span(getTranslation("solutions.unit.hours")));
        targetKey.setId("dedupe-target-key");
        targetKey.setLabel(getTranslation("solutions.dedupe.targetKey"));
        targetKey.setHelperText(getTranslation("solutions.dedupe.targetKeyHelp"));
        targetKey.setClearButtonVisible(true);
        for (var field : List.of(pageSize, overlap, maxHours)) {
            field.addValueChangeListener(e -> {
                field.setInvalid(false);
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
        }
        for (TextField field : List.of(windowStart, targetKey)) {
            field.addValueChangeListener(e -> {
                field.setInvalid(false);
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
        }
        // the window's meaning in words beside the fields ("即 30 天前"), whoever changed them
        windowStart.addValueChangeListener(e -> explainWindow());
        overlap.addValueChangeListener(e -> explainWindow());
        maxHours.addValueChangeListener(e -> explainWindow());
        FormLayout window = new FormLayout(pageSize, windowStart, overlap, maxHours, targetKey);
        window.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new H4(getTranslation("solutions.window.title")), new Paragraph(getTranslation("solutions.window.intro")),
                window);
    }

    /** The variables of docs/solutions.md §2, each a button that types itself into the last parameter field. */
    private void variablesPopover(Button target) {
        Popover popover = new Popover();
        popover.setTarget(target);
        popover.setPosition(PopoverPosition.BOTTOM_START);
        popover.addClassName("yq-help-popover");
        Div body = new Div(new H4(getTranslation("solutions.variables.title")));
        for (String variable : VARIABLES) {
            Button insert = new Button(variable, e -> insertVariable(variable));
            insert.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            insert.addClassName("yq-code-inline");
            String key = variable.replaceAll("[{}]", "").replace('|', '.');
            Div row = new Div(insert, new Span(getTranslation("solutions.variables." + key)));
            row.addClassName("yq-help-row");
            body.add(row);
        }
        Paragraph rules = new Paragraph(getTranslation("solutions.variables.rules"));
        rules.addClassName("yq-muted");
        body.add(rules);
        popover.add(body);
    }

    private void insertVariable(String variable) {
        Optional<TextField> field = params.lastFocused();
        if (field.isEmpty()) {
            Notices.error(getTranslation("solutions.variables.focusFirst"));
            return;
        }
        field.get().setValue(field.get().getValue() + variable);
        field.get().focus();
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Source source = spec.source();
        picker.load(source == null ? null : source.connection(), source == null ? null : source.connector(),
                source == null ? null : source.operation());
        showParams(source == null ? Map.of() : source.params());
        pageSize.setValue(source == null ? 0 : source.pageSize());
        windowStart.setValue(spec.window().start() == null ? "" : spec.window().start());
        overlap.setValue((int) spec.window().overlapSeconds());
        maxHours.setValue((int) spec.window().maxWindowHours());
        targetKey.setValue(spec.dedupe().targetKey() == null ? "" : spec.dedupe().targetKey());
    }

    /** Each window field's helper text leads with what its value means in words, when it means something. */
    private void explainWindow() {
        String startHelp = getTranslation("solutions.window.startHelp");
        windowStart.setHelperText(WindowWords.start(windowStart.getValue(), this::getTranslation)
                .map(words -> getTranslation("solutions.window.startMeaning", words, startHelp)).orElse(startHelp));
        String overlapHelp = getTranslation("solutions.window.overlapHelp");
        overlap.setHelperText(overlap.getValue() == null ? overlapHelp : getTranslation(
                "solutions.window.overlapMeaning", WindowWords.overlap(overlap.getValue(), this::getTranslation),
                overlapHelp));
        String maxHoursHelp = getTranslation("solutions.window.maxHoursHelp");
        maxHours.setHelperText(maxHours.getValue() == null || maxHours.getValue() < 1 ? maxHoursHelp
                : getTranslation("solutions.window.maxHoursMeaning", WindowWords.maxSpan(maxHours.getValue(),
                        this::getTranslation), maxHoursHelp));
    }

    /** Another operation (or connector): a new form, keeping the values of parameters with the same name. */
    private void operationChanged() {
        showParams(params.values(picker.operation()));
    }

    private void showParams(Map<String, JsonNode> values) {
        OperationDefinition operation = picker.operation();
        params.show(operation, values);
        if (operation != null && operation.paging() != null) {
            pageSize.setMax(operation.paging().maxSize());
            pageSize.setHelperText(getTranslation("solutions.source.pageSizeHelp", operation.paging().defaultSize(),
                    operation.paging().maxSize()));
        } else {
            pageSize.setHelperText(getTranslation("solutions.source.pageSizeUnpaged"));
        }
    }

    SolutionSpec.Source source() {
        OperationDefinition operation = picker.operation();
        return new SolutionSpec.Source(picker.connectionId(), picker.connectorId(), picker.operationId(),
                params.values(operation), pageSize.getValue() == null ? 0 : pageSize.getValue());
    }

    SolutionSpec.Window window() {
        return new SolutionSpec.Window(windowStart.getValue().isBlank() ? null : windowStart.getValue().trim(),
                overlap.getValue() == null ? 0 : overlap.getValue(), maxHours.getValue() == null ? 0
                        : maxHours.getValue());
    }

    SolutionSpec.Dedupe dedupe() {
        return new SolutionSpec.Dedupe(targetKey.getValue().isBlank() ? null : targetKey.getValue().trim());
    }

    /** Sets the target-key dedupe, as advised on the target tab ({@link IdentityAdvice}); {@code null} clears it. */
    void setTargetKey(String key) {
        targetKey.setValue(key == null ? "" : key);
    }

    OperationDefinition operation() {
        return picker.operation();
    }

    String connectorId() {
        return picker.connectorId();
    }

    /** The field a refused save points at ({@code source.params.begintime}, {@code window.start} …), if shown here. */
    Optional<Component> fieldFor(String problemField) {
        if (problemField.startsWith("source.params.")) {
            return params.field(problemField.substring("source.params.".length())).map(Component.class::cast);
        }
        return Optional.ofNullable(switch (problemField) {
            case "source", "source.connection", "source.connector" -> picker.connectionField();
            case "source.operation" -> picker.operationField();
            case "source.pageSize" -> pageSize;
            case "window", "window.start" -> windowStart;
            case "window.overlapSeconds" -> overlap;
            case "window.maxWindowHours" -> maxHours;
            case "dedupe", "dedupe.targetKey" -> targetKey;
            default -> null;
        });
    }
}
