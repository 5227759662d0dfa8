package io.yunqiao.web.solutions;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.web.runs.OpenFailures;
import io.yunqiao.web.shell.BoundedImport;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.retention.DiskUsage;
import io.yunqiao.retention.Housekeeping;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Every solution at a glance — what flows where, whether it is on, when it runs next and how its last run went —
 * with the actions each role may take: operators run, dry-run and switch solutions on and off; administrators also
 * create, import, copy, edit and delete; everyone may export. While a run is in progress the list refreshes itself.
 */
@Route("solutions")
@PermitAll
@StyleSheet("context://styles/solutions.css")
class SolutionsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    /**
     * One row: the solution and what the list shows beside it.
     *
     * @param nextFire when the schedule fires next, formatted, or "—" when it is not scheduled
     */
    record Row(SolutionView solution, Run lastRun, String nextFire, long openFailures) {
    }

    private final Solutions solutions;
    private final SyncEngine engine;
    private final RunHistory history;
    private final SolutionScheduler scheduler;
    private final ConnectorRegistry registry;
    private final Connections connections;
    private final CurrentUser user;
    private final InputLimits limits;
    private final DiskUsage disk;
    private final Housekeeping housekeeping;
    private final Grid<Row> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private static final long POLL_SECONDS = 3;
    private static final long IDLE_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private Map<Long, String> connectionNames = Map.of();
    private transient ScheduledExecutorService poller;
    private volatile boolean running;
    private volatile long lastRefresh;

    SolutionsView(Solutions solutions, SyncEngine engine, RunHistory history, SolutionScheduler scheduler,
            ConnectorRegistry registry, Connections connections, CurrentUser user, InputLimits limits, DiskUsage disk,
            Housekeeping housekeeping) {
        this.limits = limits;
        this.disk = disk;
        this.housekeeping = housekeeping;
        this.solutions = solutions;
        this.engine = engine;
        this.history = history;
        this.scheduler = scheduler;
        this.registry = registry;
        this.connections = connections;
        this.user = user;
        addClassName("yq-page");

        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("solutions.title")));
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");
        if (user.mayEdit()) {
            Button create = new Button(getTranslation("solutions.new"), VaadinIcon.PLUS.create(), e -> offerNew());
            create.setId("new-solution");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create, importUpload());
            Button cleanUp = new Button(getTranslation("solutions.cleanUp"), VaadinIcon.TRASH.create(),
                    e -> cleanUpNow());
            cleanUp.setId("clean-up-now");
            cleanUp.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toolbar.add(cleanUp);
        }
        add(toolbar);

        grid.setId("solutions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::name).setKey("name").setHeader(getTranslation("solutions.column.name"))
                .setFlexGrow(3).setSortable(true).setComparator(r -> r.solution().name());
        grid.addComponentColumn(this::flow).setKey("flow").setHeader(getTranslation("solutions.column.flow"))
                .setFlexGrow(4);
        grid.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("solutions.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::schedule).setKey("schedule")
                .setHeader(getTranslation("solutions.column.schedule")).setFlexGrow(2).setWidth("12em");
        grid.addComponentColumn(this::lastRun).setKey("lastRun")
                .setHeader(getTranslation("solutions.column.lastRun")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> OpenFailures.badge(row.openFailures(), this::getTranslation))
                .setKey("openFailures").setHeader(getTranslation("runs.openFailures")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::disk).setKey("disk").setHeader(getTranslation("solutions.column.disk"))
                .setAutoWidth(true).setFlexGrow(0).setSortable(true)
                .setComparator(r -> disk.of(r.solution().id()).map(DiskUsage.Usage::total).orElse(0L));
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("solutions.column.actions"))
                .setWidth("15em").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        empty.setId("solutions-empty");
        empty.addClassName("yq-muted");
        add(grid, empty);
        refresh();
    }

    private Component name(Row row) {
        SolutionView solution = row.solution();
        Component name;
        if (user.mayEdit()) {
            RouterLink link = new RouterLink(solution.name(), SolutionEditorView.class,
                    new RouteParameters("solutionId", String.valueOf(solution.id())));
            link.setId("open-" + solution.id());
            name = link;
        } else {
            // readers open the editor read-only: a separate link, so no edit control appears for them
            RouterLink view = new RouterLink(getTranslation("solutions.action.view"), SolutionEditorView.class,
                    new RouteParameters("solutionId", String.valueOf(solution.id())));
            view.setId("view-" + solution.id());
            view.addClassName("yq-action-link");
            name = new Span(new Span(solution.name()), new Span(" "), view);
        }
        Div cell = new Div(name);
        if (solution.spec().description() != null && !solution.spec().description().isBlank()) {
            Div description = new Div(solution.spec().description());
            description.addClassName("yq-muted");
            cell.add(description);
        }
        return cell;
    }

    private Component flow(Row row) {
        SolutionSpec spec = row.solution().spec();
        SolutionSpec.Source source = spec.source();
        SolutionSpec.Target target = spec.target();
        Div from = new Div(side(source == null ? null : source.connector(), source == null ? null
                : source.operation()));
        Div to = new Div("→ " + side(target == null ? null : target.connector(), target == null ? null
                : target.operation()));
        Div links = new Div(connectionName(source == null ? null : source.connection()) + " → "
                + connectionName(target == null ? null : target.connection()));
        links.addClassName("yq-muted");
        return new Div(from, to, links);
    }

    private String side(String connectorId, String operationId) {
        if (connectorId == null) {
            return getTranslation("solutions.unset");
        }
        var connector = registry.find(connectorId);
        String connectorName = connector.map(ConnectorDefinition::name).map(n -> n.in(getLocale()))
                .orElse(connectorId);
        String operation = connector.flatMap(c -> c.operation(operationId == null ? "" : operationId))
                .map(OperationDefinition::title).map(t -> t.in(getLocale()))
                .orElse(operationId == null ? "" : operationId);
        return connectorName + " · " + operation;
    }

    private String connectionName(Long id) {
        return id == null ? getTranslation("solutions.noConnection")
                : connectionNames.getOrDefault(id, getTranslation("solutions.connectionGone", String.valueOf(id)));
    }

    private Component status(Row row) {
        SolutionView solution = row.solution();
        if (!user.mayOperate()) {
            Span text = new Span(getTranslation(solution.enabled() ? "solutions.enabled" : "solutions.disabled"));
            text.setId("state-" + solution.id());
            text.getElement().getThemeList().add(solution.enabled() ? "badge success" : "badge");
            return text;
        }
        Checkbox toggle = new Checkbox(getTranslation("solutions.enable"), solution.enabled());
        toggle.setId("enable-" + solution.id());
        toggle.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                solutions.setEnabled(solution.id(), e.getValue());
                Notices.success(getTranslation(e.getValue() ? "solutions.enabledNotice" : "solutions.disabledNotice",
                        solution.name()));
            } catch (Problem problem) {
                Notices.error(getTranslation("common.refused", problem.message(getLocale())));
            }
            refresh();
        });
        return toggle;
    }

    private Component schedule(Row row) {
        String cron = row.solution().cron();
        // the words first, for clerks; the expression small beside them, for whoever reads cron
        Div description = new Div(CronDescription.inWords(cron, this::getTranslation));
        description.setId("schedule-" + row.solution().id());
        Span expression = new Span(cron == null ? "—" : cron);
        expression.addClassNames("yq-code-inline", "yq-muted");
        Div next = new Div(getTranslation("solutions.nextRun", row.nextFire()));
        next.setId("next-" + row.solution().id());
        next.addClassName("yq-next-run");
        return new Div(description, expression, next);
    }

    /** The disk the solution's data uses, estimated and measured now and then; the parts in the tooltip. */
    private Component disk(Row row) {
        Span size = new Span();
        size.setId("disk-" + row.solution().id());
        disk.of(row.solution().id()).ifPresentOrElse(usage -> {
            size.setText(Sizes.format(usage.total()));
            size.setTitle(getTranslation("solutions.disk.detail", Sizes.format(usage.records()),
                    Sizes.format(usage.contents()), Sizes.format(usage.logs()), Sizes.format(usage.keys()),
                    Sizes.format(usage.runs()), disk.measuredAt() == null ? "—" : Times.format(disk.measuredAt())));
        }, () -> size.setText(getTranslation("solutions.disk.none")));
        return size;
    }

    /**
     * Starts the clean-up at once, in the background (a large backlog takes minutes); says what it removed when it
     * ends. Administrators only.
     */
    private void cleanUpNow() {
        if (!user.mayEdit()) {
            return;
        }
        if (housekeeping.isRunning()) {
            Notices.error(getTranslation("solutions.cleanUp.running"));
            return;
        }
        UI ui = UI.getCurrent();
        Notices.success(getTranslation("solutions.cleanUp.started"));
        Thread worker = new Thread(() -> {
            Optional<Housekeeping.Report> report;
            try {
                report = housekeeping.cleanUp();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SolutionsView.class).warn("housekeeping: the clean-up asked for did not end", e);
                ui.access(() -> Notices.error(getTranslation("solutions.cleanUp.failed")));
                return;
            }
            // the texts in the UI's thread: only there is the user's language at hand
            ui.access(() -> {
                report.ifPresentOrElse(r -> Notices.success(getTranslation("solutions.cleanUp.done",
                        String.valueOf(r.recordLogs()), String.valueOf(r.contents()), String.valueOf(r.emptyRuns()))),
                        () -> Notices.error(getTranslation("solutions.cleanUp.running")));
                refresh();
            });
        }, "yunqiao-clean-up-now");
        worker.setDaemon(true);
        worker.start();
    }

    private Component lastRun(Row row) {
        Run run = row.lastRun();
        if (run == null) {
            Span none = new Span(getTranslation("solutions.neverRun"));
            none.addClassName("yq-muted");
            return none;
        }
        RunStatus status = run.getStatus();
        Span label = new Span(getTranslation("solutions.runStatus." + status.name()));
        label.addClassName("yq-status-" + status.name());
        label.getElement().setAttribute("data-status", status.name());
        Anchor link = new Anchor("runs/" + run.getId(), label);
        link.getElement().setAttribute("router-link", true);
        link.setId("last-run-" + row.solution().id());
        link.setTitle(run.getError() == null ? "" : run.error(getLocale()));
        Div when = new Div(Times.format(run.getStartedAt()) + (run.isDryRun() ? " · " + getTranslation(
                "solutions.dryRunMark") : ""));
        when.addClassName("yq-muted");
        return new Div(link, when);
    }

    private Component actions(Row row) {
        long id = row.solution().id();
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.addClassName("yq-actions");
        if (user.mayOperate()) {
            actions.add(small(getTranslation("solutions.action.run"), VaadinIcon.PLAY, "run-" + id,
                    () -> run(row.solution(), false)));
            actions.add(small(getTranslation("solutions.action.dry"), VaadinIcon.FLASK, "dry-" + id,
                    () -> run(row.solution(), true)));
        }
        if (user.mayEdit()) {
            actions.add(small(getTranslation("solutions.action.copy"), VaadinIcon.COPY_O, "copy-sol-" + id,
                    () -> copy(row.solution())));
        }
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = solutions.export(id).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), "solution-" + id + ".json",
                    "application/json", json.length);
        }), AttachmentType.DOWNLOAD, getTranslation("solutions.action.export"));
        export.setId("export-" + id);
        export.addClassName("yq-action-link");
        actions.add(export);
        if (user.mayEdit()) {
            Button delete = small(getTranslation("common.delete"), VaadinIcon.TRASH, "delete-" + id,
                    () -> confirmDelete(row.solution()));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private static Button small(String text, VaadinIcon icon, String id, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void run(SolutionView solution, boolean dry) {
        try {
            Run run = engine.start(solution.id(), RunTrigger.MANUAL, dry);
            if (run.getStatus() == RunStatus.SKIPPED) {
                Notices.error(getTranslation("solutions.run.skipped", run.error(getLocale())));
                refresh();
                return;
            }
            Notices.success(getTranslation(dry ? "solutions.run.dryStarted" : "solutions.run.started",
                    String.valueOf(run.getId())));
            UI.getCurrent().navigate("runs/" + run.getId());
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
        }
    }

    /** A new solution starts best from a template; a blank one is for those who know what they want. */
    private void offerNew() {
        Dialog dialog = new Dialog(getTranslation("solutions.new"));
        dialog.setId("new-solution-dialog");
        Button fromTemplate = new Button(getTranslation("solutions.new.fromTemplate"), VaadinIcon.COPY_O.create(),
                e -> {
                    dialog.close();
                    UI.getCurrent().navigate("templates");
                });
        fromTemplate.setId("new-from-template");
        fromTemplate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button blank = new Button(getTranslation("solutions.new.blank"), VaadinIcon.FILE_O.create(), e -> {
            dialog.close();
            UI.getCurrent().navigate(SolutionEditorView.class,
                    new RouteParameters("solutionId", SolutionEditorView.NEW));
        });
        blank.setId("new-blank");
        Paragraph hint = new Paragraph(getTranslation("solutions.new.hint"));
        hint.addClassName("yq-muted");
        VerticalLayout choices = new VerticalLayout(hint, fromTemplate, blank);
        choices.setPadding(false);
        dialog.add(choices);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()));
        dialog.open();
    }

    private Upload importUpload() {
        Upload upload = new Upload(new BoundedImport(limits.importFile().toBytes(),
                (metadata, bytes) -> importJson(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8))));
        upload.setId("import");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.importFile().toBytes()));
        upload.setMaxFiles(1);
        Button button = new Button(getTranslation("solutions.import"), VaadinIcon.UPLOAD.create());
        upload.setUploadButton(button);
        upload.setDropLabel(new Span(getTranslation("solutions.importDrop")));
        upload.addClassName("yq-import");
        upload.addFileRejectedListener(e -> Notices.error(getTranslation("solutions.importRejected",
                e.getErrorMessage())));
        return upload;
    }

    private void importJson(String fileName, String json) {
        try {
            SolutionView imported = solutions.importJson(json);
            Notices.success(getTranslation("solutions.imported", fileName, imported.name()));
            UI.getCurrent().navigate(SolutionEditorView.class,
                    new RouteParameters("solutionId", String.valueOf(imported.id())));
        } catch (Problem e) {
            Notices.error(getTranslation("solutions.importRefused", fileName, e.message(getLocale())));
        }
    }

    private void copy(SolutionView solution) {
        Dialog dialog = new Dialog(getTranslation("solutions.copy.title", solution.name()));
        dialog.setId("copy-dialog");
        TextField name = new TextField(getTranslation("solutions.copy.name"));
        name.setId("copy-name");
        name.setMaxLength(limits.nameLength());
        name.setValue(getTranslation("solutions.copy.defaultName", solution.name()));
        name.setWidth("28em");
        name.setHelperText(getTranslation("solutions.copy.help"));
        dialog.add(name);
        Button confirm = new Button(getTranslation("solutions.copy.confirm"), e -> {
            SolutionSpec spec = solution.spec().withName(name.getValue().trim());
            spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
            try {
                SolutionView copy = solutions.create(spec, StoredMessage.of("version.note.fromSolution",
                        solution.id(), solution.name(), solution.version()).store());
                dialog.close();
                Notices.success(getTranslation("solutions.copy.done", copy.name()));
                UI.getCurrent().navigate(SolutionEditorView.class,
                        new RouteParameters("solutionId", String.valueOf(copy.id())));
            } catch (Problem problem) {
                name.setInvalid(true);
                name.setErrorMessage(problem.message(getLocale()));
                Notices.error(getTranslation("common.refused", problem.message(getLocale())));
            }
        });
        confirm.setId("copy-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void confirmDelete(SolutionView solution) {
        String header = getTranslation("solutions.delete.title", solution.name());
        ConfirmDialog confirm = DeleteConfirmation.of(header, () -> {
            try {
                solutions.delete(solution.id());
                Notices.success(getTranslation("common.deleted"));
            } catch (Problem problem) {
                Notices.error(getTranslation("common.refused", problem.message(getLocale())));
            }
            refresh();
        });
        confirm.setId("delete-dialog");
        confirm.setText(getTranslation("solutions.delete.text"));
        confirm.open();
    }

    /** Reads everything again and notes whether a run is in progress (then the list keeps itself fresh). */
    private void refresh() {
        lastRefresh = System.nanoTime();
        connectionNames = connections.list().stream()
                .collect(Collectors.toMap(ConnectionView::id, ConnectionView::name, (a, b) -> a));
        List<Row> rows = new ArrayList<>();
        Map<Long, Long> open = history.openFailures();
        for (SolutionView solution : solutions.list()) {
            List<Run> last = history.runsOf(solution.id(), 1);
            rows.add(new Row(solution, last.isEmpty() ? null : last.get(0), scheduler.nextFireTime(solution.id())
                    .map(Times::format).orElse("—"), open.getOrDefault(solution.id(), 0L)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.solution().name(), String.CASE_INSENSITIVE_ORDER));
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setText(getTranslation(user.mayEdit() ? "solutions.emptyAdmin" : "solutions.empty"));
        empty.setVisible(rows.isEmpty());
        running = rows.stream().map(Row::lastRun).anyMatch(r -> r != null && r.getStatus() == RunStatus.RUNNING);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "yunqiao-solutions-list");
            thread.setDaemon(true);
            return thread;
        });
        // every few seconds while something runs, so a run's end shows without reloading; now and then otherwise,
        // for runs the scheduler started
        poller.scheduleWithFixedDelay(() -> ui.access(() -> {
            if (running || System.nanoTime() - lastRefresh > IDLE_REFRESH_NANOS) {
                refresh();
            }
        }), POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("solutions.pageTitle");
    }
}
