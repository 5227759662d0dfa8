package io.yunqiao.web.templates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.TargetOverlaps;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateFit;
import io.yunqiao.template.TemplateImport;
import io.yunqiao.template.TemplateSearch;
import io.yunqiao.template.TemplateUse;
import io.yunqiao.template.Templates;
import io.yunqiao.web.shell.BoundedImport;
import io.yunqiao.web.shell.ComponentTexts;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The template gallery (模板市场): the built-in templates the connectors ship and those published or imported here,
 * searchable and filtered by system, category and tag. Each card says what it reads from where and writes to where,
 * which connections it needs, what a copy asks for, where it came from, how often it was copied, and whether this
 * installation can run it. Everyone may open the details and export the file; administrators copy, import and
 * delete.
 */
@Route("templates")
@PermitAll
@StyleSheet("context://styles/templates.css")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final Templates templates;
    private final ConnectorRegistry registry;
    private final Connections connections;
    private final TargetOverlaps overlaps;
    private final TemplateWrites writes;
    private final TextField search = new TextField();
    private final ComboBox<String> system = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Div cards = new Div();
    private final Span none = new Span();
    private Upload upload;

    TemplatesView(Templates templates, ConnectorRegistry registry, Connections connections, TargetOverlaps overlaps,
            TemplateWrites writes, InputLimits limits) {
        this.templates = templates;
        this.registry = registry;
        this.connections = connections;
        this.overlaps = overlaps;
        this.writes = writes;
        addClassName("yq-page");
        add(new H2(getTranslation("templates.title")));
        Paragraph intro = new Paragraph(getTranslation("templates.intro"));
        intro.addClassName("yq-muted");
        add(intro);

        search.setId("templates-search");
        search.setLabel(getTranslation("templates.search"));
        search.setPlaceholder(getTranslation("templates.searchPlaceholder"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.addValueChangeListener(e -> refresh());
        filter(system, "filter-system", "templates.filter.system");
        system.setItemLabelGenerator(id -> new Endpoints(registry, getLocale()).connector(id));
        filter(category, "filter-category", "templates.filter.category");
        filter(tag, "filter-tag", "templates.filter.tag");
        Button clear = new Button(getTranslation("templates.filter.clear"), VaadinIcon.CLOSE_SMALL.create(),
                e -> clearFilters());
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, system, category, tag, clear);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("yq-template-filters");
        toolbar.setWrap(true);
        if (writes.allowed()) {
            toolbar.add(importUpload(limits));
        }
        add(toolbar);

        none.setId("templates-none");
        none.addClassName("yq-muted");
        cards.setId("templates");
        cards.addClassName("yq-template-cards");
        add(none, cards);
        refresh();
    }

    private void filter(ComboBox<String> box, String id, String label) {
        box.setId(id);
        box.setLabel(getTranslation(label));
        box.setClearButtonVisible(true);
        box.addValueChangeListener(e -> refresh());
    }

    private void clearFilters() {
        search.clear();
        system.clear();
        category.clear();
        tag.clear();
        refresh();
    }

    /** The cards of the templates that match, and the filters' choices from the templates present. */
    private void refresh() {
        List<SolutionTemplate> all = templates.list();
        choices(system, all.stream().flatMap(t -> Stream.of(t.solution().source().connector(),
                t.solution().target().connector())));
        choices(category, all.stream().map(SolutionTemplate::category));
        choices(tag, all.stream().flatMap(t -> t.tags().stream()));
        TemplateSearch criteria = new TemplateSearch(search.getValue(), system.getValue(), tag.getValue(),
                category.getValue());
        List<SolutionTemplate> shown = all.stream().filter(criteria::matches).toList();
        Map<String, TemplateUse> uses = templates.uses();
        cards.removeAll();
        shown.forEach(t -> cards.add(card(t, uses.getOrDefault(t.id(), TemplateUse.NONE))));
        none.setText(all.isEmpty() ? getTranslation("templates.empty") : getTranslation("templates.noMatch"));
        none.setVisible(shown.isEmpty());
    }

    /** Keeps the chosen value while it is still offered: setting the items would otherwise clear it. */
    private static void choices(ComboBox<String> box, Stream<String> values) {
        List<String> items = values.filter(Objects::nonNull).filter(v -> !v.isBlank()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
        String chosen = box.getValue();
        if (!items.equals(box.getListDataView().getItems().toList())) {
            box.setItems(items);
            if (chosen != null && items.contains(chosen)) {
                box.setValue(chosen);
            }
        }
    }

    private Div card(SolutionTemplate template, TemplateUse use) {
        SolutionSpec spec = template.solution();
        Endpoints endpoints = new Endpoints(registry, getLocale());
        String id = template.id();
        Div card = new Div();
        card.setId("template-" + id);
        card.addClassNames("yq-card", "yq-template");
        Div head = new Div(TemplateFacts.data(new H3(template.title().in(getLocale()))),
                TemplateFacts.badge(this, template));
        head.addClassName("yq-template-head");
        card.add(head);
        String published = TemplateFacts.published(this, template);
        if (!published.isEmpty()) {
            Div by = new Div(published);
            by.setId("published-" + id);
            by.addClassName("yq-muted");
            card.add(by);
        }
        card.add(TemplateFacts.data(new Paragraph(template.description().in(getLocale()))));

        Div route = new Div();
        route.addClassName("yq-template-route");
        Span source = new Span(endpoints.source(spec));
        source.addClassName("yq-template-source");
        source.setTitle(getTranslation("templates.source"));
        Span target = new Span(endpoints.target(spec));
        target.addClassName("yq-template-target");
        target.setTitle(getTranslation("templates.target"));
        Div to = new Div(VaadinIcon.ARROW_RIGHT.create(), target);
        to.addClassName("yq-template-to");
        route.add(new Div(source), to);
        card.add(route);

        Div needs = new Div(getTranslation("templates.needs", TemplateFacts.connectors(this, endpoints, spec)));
        needs.setId("needs-" + id);
        needs.addClassName("yq-muted");
        Div asks = template.inputs().isEmpty() ? new Div(getTranslation("templates.asksNothing"))
                : TemplateFacts.labelled(this, "templates.asks", TemplateFacts.inputLabels(this, template.inputs()),
                        "asks-" + id);
        asks.setId("asks-" + id);
        asks.addClassName("yq-muted");
        card.add(needs, asks);

        card.add(TemplateFacts.schedule(this, spec, "schedule-" + id));
        TemplateFacts.dedupe(this, registry, spec).ifPresent(card::add);
        Div uses = new Div(getTranslation("templates.uses", use.copies(), use.inUse()));
        uses.setId("uses-" + id);
        uses.addClassName("yq-muted");
        card.add(uses);
        TemplateFit fit = templates.fit(template);
        card.add(TemplateFacts.fitLine(this, fit, "fit-" + id));

        Button details = new Button(getTranslation("templates.details"), VaadinIcon.INFO_CIRCLE_O.create(),
                e -> UI.getCurrent().navigate("templates/" + id));
        details.setId("details-" + id);
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("yq-template-actions");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        if (writes.allowed()) {
            actions.add(copyButton(template, fit, "copy-" + id));
        }
        actions.add(details, TemplateFacts.export(this, templates, id, "export-" + id));
        if (writes.allowed() && !template.builtIn()) {
            Button delete = new Button(getTranslation("templates.delete"), VaadinIcon.TRASH.create(),
                    e -> confirmDelete(template));
            delete.setId("delete-" + id);
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        card.add(actions);
        return card;
    }

    /** 一键复制, disabled with the reason when this installation cannot run the template. */
    Button copyButton(SolutionTemplate template, TemplateFit fit, String id) {
        Button copy = new Button(getTranslation("templates.copy"), VaadinIcon.COPY_O.create(),
                e -> new CopyWizard(template, templates, registry, connections, overlaps, writes).open());
        copy.setId(id);
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!fit.runnable()) {
            copy.setEnabled(false);
            copy.setTooltipText(getTranslation("templates.copyCannotRun", TemplateFacts.missing(this, fit)));
        }
        return copy;
    }

    private void confirmDelete(SolutionTemplate template) {
        var confirm = DeleteConfirmation.of(getTranslation("templates.deleteConfirm",
                template.title().in(getLocale())), () -> {
                    try {
                        writes.delete(template.id());
                        Notices.success(getTranslation("templates.deleted", template.title().in(getLocale())));
                    } catch (Problem e) {
                        Notices.error(e.message(getLocale()));
                    }
                    refresh();
                });
        confirm.setId("template-delete-confirm");
        confirm.open();
    }

    private Upload importUpload(InputLimits limits) {
        Upload upload = new Upload(new BoundedImport(limits.importFile().toBytes(), (metadata, bytes) ->
                importFile(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8))));
        ComponentTexts.localize(upload);
        upload.setId("template-import");
        upload.setAcceptedFileTypes(".json", ".yaml", ".yml", "application/json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.importFile().toBytes()));
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("templates.import"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("templates.importDrop")));
        upload.addClassName("yq-import");
        upload.addFileRejectedListener(e -> Notices.error(getTranslation("templates.importRejected",
                e.getErrorMessage())));
        this.upload = upload;
        return upload;
    }

    /** Imports a file; an id already used here for another template asks which way to go. */
    private void importFile(String fileName, String text) {
        // one file at a time: the list is emptied so that the next file can be chosen
        upload.clearFileList();
        try {
            imported(writes.importFile(text, null, false));
        } catch (Problem e) {
            if ("problem.template.idExists".equals(e.code())) {
                new ImportConflict(fileName, text, e).open();
            } else {
                Notices.error(getTranslation("templates.import.refused", fileName, e.message(getLocale())));
            }
        }
    }

    private void imported(TemplateImport done) {
        SolutionTemplate template = done.template();
        String title = template.title().in(getLocale());
        Notices.success(switch (done.outcome()) {
            case CREATED -> getTranslation("templates.import.created", title, template.version());
            case NEW_VERSION -> getTranslation("templates.import.newVersion", title, template.version());
            case ALREADY_PRESENT -> getTranslation("templates.import.alreadyPresent", title, template.version());
        });
        refresh();
    }

    /**
     * The file's id is used here by a different template: import it as that template's new version, or under a new
     * id; nothing is stored until one is chosen.
     */
    private final class ImportConflict extends Dialog {

        private static final long serialVersionUID = 1L;

        private final String text;
        private final TextField newId = new TextField();
        private final Div refusal = new Div();

        ImportConflict(String fileName, String text, Problem problem) {
            this.text = text;
            setId("import-conflict");
            setHeaderTitle(getTranslation("templates.import.conflictTitle", fileName));
            setWidth("min(36rem, 96vw)");
            Paragraph reason = new Paragraph(problem.message(getLocale()));
            reason.setId("import-conflict-reason");
            newId.setId("import-new-id");
            newId.setLabel(getTranslation("templates.import.newId"));
            newId.setHelperText(getTranslation("templates.import.newIdHelp"));
            newId.setMaxLength(80);
            newId.setWidthFull();
            newId.addValueChangeListener(e -> newId.setInvalid(false));
            refusal.setId("import-conflict-refusal");
            refusal.addClassName("yq-copy-refusal");
            refusal.setVisible(false);
            add(reason, newId, refusal);
            Button asVersion = new Button(getTranslation("templates.import.asNewVersion"),
                    e -> retry(null, true));
            asVersion.setId("import-as-version");
            Button asNewId = new Button(getTranslation("templates.import.asNewId"), e -> {
                if (newId.getValue().isBlank()) {
                    newId.setErrorMessage(getTranslation("templates.import.newIdRequired"));
                    newId.setInvalid(true);
                    return;
                }
                retry(newId.getValue(), false);
            });
            asNewId.setId("import-as-new-id");
            asNewId.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), asVersion, asNewId);
        }

        private void retry(String id, boolean asNewVersion) {
            try {
                TemplateImport done = writes.importFile(text, id, asNewVersion);
                close();
                imported(done);
            } catch (Problem e) {
                if (id != null && "id".equals(e.field())) {
                    newId.setErrorMessage(e.message(getLocale()));
                    newId.setInvalid(true);
                }
                refusal.setText(getTranslation("common.refused", e.message(getLocale())));
                refusal.setVisible(true);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.pageTitle");
    }
}
