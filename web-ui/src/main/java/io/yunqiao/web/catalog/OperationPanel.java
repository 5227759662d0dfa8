package io.yunqiao.web.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ErrorRules;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.PagingSpec;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.connector.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One operation of a connector: how it is called, how it pages and takes its window, how the vendor signals
 * throttling, and its parameters and fields in grids. Opening the panel selects the operation.
 */
class OperationPanel extends Details {

    private static final long serialVersionUID = 1L;
    /** Grids longer than this scroll instead of growing the page. */
    private static final int ROWS_SHOWN = 12;

    private final OperationDefinition operation;
    private final Grid<ParamDefinition> params = new Grid<>();
    private final Grid<FieldDefinition> fields = new Grid<>();

    OperationPanel(ConnectorDefinition connector, OperationDefinition operation) {
        this.operation = operation;
        setId("catalog-operation-" + operation.id());
        addThemeVariants(DetailsVariant.FILLED);
        setWidthFull();
        Span role = new Span(getTranslation("catalog.role." + operation.role()));
        role.addClassNames("yq-role", "yq-role-" + operation.role());
        role.getElement().setAttribute("data-role", operation.role().name());
        Span title = new Span(text(operation.title()));
        title.getStyle().set("font-weight", "600");
        Span id = new Span(operation.id());
        id.addClassName("yq-muted");
        Span summary = new Span(role, new Span(" "), title, new Span(" "), id);
        setSummary(summary);

        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        if (operation.description() != null) {
            content.add(new Paragraph(text(operation.description())));
        }
        facts(connector).forEach(fact -> content.add(line(fact)));

        content.add(new H5(getTranslation("catalog.params")));
        if (operation.params().isEmpty()) {
            content.add(line(getTranslation("catalog.noParams")));
        } else {
            content.add(paramGrid());
        }
        content.add(new H5(getTranslation("catalog.fields." + operation.role())));
        content.add(fieldGrid());
        add(content);
        show(params, operation.params());
        show(fields, operation.fields());
    }

    /** The facts of the definition a caller needs: request, records, paging, window, result, throttling. */
    private List<String> facts(ConnectorDefinition connector) {
        List<String> facts = new ArrayList<>();
        if (operation.request() != null) {
            facts.add(getTranslation("catalog.request", operation.request().method(),
                    operation.request().path().isEmpty() ? "/" : operation.request().path(),
                    getTranslation("catalog.body." + operation.request().body(), operation.request().field())));
        }
        if (operation.role() == OperationRole.QUERY) {
            if (operation.records() != null) {
                facts.add(getTranslation("catalog.records", operation.records()));
            }
            if (operation.key() != null) {
                facts.add(getTranslation("catalog.key", operation.key(),
                        operation.code() == null ? getTranslation("common.none") : operation.code()));
            }
            PagingSpec paging = operation.paging();
            if (paging == null) {
                facts.add(getTranslation("catalog.noPaging"));
            } else {
                facts.add(switch (paging.type()) {
                    case OFFSET_LIMIT -> getTranslation("catalog.paging.OFFSET_LIMIT", paging.offset(),
                            String.valueOf(paging.first()), paging.limit(), String.valueOf(paging.defaultSize()),
                            String.valueOf(paging.maxSize()), getTranslation("catalog.stop." + paging.stop()));
                    case CURSOR -> getTranslation("catalog.paging.CURSOR", paging.param(), paging.next());
                    case NEXT_URL -> getTranslation("catalog.paging.NEXT_URL",
                            getTranslation("catalog.nextFrom." + paging.from(), paging.next()));
                    default -> getTranslation("catalog.paging", paging.page(), String.valueOf(paging.first()),
                            paging.size(), String.valueOf(paging.defaultSize()), String.valueOf(paging.maxSize()),
                            getTranslation("catalog.stop." + paging.stop()));
                });
                if (paging.total() != null) {
                    facts.add(getTranslation("catalog.total", paging.total()));
                }
            }
            WindowSpec window = operation.window();
            if (window != null) {
                facts.add(getTranslation("catalog.window", window.start(), window.end(),
                        getTranslation("catalog.format." + window.format())));
            } else {
                facts.add(getTranslation("catalog.noWindow"));
            }
        } else if (operation.result() != null) {
            facts.add(getTranslation("catalog.result", operation.result()));
        }
        ErrorRules errors = connector.errorsOf(operation);
        List<String> codes = errors.classes().getOrDefault(ErrorClass.THROTTLED, List.of());
        List<Integer> statuses = errors.httpStatus().getOrDefault(ErrorClass.THROTTLED, List.of());
        if (!codes.isEmpty() || !statuses.isEmpty()) {
            facts.add(getTranslation("catalog.throttled",
                    codes.isEmpty() ? getTranslation("common.none") : String.join(", ", codes),
                    statuses.isEmpty() ? getTranslation("common.none")
                            : String.join(", ", statuses.stream().map(String::valueOf).toList())));
        }
        return facts;
    }

    private Grid<ParamDefinition> paramGrid() {
        params.setId("catalog-params-" + operation.id());
        params.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        params.addColumn(ParamDefinition::name).setHeader(getTranslation("catalog.col.name")).setAutoWidth(true);
        params.addColumn(p -> text(p.label())).setHeader(getTranslation("catalog.col.label")).setAutoWidth(true);
        params.addColumn(ParamDefinition::type).setHeader(getTranslation("catalog.col.type")).setAutoWidth(true);
        params.addColumn(p -> yesNo(p.required())).setHeader(getTranslation("catalog.col.required"))
                .setAutoWidth(true);
        params.addColumn(p -> defaultOf(p.defaultValue())).setHeader(getTranslation("catalog.col.default"))
                .setAutoWidth(true);
        params.addColumn(p -> text(p.description())).setHeader(getTranslation("catalog.col.description"))
                .setWidth("24em").setFlexGrow(1);
        params.addColumn(p -> String.join(" | ", p.values())).setHeader(getTranslation("catalog.col.values"))
                .setAutoWidth(true);
        return params;
    }

    private Grid<FieldDefinition> fieldGrid() {
        fields.setId("catalog-fields-" + operation.id());
        fields.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        fields.addColumn(FieldDefinition::name).setHeader(getTranslation("catalog.col.path")).setAutoWidth(true);
        fields.addColumn(f -> text(f.label())).setHeader(getTranslation("catalog.col.label")).setAutoWidth(true);
        fields.addColumn(FieldDefinition::type).setHeader(getTranslation("catalog.col.type")).setAutoWidth(true);
        fields.addColumn(f -> yesNo(f.required())).setHeader(getTranslation("catalog.col.required"))
                .setAutoWidth(true);
        fields.addColumn(f -> text(f.description())).setHeader(getTranslation("catalog.col.description"))
                .setWidth("24em").setFlexGrow(1);
        fields.addColumn(f -> String.join(" | ", f.values())).setHeader(getTranslation("catalog.col.values"))
                .setAutoWidth(true);
        return fields;
    }

    /**
     * Shows the operation when the query finds it, by its id or title (then with every parameter and field) or by
     * some of its parameters and fields (then with just those); opens it when found by a non-empty query.
     *
     * @return whether the operation is shown
     */
    boolean filter(CatalogQuery query) {
        boolean itself = query.isEmpty() || query.matches(operation.id(), operation.title());
        Predicate<ParamDefinition> paramMatch = p -> query.matches(p.name(), p.label());
        Predicate<FieldDefinition> fieldMatch = f -> query.matches(f.name(), f.label());
        List<ParamDefinition> foundParams = operation.params().stream().filter(paramMatch).toList();
        List<FieldDefinition> foundFields = operation.fields().stream().filter(fieldMatch).toList();
        boolean shown = itself || !foundParams.isEmpty() || !foundFields.isEmpty();
        boolean narrowed = !query.isEmpty() && (!foundParams.isEmpty() || !foundFields.isEmpty());
        show(params, narrowed ? foundParams : operation.params());
        show(fields, narrowed ? foundFields : operation.fields());
        setVisible(shown);
        if (shown && !query.isEmpty()) {
            setOpened(true);
        }
        return shown;
    }

    private static <T> void show(Grid<T> grid, List<T> items) {
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= ROWS_SHOWN);
        if (items.size() > ROWS_SHOWN) {
            grid.setHeight("26em");
        } else {
            grid.setHeight(null);
        }
    }

    private String defaultOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private String text(LocalizedText text) {
        return text == null ? "" : text.in(getLocale());
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    private static Div line(String text) {
        Div line = new Div(text);
        line.addClassName("yq-muted");
        return line;
    }
}
