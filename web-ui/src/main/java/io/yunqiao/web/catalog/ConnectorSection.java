package io.yunqiao.web.catalog;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.CatalogEntry;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import java.util.ArrayList;
import java.util.List;

/** One connector in the catalog: what it is, how it authenticates, its connection form and its operations. */
class ConnectorSection extends Details {

    private static final long serialVersionUID = 1L;

    private final ConnectorDefinition definition;
    private final List<OperationPanel> operations = new ArrayList<>();

    ConnectorSection(CatalogEntry entry) {
        this.definition = entry.definition();
        setId("catalog-connector-" + definition.id());
        addClassName("yq-catalog-connector");
        Span name = new Span(definition.name().in(getLocale()));
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span id = new Span(definition.id());
        id.addClassName("yq-muted");
        setSummary(new Span(name, new Span(" "), id));

        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        content.add(new Paragraph(text(definition.description())));
        content.add(line(getTranslation("catalog.vendor", nonNull(definition.vendor()), nonNull(definition.version()))));
        content.add(line(getTranslation("catalog.auth", definition.auth())));
        // where the definition comes from tells an administrator where to change it
        content.add(line(getTranslation("catalog.origin." + entry.origin().name().toLowerCase(java.util.Locale.ROOT))
                + (entry.extensions().isEmpty() ? ""
                        : getTranslation("catalog.extendedBy", String.join(", ", entry.extensions())))));
        content.add(new H4(getTranslation("catalog.connectionFields")));
        content.add(connectionGrid());
        content.add(new H4(getTranslation("catalog.operations", definition.operations().size())));
        for (OperationDefinition operation : definition.operations()) {
            OperationPanel panel = new OperationPanel(definition, operation);
            operations.add(panel);
            content.add(panel);
        }
        add(content);
        setOpened(true);
    }

    private Grid<ConnectionField> connectionGrid() {
        Grid<ConnectionField> grid = new Grid<>();
        grid.setId("catalog-connection-" + definition.id());
        grid.addColumn(ConnectionField::name).setHeader(getTranslation("catalog.col.name")).setAutoWidth(true);
        grid.addColumn(f -> text(f.label())).setHeader(getTranslation("catalog.col.label")).setAutoWidth(true);
        grid.addColumn(ConnectionField::type).setHeader(getTranslation("catalog.col.type")).setAutoWidth(true);
        grid.addColumn(f -> yesNo(f.required())).setHeader(getTranslation("catalog.col.required")).setAutoWidth(true);
        grid.addColumn(f -> yesNo(f.secret())).setHeader(getTranslation("catalog.col.secret")).setAutoWidth(true);
        grid.addColumn(f -> nonNull(f.defaultValue())).setHeader(getTranslation("catalog.col.default"))
                .setAutoWidth(true);
        grid.addColumn(f -> text(f.description())).setHeader(getTranslation("catalog.col.description"))
                .setWidth("24em").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(definition.connection());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /**
     * Shows the operations the query finds (all of them when the connector itself matches) and hides the
     * connector when none do.
     *
     * @return whether anything of this connector is shown
     */
    boolean filter(CatalogQuery query) {
        boolean whole = query.isEmpty() || query.matches(definition.id(), definition.name());
        boolean any = false;
        for (OperationPanel panel : operations) {
            any |= panel.filter(whole ? new CatalogQuery("") : query);
        }
        boolean shown = whole || any;
        setVisible(shown);
        if (shown && !query.isEmpty()) {
            setOpened(true);
        }
        return shown;
    }

    private String text(LocalizedText text) {
        return text == null ? "" : text.in(getLocale());
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static Div line(String text) {
        Div line = new Div(text);
        line.addClassName("yq-muted");
        return line;
    }
}
