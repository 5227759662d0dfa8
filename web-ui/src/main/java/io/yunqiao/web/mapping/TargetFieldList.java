package io.yunqiao.web.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import java.util.List;
import java.util.function.Consumer;

/**
 * The target operation's request fields and whether the current output fills them: ✓ for a mapped field, a red
 * "missing" for a required one that is not. Clicking a top-level field inserts {@code "name": } into the editor.
 */
class TargetFieldList extends Composite<VerticalLayout> {

    private static final long serialVersionUID = 1L;

    private final Grid<FieldDefinition> grid = new Grid<>();
    private final Span summary = new Span();
    private List<FieldDefinition> fields = List.of();
    private JsonNode output;

    TargetFieldList(Consumer<String> onPick) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        summary.setId("target-summary");
        summary.addClassName("yq-muted");
        grid.setId("target-fields");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        String hint = getTranslation("mapping.target.clickToInsert");
        // a narrow pane cuts long names off: the tooltip always carries the whole name and label
        grid.addColumn(FieldDefinition::name).setKey("path").setHeader(getTranslation("mapping.fields.path"))
                .setFlexGrow(2).setResizable(true).setTooltipGenerator(f -> f.name() + " · " + label(f) + " · " + hint);
        grid.addColumn(this::label).setKey("label")
                .setHeader(getTranslation("mapping.fields.label")).setFlexGrow(2).setResizable(true)
                .setTooltipGenerator(f -> label(f) + " · " + f.name());
        grid.addColumn(FieldDefinition::type).setKey("type").setHeader(getTranslation("mapping.fields.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.required() ? getTranslation("mapping.target.requiredMark") : "").setKey("required")
                .setHeader(getTranslation("mapping.target.required")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::mapped).setKey("mapped").setHeader(getTranslation("mapping.target.mapped"))
                .setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(f -> state(f) == State.MISSING ? "yq-missing"
                        : state(f) == State.MAPPED ? "yq-mapped" : null);
        grid.addItemClickListener(e -> {
            String name = e.getItem().name();
            onPick.accept("\"" + name.substring(name.lastIndexOf('.') + 1) + "\": ");
        });
        grid.setMinHeight("14em");
        root.add(summary, grid);
        root.setFlexGrow(1, grid);
    }

    private enum State { MAPPED, MISSING, UNMAPPED, UNKNOWN }

    private String label(FieldDefinition field) {
        return field.label() == null ? "" : field.label().in(getLocale());
    }

    void setOperation(OperationDefinition operation) {
        fields = operation == null ? List.of() : operation.fields();
        grid.setItems(fields);
        refreshSummary();
    }

    /** The current output of the mapping, or {@code null} when there is none to check. */
    void show(JsonNode newOutput) {
        output = newOutput;
        grid.getDataProvider().refreshAll();
        refreshSummary();
    }

    private State state(FieldDefinition field) {
        if (output == null) {
            return State.UNKNOWN;
        }
        if (FieldPaths.present(output, field.name())) {
            return State.MAPPED;
        }
        return field.required() ? State.MISSING : State.UNMAPPED;
    }

    private String mapped(FieldDefinition field) {
        return switch (state(field)) {
            case MAPPED -> "✓";
            case MISSING -> getTranslation("mapping.target.missing");
            case UNMAPPED, UNKNOWN -> "";
        };
    }

    private void refreshSummary() {
        long required = fields.stream().filter(FieldDefinition::required).count();
        if (output == null) {
            summary.setText(getTranslation("mapping.target.summaryNoOutput", fields.size(), required));
            return;
        }
        long mapped = fields.stream().filter(f -> state(f) == State.MAPPED).count();
        long requiredMapped = fields.stream().filter(f -> f.required() && state(f) == State.MAPPED).count();
        summary.setText(getTranslation("mapping.target.summary", mapped, fields.size(), requiredMapped, required));
    }
}
