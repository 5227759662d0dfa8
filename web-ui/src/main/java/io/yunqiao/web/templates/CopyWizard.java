package io.yunqiao.web.templates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.TargetOverlaps;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateCopy;
import io.yunqiao.template.TemplateCopyRequest;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.Templates;
import io.yunqiao.web.connections.ConnectionDialog;
import io.yunqiao.web.shell.Notices;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一键复制: names the new solution, picks (or creates on the way) a connection for each end, asks for the values the
 * template marks (its inputs, defaults filled in), then copies the template and either opens the new solution in
 * the editor or starts its dry run at once and shows that run. The new solution stays disabled either way. A refusal
 * (a name already taken, a connection of the wrong connector, a required input left empty) is shown in the dialog,
 * on the field it concerns, and the dialog keeps what was entered.
 */
class CopyWizard extends Dialog {

    private static final long serialVersionUID = 1L;

    private final SolutionTemplate template;
    private final Connections connections;
    private final TextField name = new TextField();
    private final ComboBox<ConnectionView> source = new ComboBox<>();
    private final ComboBox<ConnectionView> target = new ComboBox<>();
    private final Div refusal = new Div();
    private final Div existing = new Div();
    private final TargetOverlaps overlaps;
    private final TemplateWrites writes;
    private final Map<String, TextField> inputs = new LinkedHashMap<>();
    private final RadioButtonGroup<After> after = new RadioButtonGroup<>();

    /** What happens once the copy is made. */
    enum After {
        /** The editor of the new solution opens (the default). */
        OPEN,
        /** A dry run of the incremental window starts, and its run page opens. */
        DRY_RUN
    }

    CopyWizard(SolutionTemplate template, Templates templates, ConnectorRegistry registry, Connections connections,
            TargetOverlaps overlaps, TemplateWrites writes) {
        this.template = template;
        this.writes = writes;
        this.connections = connections;
        this.overlaps = overlaps;
        setId("copy-dialog");
        setHeaderTitle(getTranslation("templates.dialog.title", template.title().in(getLocale())));
        setWidth("40em");
        SolutionSpec spec = template.solution();
        Endpoints endpoints = new Endpoints(registry, getLocale());

        name.setId("copy-name");
        name.setLabel(getTranslation("templates.name"));
        // a name no solution has yet: copying a template twice would otherwise be refused on the first try
        name.setValue(templates.freeName(template.title().in(getLocale())));
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setWidthFull();
        name.addValueChangeListener(e -> name.setInvalid(false));

        picker(source, "copy-source", getTranslation("templates.sourceConnection", endpoints.source(spec)),
                spec.source().connector());
        picker(target, "copy-target", getTranslation("templates.targetConnection", endpoints.target(spec)),
                spec.target().connector());
        Button newSource = newButton("copy-source-new", registry, spec.source().connector(), source);
        Button newTarget = newButton("copy-target-new", registry, spec.target().connector(), target);

        existing.setId("copy-existing-warning");
        existing.addClassName("yq-copy-warning");
        target.addValueChangeListener(e -> warnOfExisting());
        warnOfExisting();

        refusal.setId("copy-refusal");
        refusal.addClassName("yq-copy-refusal");
        refusal.setVisible(false);

        FormLayout form = new FormLayout(name, row(source, newSource), row(target, newTarget));
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        template.inputs().forEach(input -> form.add(inputField(input)));
        after.setId("copy-after");
        after.setLabel(getTranslation("templates.after"));
        after.setItems(After.values());
        after.setItemLabelGenerator(a -> getTranslation("templates.after." + a.name()));
        after.setValue(After.OPEN);
        form.add(after);
        Div hint = new Div(getTranslation("templates.disabledHint"));
        hint.addClassName("yq-muted");
        add(form, existing, hint);
        if (!template.valueMaps().isEmpty()) {
            // the tables come with the copy: say so before, since an existing table of that name is not changed
            Div tables = new Div(getTranslation("templates.valueMaps",
                    String.join(getTranslation("templates.listSeparator"), template.valueMaps().keySet())));
            tables.setId("copy-value-maps");
            tables.addClassName("yq-muted");
            add(tables);
        }
        add(refusal);

        Button confirm = new Button(getTranslation("templates.confirm"), e -> confirm());
        confirm.setId("copy-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }

    /** One field per template input: its label, the default filled in, required marked. */
    private TextField inputField(TemplateInput input) {
        TextField field = new TextField(input.label().in(getLocale()));
        // the label is the template author's words
        field.getElement().setAttribute("data-yq-data", true);
        // a dot would read as a class in a CSS selector
        field.setId("copy-input-" + input.key().replace('.', '-'));
        field.setWidthFull();
        field.setMaxLength(1000);
        field.setRequiredIndicatorVisible(input.required());
        field.setManualValidation(true);
        JsonNode given = input.defaultValue();
        if (given != null && !given.isNull()) {
            field.setValue(given.isValueNode() ? given.asText() : given.toString());
        }
        if (input.key().equals(TemplateInput.WINDOW_START)) {
            field.setHelperText(getTranslation("templates.input.windowStartHelp"));
        }
        field.addValueChangeListener(e -> field.setInvalid(false));
        inputs.put(input.key(), field);
        return field;
    }

    /**
     * The inputs' values by key: an unchanged default is sent as the template has it (a number stays a number), a
     * blank field is left out so that the default applies or the copy is refused when it is required.
     */
    private Map<String, JsonNode> inputValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (TemplateInput input : template.inputs()) {
            String text = inputs.get(input.key()).getValue().strip();
            JsonNode given = input.defaultValue();
            if (text.isEmpty()) {
                continue;
            }
            boolean unchanged = given != null && !given.isNull()
                    && text.equals(given.isValueNode() ? given.asText() : given.toString());
            values.put(input.key(), unchanged ? given : TextNode.valueOf(text));
        }
        return values;
    }

    private void picker(ComboBox<ConnectionView> picker, String id, String label, String connectorId) {
        picker.setId(id);
        picker.setLabel(label);
        picker.setItemLabelGenerator(ConnectionView::name);
        picker.setWidthFull();
        List<ConnectionView> fitting = connectionsOf(connectorId);
        picker.setItems(fitting);
        if (fitting.size() == 1) {
            picker.setValue(fitting.get(0));
        }
        picker.setHelperText(getTranslation("templates.connectionHelp"));
        picker.addValueChangeListener(e -> picker.setInvalid(false));
    }

    /** Only the connections of the template's connector at that end: any other would be refused. */
    private List<ConnectionView> connectionsOf(String connectorId) {
        return connections.list().stream().filter(c -> c.connectorId().equals(connectorId))
                .sorted(Comparator.comparing(ConnectionView::name)).toList();
    }

    private Button newButton(String id, ConnectorRegistry registry, String connectorId,
            ComboBox<ConnectionView> picker) {
        Button create = new Button(getTranslation("templates.newConnection"), VaadinIcon.PLUS.create(),
                e -> ConnectionDialog.forNew(registry, connections, connectorId, saved -> {
                    picker.setItems(connectionsOf(connectorId));
                    picker.setValue(connectionsOf(connectorId).stream().filter(c -> c.id() == saved.id())
                            .findFirst().orElse(null));
                }).open());
        create.setId(id);
        create.setEnabled(registry.find(connectorId).isPresent());
        return create;
    }

    private static HorizontalLayout row(ComboBox<ConnectionView> picker, Button create) {
        HorizontalLayout row = new HorizontalLayout(picker, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.expand(picker);
        return row;
    }

    /**
     * Warns when the chosen target connection already holds records another solution wrote with the same operation
     * and target key: the copy's first run will hear "already exists" for them, and says what its policy makes of it.
     */
    private void warnOfExisting() {
        existing.removeAll();
        SolutionSpec spec = template.solution();
        ConnectionView chosen = target.getValue();
        List<TargetOverlaps.Overlap> found = chosen == null ? List.of() : overlaps.of(spec, chosen.id(), null);
        for (TargetOverlaps.Overlap overlap : found) {
            existing.add(new Div(getTranslation("templates.existing.warning", chosen.name(), overlap.solutionName(),
                    spec.target().operation(), spec.dedupe().targetKey(), overlap.keysWritten())));
        }
        if (!found.isEmpty()) {
            SolutionSpec.Existing policy = spec.existing();
            existing.add(new Div(switch (policy.policy()) {
                case SKIP -> getTranslation("templates.existing.skip");
                case UPDATE -> getTranslation("templates.existing.update", policy.operation());
                case FAIL -> getTranslation("templates.existing.fail");
            }));
        }
        existing.setVisible(!found.isEmpty());
    }

    private void confirm() {
        refusal.setVisible(false);
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("templates.nameRequired"));
            name.setInvalid(true);
            return;
        }
        boolean dryRun = after.getValue() == After.DRY_RUN;
        if (dryRun && (source.getValue() == null || target.getValue() == null)) {
            // a dry run reads the source and asks the target: without both connections it could only fail
            for (ComboBox<ConnectionView> picker : List.of(source, target)) {
                if (picker.getValue() == null) {
                    picker.setErrorMessage(getTranslation("templates.after.needsConnections"));
                    picker.setInvalid(true);
                }
            }
            return;
        }
        try {
            TemplateCopy copy = writes.copy(template.id(), new TemplateCopyRequest(name.getValue(), idOf(source),
                    idOf(target), inputValues()));
            var created = copy.solution();
            Notices.success(getTranslation("templates.copied", created.name()));
            if (!copy.valueMapsKept().isEmpty()) {
                Notices.success(getTranslation("templates.valueMapsKept",
                        String.join(getTranslation("templates.listSeparator"), copy.valueMapsKept())));
            }
            // the UI is looked up before closing: a closed dialog is detached from it
            UI ui = UI.getCurrent();
            close();
            if (!dryRun) {
                ui.navigate("solutions/" + created.id());
                return;
            }
            Run run = writes.dryRun(created.id());
            if (run.getStatus() == RunStatus.SKIPPED) {
                Notices.error(getTranslation("templates.drySkipped", run.error(getLocale())));
                ui.navigate("solutions/" + created.id());
                return;
            }
            Notices.success(getTranslation("templates.dryStarted", String.valueOf(run.getId()), created.name()));
            // the run page shows the dry run's records as they come, and links back to the (disabled) solution
            ui.navigate("runs/" + run.getId());
        } catch (Problem e) {
            String field = e.field() == null ? "" : e.field();
            if (field.equals("name")) {
                name.setErrorMessage(e.message(getLocale()));
                name.setInvalid(true);
            } else if (field.startsWith("source.connection")) {
                source.setErrorMessage(e.message(getLocale()));
                source.setInvalid(true);
            } else if (field.startsWith("target.connection")) {
                target.setErrorMessage(e.message(getLocale()));
                target.setInvalid(true);
            } else if (field.startsWith("inputs.") && inputs.containsKey(field.substring("inputs.".length()))) {
                TextField input = inputs.get(field.substring("inputs.".length()));
                input.setErrorMessage(e.message(getLocale()));
                input.setInvalid(true);
            }
            refusal.setText(getTranslation("common.refused", e.message(getLocale())));
            refusal.setVisible(true);
        }
    }

    private static Long idOf(ComboBox<ConnectionView> picker) {
        return picker.getValue() == null ? null : picker.getValue().id();
    }
}
