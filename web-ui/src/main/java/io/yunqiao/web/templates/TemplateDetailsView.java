package io.yunqiao.web.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.mapping.MappingRow;
import io.yunqiao.mapping.MappingTable;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.TargetOverlaps;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateFit;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.TemplateVersionView;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/**
 * One template before copying it (模板详情): what it does, from where to where, its schedule suggestion and dedupe
 * field, the field mapping as a table (target field ← source expression; the JSONata text when it is no plain object),
 * what a copy asks for, the value maps it brings or needs, and its versions with who published each, how often each
 * was copied, and the changes between two versions. Copy (administrators), export (everyone), delete (a stored
 * template, administrators).
 */
@Route("templates/:" + TemplateDetailsView.ID)
@PermitAll
@StyleSheet("context://styles/templates.css")
@StyleSheet("context://styles/solutions.css")
class TemplateDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    static final String ID = "templateId";

    private final Templates templates;
    private final ConnectorRegistry registry;
    private final Connections connections;
    private final TargetOverlaps overlaps;
    private final TemplateWrites writes;
    private final ValueMapTables valueMaps;
    private final VerticalLayout content = new VerticalLayout();
    private final Div diff = new Div();
    private final Span diffTitle = new Span();
    private SolutionTemplate template;

    TemplateDetailsView(Templates templates, ConnectorRegistry registry, Connections connections,
            TargetOverlaps overlaps, TemplateWrites writes, ValueMapTables valueMaps) {
        this.templates = templates;
        this.registry = registry;
        this.connections = connections;
        this.overlaps = overlaps;
        this.writes = writes;
        this.valueMaps = valueMaps;
        addClassName("yq-page");
        content.setPadding(false);
        Anchor back = new Anchor("templates", getTranslation("templates.details.back"));
        back.setId("details-back");
        add(back, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        try {
            template = templates.get(id);
        } catch (Problem e) {
            template = null;
            Notices.error(getTranslation("templates.details.notFound", id));
            event.forwardTo(TemplatesView.class);
            return;
        }
        show();
    }

    private void show() {
        content.removeAll();
        SolutionSpec spec = template.solution();
        Endpoints endpoints = new Endpoints(registry, getLocale());
        String id = template.id();

        H2 title = TemplateFacts.data(new H2(template.title().in(getLocale())));
        title.setId("details-title");
        HorizontalLayout head = new HorizontalLayout(title, TemplateFacts.badge(this, template));
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        content.add(head);
        String published = TemplateFacts.published(this, template);
        if (!published.isEmpty()) {
            content.add(muted(published, "details-published"));
        }
        Paragraph description = TemplateFacts.data(new Paragraph(template.description().in(getLocale())));
        description.setId("details-description");
        content.add(description);
        if (!template.category().isEmpty()) {
            content.add(TemplateFacts.labelled(this, "templates.details.category", template.category(),
                    "details-category"));
        }
        if (!template.tags().isEmpty()) {
            content.add(TemplateFacts.labelled(this, "templates.details.tags",
                    String.join(getTranslation("templates.listSeparator"), template.tags()), "details-tags"));
        }

        Div route = new Div();
        route.addClassName("yq-template-route");
        Div to = new Div(VaadinIcon.ARROW_RIGHT.create(), new Span(endpoints.target(spec)));
        to.addClassName("yq-template-to");
        route.add(new Div(new Span(endpoints.source(spec))), to);
        route.setId("details-route");
        content.add(route);
        content.add(muted(getTranslation("templates.needs", TemplateFacts.connectors(this, endpoints, spec)),
                "details-needs"));
        content.add(TemplateFacts.schedule(this, spec, "details-schedule"));
        TemplateFacts.dedupe(this, registry, spec).ifPresent(dedupe -> {
            dedupe.setId("details-dedupe");
            content.add(dedupe);
        });
        TemplateFit fit = templates.fit(template);
        content.add(TemplateFacts.fitLine(this, fit, "details-fit"), actions(fit));

        content.add(new H3(getTranslation("templates.details.mapping")), mapping(spec));
        content.add(new H3(getTranslation("templates.details.inputs")), inputs());
        content.add(new H3(getTranslation("templates.details.valueMaps")), valueMaps());
        content.add(new H3(getTranslation("templates.details.versions")), versions(id));
        diffTitle.setId("details-diff-title");
        diffTitle.addClassName("yq-muted");
        diffTitle.setVisible(false);
        diff.setId("details-diff");
        diff.addClassName("yq-diff");
        diff.removeAll();
        content.add(diffTitle, diff);
    }

    private Div muted(String text, String id) {
        Div div = new Div(text);
        div.setId(id);
        div.addClassName("yq-muted");
        return div;
    }

    private HorizontalLayout actions(TemplateFit fit) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        if (writes.allowed()) {
            Button copy = new Button(getTranslation("templates.copy"), VaadinIcon.COPY_O.create(),
                    e -> new CopyWizard(template, templates, registry, connections, overlaps, writes).open());
            copy.setId("details-copy");
            copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (!fit.runnable()) {
                copy.setEnabled(false);
                copy.setTooltipText(getTranslation("templates.copyCannotRun", TemplateFacts.missing(this, fit)));
            }
            actions.add(copy);
        }
        actions.add(TemplateFacts.export(this, templates, template.id(), "details-export"));
        if (writes.allowed() && !template.builtIn()) {
            Button delete = new Button(getTranslation("templates.delete"), VaadinIcon.TRASH.create(),
                    e -> confirmDelete());
            delete.setId("details-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete() {
        SolutionTemplate doomed = template;
        var confirm = DeleteConfirmation.of(getTranslation("templates.deleteConfirm",
                doomed.title().in(getLocale())), () -> {
                    try {
                        writes.delete(doomed.id());
                        Notices.success(getTranslation("templates.deleted", doomed.title().in(getLocale())));
                        getUI().ifPresent(ui -> ui.navigate(TemplatesView.class));
                    } catch (Problem e) {
                        Notices.error(e.message(getLocale()));
                    }
                });
        confirm.setId("template-delete-confirm");
        confirm.open();
    }

    /** The mapping as rows (target field ← source expression), or its JSONata text when it is no plain object. */
    private Component mapping(SolutionSpec spec) {
        String expression = spec.target().mapping();
        MappingTable table;
        try {
            table = MappingTable.read(expression);
        } catch (Problem e) {
            table = null;
        }
        if (table == null || table.rows().isEmpty()) {
            TextArea text = new TextArea();
            text.setId("details-mapping-text");
            text.setReadOnly(true);
            text.setWidthFull();
            text.setValue(expression == null ? "" : expression);
            text.setHelperText(getTranslation("templates.details.mappingText"));
            return text;
        }
        Grid<MappingRow> rows = new Grid<>();
        rows.setId("details-mapping");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setAllRowsVisible(true);
        rows.addColumn(r -> TemplateFacts.fieldWords(this, registry, spec.target().connector(),
                spec.target().operation(), r.target())).setHeader(getTranslation("templates.details.targetField"))
                .setKey("target").setAutoWidth(true).setFlexGrow(0);
        rows.addComponentColumn(r -> {
            // the expression is the template's data: shown as written, in code type
            Span code = new Span(r.expression());
            code.addClassName("yq-template-expression");
            code.getElement().setAttribute("data-yq-data", true);
            return code;
        }).setHeader(getTranslation("templates.details.sourceValue")).setFlexGrow(1);
        rows.setItems(table.rows());
        Span help = new Span(getTranslation("templates.details.mappingHelp"));
        help.addClassName("yq-muted");
        VerticalLayout box = new VerticalLayout(help, rows);
        box.setPadding(false);
        return box;
    }

    private Component inputs() {
        if (template.inputs().isEmpty()) {
            return muted(getTranslation("templates.details.noInputs"), "details-inputs");
        }
        Grid<TemplateInput> grid = new Grid<>();
        grid.setId("details-inputs");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> i.label().in(getLocale())).setHeader(getTranslation("templates.details.inputLabel"))
                .setAutoWidth(true);
        grid.addColumn(i -> i.defaultValue() == null || i.defaultValue().isNull() ? ""
                : i.defaultValue().isValueNode() ? i.defaultValue().asText() : i.defaultValue().toString())
                .setHeader(getTranslation("templates.details.inputDefault")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation(i.required() ? "templates.details.yes" : "templates.details.no"))
                .setHeader(getTranslation("templates.details.inputRequired")).setAutoWidth(true);
        grid.setItems(template.inputs());
        return grid;
    }

    private Component valueMaps() {
        VerticalLayout maps = new VerticalLayout();
        maps.setId("details-value-maps");
        maps.setPadding(false);
        maps.setSpacing(false);
        template.valueMaps().forEach((name, entries) -> maps.add(new Div(getTranslation(
                "templates.details.copiedMap", name, entries.size()))));
        List<String> here = valueMaps.names();
        for (String name : template.referencedValueMaps()) {
            maps.add(new Div(getTranslation("templates.details.referencedMap", name, getTranslation(
                    here.contains(name) ? "templates.details.mapExists" : "templates.details.mapMissing"))));
        }
        if (maps.getComponentCount() == 0) {
            maps.add(new Div(getTranslation("templates.details.noValueMaps")));
        }
        maps.addClassName("yq-muted");
        return maps;
    }

    private Component versions(String id) {
        Grid<TemplateVersionView> grid = new Grid<>();
        grid.setId("details-versions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> getTranslation("templates.version", v.version()))
                .setHeader(getTranslation("templates.details.version")).setKey("version").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> TemplateFacts.origin(this, v.origin()))
                .setHeader(getTranslation("templates.details.origin")).setKey("origin").setAutoWidth(true);
        grid.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy())
                .setHeader(getTranslation("templates.details.by")).setAutoWidth(true);
        grid.addColumn(v -> TemplateFacts.time(v.publishedAt()))
                .setHeader(getTranslation("templates.details.at")).setAutoWidth(true);
        grid.addColumn(v -> v.note() == null ? "" : v.note())
                .setHeader(getTranslation("templates.details.note")).setFlexGrow(1);
        grid.addColumn(TemplateVersionView::copies).setHeader(getTranslation("templates.details.copies"))
                .setAutoWidth(true);
        grid.addColumn(TemplateVersionView::inUse).setHeader(getTranslation("templates.details.inUse"))
                .setAutoWidth(true);
        int current = template.version();
        grid.addComponentColumn(v -> {
            if (v.version() == current) {
                return new Span(getTranslation("templates.details.current"));
            }
            Button compare = new Button(getTranslation("templates.details.compare"),
                    e -> compare(id, v.version(), current));
            compare.setId("compare-" + v.version());
            compare.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return compare;
        }).setKey("compare").setAutoWidth(true);
        grid.setItems(templates.versions(id));
        return grid;
    }

    /** The changes from an older version to the current one, line by line. */
    void compare(String id, int from, int to) {
        diff.removeAll();
        diffTitle.setText(getTranslation("templates.details.compareTitle", from, to));
        diffTitle.setVisible(true);
        for (LineDiff.Line line : templates.diff(id, from, to)) {
            Div row = new Div();
            row.addClassName("yq-diff-" + line.kind().name().toLowerCase(Locale.ROOT));
            row.getElement().setAttribute("data-kind", line.kind().name());
            row.getElement().setAttribute("data-yq-data", line.kind() != LineDiff.Kind.GAP);
            row.setText(switch (line.kind()) {
                case ADDED -> "+ " + line.text();
                case REMOVED -> "- " + line.text();
                case GAP -> getTranslation("templates.details.gap", line.hidden());
                default -> "  " + line.text();
            });
            diff.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return template == null ? getTranslation("templates.pageTitle")
                : getTranslation("templates.details.pageTitle", template.title().in(getLocale()));
    }
}
