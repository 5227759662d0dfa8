package io.yunqiao.web.mapping;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The source operation's record fields as a tree (nested by their dotted names), with label and type; clicking a
 * field hands its JSONata path to the editor. A filter narrows 140 Kingdee fields down to the few one looks for.
 */
class SourceFieldTree extends Composite<VerticalLayout> {

    private static final long serialVersionUID = 1L;

    /**
     * A node of the tree.
     *
     * @param definition the declared field, or {@code null} for a parent only implied by dotted names
     */
    record Node(String path, String segment, FieldDefinition definition) {

        String label(Locale locale) {
            return definition == null || definition.label() == null ? "" : definition.label().in(locale);
        }

        String type() {
            return definition == null ? "object" : definition.type();
        }
    }

    private final TreeGrid<Node> grid = new TreeGrid<>();
    private final TextField filter = new TextField();
    private final Span empty = new Span();
    private List<Node> nodes = List.of();

    SourceFieldTree(Consumer<String> onPick) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.addClassName("yq-source-fields");
        filter.setId("source-fields-filter");
        filter.setPlaceholder(getTranslation("mapping.fields.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidthFull();
        filter.addValueChangeListener(e -> show());
        grid.setId("source-fields");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        String hint = getTranslation("mapping.fields.clickToInsert");
        grid.addHierarchyColumn(Node::segment).setKey("path").setHeader(getTranslation("mapping.fields.path"))
                .setFlexGrow(1).setResizable(true).setTooltipGenerator(n -> n.path() + " · " + hint);
        // label and type share a column: the pane is narrow, and the path is what people scan for
        grid.addColumn(n -> n.label(getLocale()) + " · " + n.type()).setKey("label")
                .setHeader(getTranslation("mapping.fields.labelAndType")).setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(n -> n.label(getLocale()) + " · " + n.type());
        grid.addItemClickListener(e -> onPick.accept(FieldPaths.jsonata(e.getItem().path())));
        grid.setHeight("100%");
        grid.setMinHeight("18em");
        empty.addClassName("yq-muted");
        root.add(filter, grid, empty);
        root.setFlexGrow(1, grid);
    }

    void setOperation(OperationDefinition operation) {
        Map<String, Node> byPath = new LinkedHashMap<>();
        if (operation != null) {
            for (FieldDefinition field : operation.fields()) {
                String[] parts = field.name().split("\\.");
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < parts.length; i++) {
                    path.append(i == 0 ? "" : ".").append(parts[i]);
                    String key = path.toString();
                    if (i == parts.length - 1) {
                        byPath.put(key, new Node(key, parts[i], field));
                    } else {
                        byPath.putIfAbsent(key, new Node(key, parts[i], null));
                    }
                }
            }
        }
        nodes = List.copyOf(byPath.values());
        empty.setText(operation == null ? getTranslation("mapping.fields.noSource")
                : nodes.isEmpty() ? getTranslation("mapping.fields.none") : "");
        empty.setVisible(operation == null || nodes.isEmpty());
        show();
    }

    /** The paths and labels, for the editor's completion. */
    List<JsonataEditor.Hint> hints() {
        return nodes.stream().map(n -> new JsonataEditor.Hint(FieldPaths.jsonata(n.path()), n.label(getLocale())))
                .toList();
    }

    private void show() {
        String wanted = filter.getValue() == null ? "" : filter.getValue().trim().toLowerCase(Locale.ROOT);
        Map<String, Node> byPath = new LinkedHashMap<>();
        nodes.forEach(n -> byPath.put(n.path(), n));
        TreeData<Node> data = new TreeData<>();
        for (Node node : nodes) {
            boolean matches = wanted.isEmpty() || node.path().toLowerCase(Locale.ROOT).contains(wanted)
                    || node.label(getLocale()).toLowerCase(Locale.ROOT).contains(wanted);
            if (matches) {
                add(data, node, byPath);
            }
        }
        TreeDataProvider<Node> provider = new TreeDataProvider<>(data);
        grid.setDataProvider(provider);
        if (!wanted.isEmpty()) {
            grid.expandRecursively(data.getRootItems(), 5);
        }
    }

    /** Adds a node with its ancestors, so a matching child shows where it lives. */
    private static void add(TreeData<Node> data, Node node, Map<String, Node> byPath) {
        if (data.contains(node)) {
            return;
        }
        int dot = node.path().lastIndexOf('.');
        Node parent = dot < 0 ? null : byPath.get(node.path().substring(0, dot));
        if (parent != null) {
            add(data, parent, byPath);
        }
        data.addItem(parent, node);
    }
}
