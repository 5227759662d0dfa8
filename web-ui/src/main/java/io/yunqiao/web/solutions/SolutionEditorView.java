package io.yunqiao.web.solutions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.problem.Problem;
import io.yunqiao.retention.RetentionSettings;
import io.yunqiao.run.DetailLookups;
import io.yunqiao.run.DryRunSource;
import io.yunqiao.run.Preparations;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.SolutionOrigin;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.alert.AlertSender;
import io.yunqiao.web.mapping.MappingWorkbench;
import io.yunqiao.web.shell.Notices;
import io.yunqiao.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds and changes a solution in six steps — basics, source, target, mapping, schedule and delivery, alerts —
 * with the mapping tried live on real records. Saving adds a version (after asking for an optional comment); a
 * refusal is shown on the field it concerns and nothing typed is lost. {@code solutions/new} starts from a blank
 * solution that is created on the first save. Administrators edit; viewers and operators get the same screen
 * read-only (see {@link ReadOnlyForm}): no write buttons, no live fetch from the source, no secret on the page, and
 * every write refused on the server by {@link SolutionWrites}. A saved solution may be published as a template
 * ({@link PublishTemplateDialog}); one copied from a template says which (来自模板) and offers a newer version.
 */
@Route("solutions/:solutionId")
@PermitAll
@StyleSheet("context://styles/solutions.css")
class SolutionEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    static final String NEW = "new";
    private static final String BLANK_MAPPING = "{\n  \n}";

    private final Solutions solutions;
    private final Templates templates;
    private final ConnectorRegistry registry;
    private final InputLimits limits;
    private final SolutionWrites writes;
    private final boolean readOnly;
    private final BasicsSection basics;
    private final SourceSection source;
    private final TargetSection target;
    private final SplitSection split;
    private final DetailsSection details;
    private final FilterSection filter;
    private final GroupSection group;
    private final ExistingSection existing;
    private final IdentityAdvice advice;
    private final MappingWorkbench workbench;
    private final ScheduleSection schedule;
    private final AlertsSection alerts;
    private final RetentionSection retention;
    private final Map<Tab, Component> pages = new LinkedHashMap<>();
    private final Tabs tabs = new Tabs();
    private final Tab basicsTab;
    private final Tab sourceTab;
    private final Tab targetTab;
    private final Tab mappingTab;
    private final Tab scheduleTab;
    private final Tab alertsTab;
    private final H2 title = new H2();
    private final Span version = new Span();
    private final Span state = new Span();
    private final Span unsaved = new Span();
    private final Button runNow = new Button();
    private final Button dryRun = new Button();
    private final Button runs = new Button();
    private final Button versions = new Button();
    private final Button save = new Button();
    private final Button publish = new Button();
    private final Div origin = new Div();

    private Long solutionId;
    private SolutionView saved;
    private String savedJson = "";
    private boolean loading;

    SolutionEditorView(Solutions solutions, Connections connections, ConnectorRegistry registry,
            MappingEngine mappingEngine, Preparations preparations, SourceSamples samples, AlertSender alertSender,
            InputLimits limits, ValueMapTables valueMapTables, DetailLookups detailLookups, SolutionWrites writes,
            CurrentUser user, RetentionSettings retentionSettings, Templates templates) {
        this.limits = limits;
        this.solutions = solutions;
        this.templates = templates;
        this.registry = registry;
        this.writes = writes;
        this.readOnly = !user.mayEdit();
        addClassNames("yq-page", "yq-solution-editor");
        setSpacing(false);
        var connectionList = connections.list();
        basics = new BasicsSection(this::changed, limits);
        source = new SourceSection(registry, connectionList, this::changed, this::sourceChanged);
        target = new TargetSection(registry, connectionList, this::changed, this::targetChanged);
        split = new SplitSection(this::shapeChanged);
        details = new DetailsSection(registry, this::shapeChanged);
        group = new GroupSection(this::shapeChanged);
        existing = new ExistingSection(registry, () -> workbench().getMapping(), this::changed);
        filter = new FilterSection(mappingEngine, limits, preparations.context(), this::filterChanged);
        source.add(split, details, filter);
        advice = new IdentityAdvice(registry, this::adopt);
        target.add(advice, group, existing);
        workbench = new MappingWorkbench(mappingEngine, preparations.context(), samples);
        workbench.setLiveSource(() -> source.source());
        // a reader's preview never calls the source system (that uses the connection's secret): example and stored
        workbench.setReadOnly(readOnly);
        workbench.setValueMapTables(valueMapTables::names);
        workbench.setDetailAnswers(records -> detailLookups.merged(currentSpec().withDetails(details().callable()),
                records));
        workbench.editor().addValueChangeListener(e -> changed());
        workbench.setFilterNote(filter::note);
        schedule = new ScheduleSection(this::changed, limits.minScheduleInterval());
        retention = new RetentionSection(retentionSettings, this::changed);
        schedule.add(retention);
        alerts = new AlertsSection(alertSender, () -> basics().name(), this::changed);

        add(header());
        origin.setId("template-origin");
        origin.addClassName("yq-editor-origin");
        origin.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)");
        origin.setVisible(false);
        add(origin);
        if (readOnly) {
            add(readOnlyNote());
        }
        basicsTab = tab("basics", VaadinIcon.INFO_CIRCLE_O, basics);
        sourceTab = tab("source", VaadinIcon.DOWNLOAD_ALT, source);
        targetTab = tab("target", VaadinIcon.UPLOAD_ALT, target);
        mappingTab = tab("mapping", VaadinIcon.CODE, workbench);
        scheduleTab = tab("schedule", VaadinIcon.CLOCK, schedule);
        alertsTab = tab("alerts", VaadinIcon.BELL_O, alerts);
        tabs.setId("editor-tabs");
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> showPage(e.getSelectedTab()));
        Div content = new Div(pages.values().toArray(Component[]::new));
        content.addClassName("yq-editor-content");
        content.setWidthFull();
        add(tabs, content);
        showPage(basicsTab);
    }

    // The constructor's lambdas reach the sections through these: the fields are not assigned when they are made.
    private SourceSection source() {
        return source;
    }

    private TargetSection target() {
        return target;
    }

    private BasicsSection basics() {
        return basics;
    }

    private MappingWorkbench workbench() {
        return workbench;
    }

    private DetailsSection details() {
        return details;
    }

    /** Another source operation: the mapping and the split and group pickers work on its fields. */
    private void sourceChanged() {
        workbench().setSource(source().operation());
        split.setSource(source().operation());
        details.setSource(source().connectorId(), source().operation());
        group.setSource(source().operation());
    }

    /** Another target operation: the mapping checks against it; the update offers the connector's other writes. */
    private void targetChanged() {
        workbench().setTarget(target().operation());
        existing.setTarget(target().connectorId(), target().operation() == null ? null : target().operation().id());
        if (!loading && solutionId == null) {
            prefillIdentity();
        }
    }

    /**
     * A new solution whose target says how it recognises a record: its dedupe and policy, while still the defaults,
     * become the advice, and a notice says so (see {@link IdentityAdvice}).
     */
    private void prefillIdentity() {
        advice.prefill(target().operation(), source().dedupe().targetKey(), existing.existing().policy())
                .ifPresent(filled -> {
                    source().setTargetKey(filled.targetKey());
                    existing.adopt(filled.policy(), null);
                    showAdvice();
                    if (filled.targetKey() != null) {
                        Notices.success(advice.filledNotice());
                    }
                });
    }

    /** 采用建议: the target-key dedupe and the policy the target's identity calls for. */
    private void adopt(IdentityAdvice.Advice adopted) {
        source().setTargetKey(adopted.targetKey());
        existing.adopt(adopted.policy(), adopted.updateOperation());
        changed();
        Notices.success(adopted.policy() == SolutionSpec.Existing.Policy.UPDATE
                ? getTranslation("solutions.identity.adoptedUpdate", adopted.targetKey(), adopted.updateOperation())
                : getTranslation("solutions.identity.adopted", adopted.targetKey()));
    }

    /** The identity hint under the target, for what the form shows now. */
    private void showAdvice() {
        if (advice == null) {
            return; // a section reported a change while the editor was still being built
        }
        advice.show(target().connectorId(), target().operation(), source().dedupe().targetKey(),
                existing.existing().policy());
    }

    /** The record filter changed: the preview says again whether its sample would be skipped. */
    private void filterChanged() {
        workbench().setFilterNote(filter::note);
        changed();
    }

    /** 明细拆分, 关联查询 or 合并 changed: the preview maps records as the run will. */
    private void shapeChanged() {
        workbench().setShape(split.split(), group.group());
        workbench().setLookups(details.lookups());
        changed();
    }

    private Tab tab(String name, VaadinIcon icon, Component page) {
        Tab tab = new Tab(icon.create(), new Span(getTranslation("solutions.tab." + name)));
        tab.setId("tab-" + name);
        tabs.add(tab);
        pages.put(tab, page);
        return tab;
    }

    private void showPage(Tab selected) {
        pages.forEach((tab, page) -> page.setVisible(tab == selected));
        if (tabs.getSelectedTab() != selected) {
            tabs.setSelectedTab(selected);
        }
        if (selected == mappingTab) {
            workbench.refresh();
        }
    }

    private Component header() {
        version.setId("editor-version");
        version.getElement().getThemeList().add("badge contrast");
        state.setId("editor-state");
        unsaved.setId("unsaved-marker");
        unsaved.setText(getTranslation("solutions.editor.unsaved"));
        unsaved.getElement().getThemeList().add("badge error");
        unsaved.setVisible(false);
        title.setId("editor-title");
        title.addClassName("yq-editor-title");

        save.setText(getTranslation("common.save"));
        save.setIcon(VaadinIcon.CHECK.create());
        save.addClickListener(e -> askToSave());
        save.setId("save-solution");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.setText(getTranslation("solutions.action.run"));
        runNow.setIcon(VaadinIcon.PLAY.create());
        runNow.setId("editor-run-now");
        runNow.setTooltipText(getTranslation("solutions.editor.runHelp"));
        runNow.addClickListener(e -> run((DryRunSource) null));
        dryRun.setText(getTranslation("solutions.action.dry"));
        dryRun.setIcon(VaadinIcon.FLASK.create());
        dryRun.setId("editor-dry-run");
        dryRun.setTooltipText(getTranslation("solutions.action.dryHelp"));
        dryRun.addClickListener(e -> new DryRunDialog(this::run).open());
        runs.setText(getTranslation("solutions.editor.runs"));
        runs.setIcon(VaadinIcon.TIME_FORWARD.create());
        runs.setId("editor-runs");
        runs.addClickListener(e -> UI.getCurrent().navigate("runs",
                QueryParameters.of("solution", String.valueOf(solutionId))));
        versions.setText(getTranslation("solutions.editor.versions"));
        versions.setIcon(VaadinIcon.ARCHIVE.create());
        versions.setId("versions");
        versions.addClickListener(e -> new VersionsDialog(solutions, writes, solutionId, this::isDirty, this::restored)
                .open());
        publish.setText(getTranslation("publishing.action"));
        publish.setIcon(VaadinIcon.SHARE.create());
        publish.setId("publish-template");
        publish.setTooltipText(getTranslation("publishing.action.help"));
        publish.addClickListener(e -> openPublish());
        Button back = new Button(VaadinIcon.ARROW_LEFT.create(), e -> UI.getCurrent().navigate(SolutionsView.class));
        back.setId("editor-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        back.setAriaLabel(getTranslation("solutions.editor.back"));
        back.setTooltipText(getTranslation("solutions.editor.back"));

        HorizontalLayout heading = new HorizontalLayout(back, title, version, state, unsaved);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        // a reader gets no write button at all (not a disabled one), and no versions: their JSON holds the secrets
        HorizontalLayout toolbar = readOnly ? new HorizontalLayout(runs)
                : new HorizontalLayout(save, runNow, dryRun, runs, versions, publish);
        toolbar.addClassName("yq-editor-toolbar");
        toolbar.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout bar = new HorizontalLayout(heading, toolbar);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private Component readOnlyNote() {
        Span note = new Span(VaadinIcon.LOCK.create(), new Span(getTranslation("solutions.editor.readOnly")));
        note.setId("editor-read-only");
        note.getElement().getThemeList().add("badge contrast");
        note.getElement().setAttribute("title", getTranslation("solutions.editor.readOnlyHelp"));
        Span help = new Span(getTranslation("solutions.editor.readOnlyHelp"));
        help.addClassName("yq-muted");
        Div box = new Div(note, new Span(" "), help);
        box.addClassName("yq-editor-read-only");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String parameter = event.getRouteParameters().get("solutionId").orElse(NEW);
        if (NEW.equals(parameter) && readOnly) {
            Notices.error(getTranslation("solutions.editor.readOnly"));
            event.forwardTo(SolutionsView.class);
            return;
        }
        if (NEW.equals(parameter)) {
            load(blank(), null);
            return;
        }
        try {
            load(null, solutions.get(Long.parseLong(parameter)));
        } catch (NumberFormatException | Problem e) {
            Notices.error(getTranslation("solutions.editor.notFound", parameter));
            event.forwardTo(SolutionsView.class);
        }
    }

    /** A new solution: nothing chosen yet, a sensible schedule (disabled) and an empty object to map into. */
    private SolutionSpec blank() {
        return new SolutionSpec("", null, null, null, new SolutionSpec.Target(null, null, null, BLANK_MAPPING), null,
                null, null, new SolutionSpec.Schedule("0 */5 * * * ?", false), SolutionSpec.Alerts.OFF,
                LogLevel.ALL);
    }

    /** Shows a spec: the saved solution's (view given) or a blank one. */
    private void load(SolutionSpec blankSpec, SolutionView view) {
        loading = true;
        try {
            saved = view;
            solutionId = view == null ? null : view.id();
            SolutionSpec spec = view == null ? blankSpec : readOnly ? ReadOnlyForm.withoutSecrets(view.spec())
                    : view.spec();
            basics.load(spec, view);
            source.load(spec);
            target.load(spec);
            split.load(spec);
            details.load(spec);
            filter.load(spec);
            group.load(spec);
            existing.load(spec);
            split.setSource(source.operation());
            details.setSource(source.connectorId(), source.operation());
            group.setSource(source.operation());
            existing.setTarget(target.connectorId(), target.operation() == null ? null : target.operation().id());
            schedule.load(spec);
            alerts.load(spec);
            retention.load(spec);
            workbench.setSource(source.operation());
            workbench.setTarget(target.operation());
            workbench.setShape(split.split(), group.group());
            workbench.setLookups(details.lookups());
            workbench.setMapping(spec.target() == null ? "" : spec.target().mapping());
            workbench.setSolution(solutionId);
            // what the form makes of the saved spec counts as saved, so only real edits mark the editor dirty
            savedJson = json(currentSpec());
            if (readOnly) {
                for (Component section : List.of(basics, source, target, schedule, alerts)) {
                    ReadOnlyForm.lock(section);
                }
            }
        } finally {
            loading = false;
        }
        showAdvice();
        refreshHeader();
    }

    private void refreshHeader() {
        boolean exists = solutionId != null;
        title.setText(exists ? saved.name() : getTranslation("solutions.editor.newTitle"));
        version.setText(exists ? getTranslation("solutions.editor.version", saved.version()) : "");
        version.setVisible(exists);
        state.setText(exists ? getTranslation(saved.enabled() ? "solutions.enabled" : "solutions.disabled") : "");
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(exists && saved.enabled() ? "badge success" : "badge");
        state.setVisible(exists);
        for (Button button : List.of(runNow, dryRun, runs, versions, publish)) {
            button.setEnabled(exists);
        }
        showOrigin();
        unsaved.setVisible(isDirty());
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    /** The solution as the screen shows it now. */
    SolutionSpec currentSpec() {
        return new SolutionSpec(basics.name(), basics.description(), source.source(), source.window(),
                target.target(workbench.getMapping()), source.dedupe(), schedule.rateLimit(), schedule.retry(),
                schedule.schedule(), alerts.alerts(), schedule.logLevel(), split.split(), group.group(),
                details.details(), existing.existing()).withFilter(filter.filter())
                .withRetention(retention.retention());
    }

    private void changed() {
        if (!loading) {
            unsaved.setVisible(isDirty());
            showAdvice();
        }
    }

    boolean isDirty() {
        return !readOnly && !loading && !json(currentSpec()).equals(savedJson);
    }

    private static String json(SolutionSpec spec) {
        try {
            return Solutions.SPEC_JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses at once what is plainly missing or invalid (a name, the two operations, a cron Quartz rejects), on
     * the field and in words of the UI's language, then runs the checks of the save itself (the validator, a free
     * name) and shows their refusal on its field; only a spec that passes them gets the comment dialog. A comment
     * is never carried over: a cancelled or refused save's comment does not become the next version's note.
     */
    private void askToSave() {
        if (readOnly || refusedBeforeSaving()) {
            return;
        }
        try {
            solutions.check(solutionId, currentSpec());
        } catch (Problem e) {
            showProblem(e);
            return;
        }
        Dialog dialog = new Dialog(getTranslation("solutions.save.title"));
        dialog.setId("save-dialog");
        TextField comment = new TextField(getTranslation("solutions.save.comment"));
        comment.setId("save-comment");
        comment.setPlaceholder(getTranslation("solutions.save.commentPlaceholder"));
        comment.setHelperText(getTranslation(solutionId == null ? "solutions.save.helpNew" : "solutions.save.help",
                saved == null ? 0 : saved.version() + 1));
        comment.setWidth("28em");
        comment.setMaxLength(limits.descriptionLength());
        dialog.add(comment);
        Button confirm = new Button(getTranslation("common.save"), e -> {
            dialog.close();
            save(comment.getValue());
        });
        confirm.setId("save-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        cancel.setId("save-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        comment.focus();
    }

    private boolean refusedBeforeSaving() {
        String reason = null;
        if (basics.name().isEmpty()) {
            reason = refuse(basicsTab, basics.fieldFor("name"), getTranslation("solutions.save.needsName"));
        } else if (source.operation() == null) {
            reason = refuse(sourceTab, source.fieldFor(source.connectorId() == null ? "source.connection"
                    : "source.operation"), getTranslation("solutions.save.needsSource"));
        } else if (target.operation() == null) {
            reason = refuse(targetTab, target.fieldFor(target.connectorId() == null ? "target.connection"
                    : "target.operation"), getTranslation("solutions.save.needsTarget"));
        } else if (schedule.cronProblem().isPresent()) {
            reason = refuse(scheduleTab, Optional.of(schedule.cronField()), schedule.cronProblem().get());
        }
        if (reason == null) {
            return false;
        }
        Notices.error(getTranslation("common.refused", reason));
        return true;
    }

    private String refuse(Tab tab, Optional<Component> field, String reason) {
        showPage(tab);
        field.ifPresent(f -> mark(f, reason));
        return reason;
    }

    private void save(String comment) {
        SolutionSpec spec = currentSpec();
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        try {
            SolutionView view = solutionId == null ? writes.create(spec, note) : writes.update(solutionId, spec, note);
            Notices.success(getTranslation("solutions.save.saved", view.version()));
            boolean created = solutionId == null;
            saved = view;
            solutionId = view.id();
            savedJson = json(currentSpec());
            basics.load(currentSpec(), view);
            refreshHeader();
            if (created) {
                UI.getCurrent().navigate(SolutionEditorView.class,
                        new RouteParameters("solutionId", String.valueOf(view.id())));
            }
        } catch (Problem e) {
            showProblem(e);
        }
    }

    /** A refusal: the message, and the field it is about marked and brought into view. */
    private void showProblem(Problem problem) {
        Notices.error(getTranslation("common.refused", problem.message(getLocale())));
        String field = problem.field();
        if (field == null) {
            return;
        }
        if (field.startsWith("target.mapping")) {
            showPage(mappingTab);
            workbench.showSaveProblem(problem.message(getLocale()));
            return;
        }
        List<Map.Entry<Tab, Function<String, Optional<Component>>>> owners = List.of(
                Map.entry(basicsTab, basics::fieldFor), Map.entry(sourceTab, source::fieldFor),
                Map.entry(sourceTab, split::fieldFor), Map.entry(sourceTab, details::fieldFor),
                Map.entry(sourceTab, filter::fieldFor),
                Map.entry(targetTab, target::fieldFor),
                Map.entry(targetTab, group::fieldFor), Map.entry(targetTab, existing::fieldFor),
                Map.entry(scheduleTab, schedule::fieldFor), Map.entry(scheduleTab, retention::fieldFor),
                Map.entry(alertsTab, alerts::fieldFor));
        for (var owner : owners) {
            Optional<Component> component = owner.getValue().apply(field);
            if (component.isPresent()) {
                showPage(owner.getKey());
                mark(component.get(), problem.message(getLocale()));
                return;
            }
        }
    }

    private static void mark(Component field, String message) {
        if (field instanceof HasValidation validated) {
            validated.setErrorMessage(message);
            validated.setInvalid(true);
        }
    }

    /** Starts a run, or a dry run of the records {@code dry} chooses. */
    private void run(DryRunSource dry) {
        if (solutionId == null || readOnly) {
            return;
        }
        Run run = writes.start(solutionId, dry);
        if (run.getStatus() == RunStatus.SKIPPED) {
            Notices.error(getTranslation("solutions.run.skipped", run.error(getLocale())));
            return;
        }
        Notices.success(getTranslation(dry != null ? "solutions.run.dryStarted" : "solutions.run.started",
                String.valueOf(run.getId())));
        UI.getCurrent().navigate("runs/" + run.getId());
    }

    /** 发布为模板 of the saved version (an administrator's, for a saved solution only). */
    private void openPublish() {
        if (readOnly || solutionId == null) {
            return;
        }
        new PublishTemplateDialog(templates, registry, writes, solutions.get(solutionId), isDirty()).open();
    }

    /**
     * 来自模板: which template and version the solution came from (or that the template is gone), and a newer
     * version's changes and adoption. Readers see where it came from, not the diff (it holds the solution's JSON,
     * which the versions dialog keeps from them too) nor the adoption.
     */
    private void showOrigin() {
        origin.removeAll();
        Optional<SolutionOrigin> from = solutionId == null ? Optional.empty() : templates.originOf(solutionId);
        origin.setVisible(from.isPresent());
        if (from.isEmpty()) {
            return;
        }
        SolutionOrigin template = from.get();
        Span text = new Span(template.exists()
                ? getTranslation("publishing.origin", template.title().in(getLocale()), template.version())
                : getTranslation("publishing.origin.deleted", template.templateId()));
        text.setId("template-origin-text");
        origin.add(VaadinIcon.COPY_O.create(), text);
        if (!template.exists() || !template.newerExists()) {
            return;
        }
        Span newer = new Span(getTranslation("publishing.origin.newer", template.latestVersion()));
        newer.setId("template-newer");
        newer.getElement().getThemeList().add("badge");
        origin.add(newer);
        if (readOnly) {
            return;
        }
        Button changes = new Button(getTranslation("publishing.origin.changes"), e -> showAdoptionDiff(template));
        changes.setId("template-changes");
        changes.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button adopt = new Button(getTranslation("publishing.origin.adopt"), e -> confirmAdopt(template));
        adopt.setId("template-adopt");
        adopt.addThemeVariants(ButtonVariant.LUMO_SMALL);
        origin.add(changes, adopt);
    }

    private void showAdoptionDiff(SolutionOrigin template) {
        Dialog dialog = new Dialog(getTranslation("publishing.adoption.title", template.title().in(getLocale()),
                template.version(), template.latestVersion()));
        dialog.setId("adoption-diff-dialog");
        dialog.setWidth("min(72rem, 96vw)");
        dialog.setResizable(true);
        Span help = new Span(getTranslation("publishing.adoption.help"));
        help.addClassName("yq-muted");
        Div diff = new Div();
        diff.setId("adoption-diff");
        diff.addClassName("yq-diff");
        try {
            for (LineDiff.Line line : templates.adoptionDiff(solutionId)) {
                diff.add(VersionsDialog.render(line, getTranslation("solutions.versions.gap", line.hidden())));
            }
        } catch (Problem e) {
            help.setText(e.message(getLocale()));
        }
        dialog.add(help, diff);
        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        close.setId("adoption-diff-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void confirmAdopt(SolutionOrigin template) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("adopt-confirm");
        confirm.setHeader(getTranslation("publishing.adopt.title", template.latestVersion()));
        confirm.setText(getTranslation(isDirty() ? "publishing.adopt.textUnsaved" : "publishing.adopt.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("publishing.origin.adopt"));
        confirm.addConfirmListener(e -> adoptNewer(template));
        confirm.open();
    }

    private void adoptNewer(SolutionOrigin template) {
        try {
            SolutionView view = writes.adopt(solutionId);
            load(null, view);
            Notices.success(getTranslation("publishing.adopted", template.title().in(getLocale()),
                    template.latestVersion(), view.version()));
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
        }
    }

    /** After a restore: the restored version is current and shown. */
    private void restored(SolutionView view) {
        load(null, view);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!isDirty()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("leave-confirm");
        confirm.setHeader(getTranslation("solutions.leave.title"));
        confirm.setText(getTranslation("solutions.leave.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("solutions.leave.stay"));
        confirm.setConfirmText(getTranslation("solutions.leave.discard"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            savedJson = json(currentSpec());
            action.proceed();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("solutions.editor.pageTitle", solutionId == null || saved == null
                ? getTranslation("solutions.editor.newTitle") : saved.name());
    }
}
