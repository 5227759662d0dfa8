package io.yunqiao.web.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run (运行详情): status, counts, window and timings, followed live while it runs; below it the record log,
 * where each record opens with the request sent and the response received, and failed records are re-pushed —
 * one, a selection, or all of the run. {@code runs/ID?record=LOG_ID} opens one record's entry at once.
 */
@Route("runs/:" + RunDetailView.RUN_ID)
@PermitAll
@StyleSheet("context://styles/runs.css")
class RunDetailView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String RUN_ID = "runId";
    /** {@code runs/ID?record=LOG_ID} opens the run with that record log entry's dialog (from a search result). */
    static final String RECORD = "record";

    private static final long serialVersionUID = 1L;
    private static final Duration TICK = Duration.ofSeconds(1);
    /** While a run works its record log is read again every this many ticks; at its end always. */
    private static final int RECORDS_EVERY = 5;

    private final RunHistory history;
    private final SyncEngine engine;
    private final Solutions solutions;
    private final CurrentUser user;
    private final LiveRefresh live;

    private final Span missing = new Span();
    private final VerticalLayout content = new VerticalLayout();
    private final H2 title = new H2();
    private final Anchor solutionLink = new Anchor();
    private final StatusBadge status = new StatusBadge();
    /** Where the failed records of the pages shown stand now (by staged record id). */
    private final java.util.Map<Long, RunHistory.Now> now = new java.util.HashMap<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Span error = new Span();
    /** For an interrupted run, the run that continued it; for a continuing run, the one it continued. */
    private final Anchor continuedBy = new Anchor();
    private final Anchor continues = new Anchor();
    private final Map<String, Span> values = new LinkedHashMap<>();
    private final Button repushSelected = new Button();
    private final Button repushAll = new Button();
    private final Select<RecordStatus> recordStatus = new Select<>();
    private final Grid<RecordLog> records = new Grid<>();
    private final Span logLevelNotice = new Span();
    private Map<RecordStatus, Long> recordCounts = Map.of();

    private Run run;
    private LogLevel logLevel = LogLevel.ALL;
    private Registration following;
    private int ticks;

    RunDetailView(RunHistory history, SyncEngine engine, Solutions solutions, CurrentUser user, LiveRefresh live) {
        this.history = history;
        this.engine = engine;
        this.solutions = solutions;
        this.user = user;
        this.live = live;
        addClassName("yq-page");
        missing.setId("run-missing");
        missing.setVisible(false);
        content.setPadding(false);
        content.add(header(), counts(), facts(), recordLog());
        add(missing, content);
    }

    private Component header() {
        Anchor runsLink = new Anchor("runs", getTranslation("runs.detail.back"));
        runsLink.setId("runs-link");
        solutionLink.setId("run-solution-link");
        HorizontalLayout links = new HorizontalLayout(runsLink, solutionLink);
        links.addClassName("yq-run-links");

        status.setId("run-status");
        progress.setId("run-progress");
        progress.setWidth("16em");
        progressText.setId("run-progress-text");
        progressText.addClassName("yq-muted");
        HorizontalLayout state = new HorizontalLayout(status, progress, progressText);
        state.setAlignItems(FlexComponent.Alignment.CENTER);

        error.setId("run-error");
        error.addClassName("yq-run-error");
        continuedBy.setId("run-continued-by");
        continues.setId("run-continues");
        VerticalLayout header = new VerticalLayout(links, title, state, error, continuedBy, continues);
        header.setPadding(false);
        header.setSpacing(false);
        return header;
    }

    private Component counts() {
        HorizontalLayout tiles = new HorizontalLayout();
        tiles.addClassName("yq-run-counts");
        for (String name : List.of("fetched", "written", "failed", "skipped")) {
            Span number = value("run-" + name);
            number.addClassName("yq-run-count");
            Span label = new Span(getTranslation("runs.count." + name));
            label.addClassName("yq-muted");
            Div tile = new Div(label, number);
            tile.addClassNames("yq-card", "yq-run-tile", "yq-run-tile-" + name);
            tiles.add(tile);
        }
        Span balance = value("run-balance");
        balance.addClassName("yq-muted");
        VerticalLayout counts = new VerticalLayout(tiles, balance);
        counts.setPadding(false);
        counts.setSpacing(false);
        return counts;
    }

    private Component facts() {
        Div facts = new Div();
        facts.addClassName("yq-run-facts");
        for (String name : List.of("trigger", "dry-run", "version", "pages", "window-start", "window-end", "started",
                "ended", "duration", "node")) {
            Span label = new Span(getTranslation("runs.fact." + name));
            label.addClassName("yq-muted");
            facts.add(new Div(label, value("run-" + name)));
        }
        return facts;
    }

    private Span value(String id) {
        Span span = new Span();
        span.setId(id);
        values.put(id, span);
        return span;
    }

    private Component recordLog() {
        recordStatus.setId("records-status");
        recordStatus.setLabel(getTranslation("runs.records.filter"));
        recordStatus.setItems(RecordStatus.values());
        recordStatus.setEmptySelectionAllowed(true);
        recordStatus.setEmptySelectionCaption(getTranslation("runs.records.all"));
        recordStatus.addValueChangeListener(e -> {
            records.deselectAll();
            records.getDataProvider().refreshAll();
        });
        labelRecordStatuses();

        repushSelected.setText(getTranslation("runs.repush.selected"));
        repushSelected.setId("repush-selected");
        repushSelected.setEnabled(false);
        repushSelected.addClickListener(e -> repushSelection());
        repushAll.setText(getTranslation("runs.repush.all"));
        repushAll.setId("repush-all-failed");
        repushAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        repushAll.addClickListener(e -> confirmRepush(List.of(), recordCounts.getOrDefault(RecordStatus.FAILED,
                (long) run.getFailed())));
        HorizontalLayout bar = new HorizontalLayout(recordStatus, repushSelected, repushAll);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        records.setId("records");
        records.setSelectionMode(Grid.SelectionMode.MULTI);
        records.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        records.addColumn(l -> Objects.toString(l.getSourceKey(), "")).setKey("sourceKey")
                .setHeader(getTranslation("runs.record.sourceKey")).setAutoWidth(true);
        records.addColumn(l -> Objects.toString(l.getCode(), "")).setKey("code")
                .setHeader(getTranslation("runs.record.code")).setAutoWidth(true);
        records.addComponentColumn(this::recordStatus).setKey("status")
                .setHeader(getTranslation("runs.record.status")).setAutoWidth(true);
        records.addColumn(RecordLog::getAttempts).setKey("attempts").setHeader(getTranslation("runs.record.attempts"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        records.addColumn(l -> Objects.toString(l.getVendorCode(), "")).setKey("vendorCode")
                .setHeader(getTranslation("runs.record.vendorCode")).setAutoWidth(true);
        records.addColumn(l -> Objects.toString(l.message(getLocale()), "")).setKey("message")
                .setHeader(getTranslation("runs.record.message")).setFlexGrow(1).setWidth("12em");
        records.addColumn(l -> getTranslation("runs.millis", l.getDurationMillis())).setKey("duration")
                .setHeader(getTranslation("runs.record.duration")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        records.addColumn(l -> RunFormat.time(l.getCreatedAt())).setKey("time")
                .setHeader(getTranslation("runs.record.time")).setWidth("7em").setFlexGrow(0);
        records.addComponentColumn(l -> {
            Button details = new Button(VaadinIcon.SEARCH.create(), e -> openRecord(l));
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            details.setTooltipText(getTranslation("runs.record.details"));
            details.setAriaLabel(getTranslation("runs.record.details"));
            details.addClassName("record-details");
            return details;
        }).setKey("details").setAutoWidth(true).setFlexGrow(0);
        records.setEmptyStateText(getTranslation("runs.records.empty"));
        records.addItemClickListener(e -> openRecord(e.getItem()));
        records.addSelectionListener(e -> repushSelected.setEnabled(!failedSelection().isEmpty()));
        records.setHeight("32em");

        logLevelNotice.setId("records-log-level");
        logLevelNotice.addClassName("yq-run-log-level");
        logLevelNotice.setVisible(false);
        VerticalLayout log = new VerticalLayout(new H3(getTranslation("runs.records.title")), logLevelNotice, bar,
                records);
        log.setPadding(false);
        return log;
    }

    /** Notes where the failed records of a page stand now, for {@link #recordStatus}. */
    private List<RecordLog> withNow(List<RecordLog> page) {
        List<Long> failed = page.stream().filter(l -> l.getStatus() == RecordStatus.FAILED)
                .map(RecordLog::getSourceRecordId).filter(Objects::nonNull).toList();
        now.putAll(history.now(failed));
        return page;
    }

    /**
     * A record's status in this run; a failure that a later run or a re-push has written since says so in place, with
     * a link to that run (已重推 → 运行 #N), and one queued again says it waits.
     */
    private Component recordStatus(RecordLog log) {
        StatusBadge badge = StatusBadge.of(log.getStatus());
        RunHistory.Now current = log.getStatus() == RecordStatus.FAILED && log.getSourceRecordId() != null
                ? now.get(log.getSourceRecordId()) : null;
        if (current == null || run == null || Objects.equals(current.lastRunId(), run.getId())) {
            return badge;
        }
        Component note;
        if (current.status().isWritten() && current.lastRunId() != null) {
            Anchor link = new Anchor("runs/" + current.lastRunId(),
                    getTranslation("runs.record.resolvedBy", String.valueOf(current.lastRunId())));
            link.addClassName("yq-record-resolved");
            note = link;
        } else if (current.status() == RecordStatus.PENDING || current.status() == RecordStatus.PROCESSING) {
            Span waiting = new Span(getTranslation("runs.record.requeued"));
            waiting.addClassName("yq-muted");
            note = waiting;
        } else {
            return badge;
        }
        HorizontalLayout both = new HorizontalLayout(badge, note);
        both.setSpacing(true);
        both.setAlignItems(FlexComponent.Alignment.BASELINE);
        return both;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        stopFollowing();
        Optional<Run> found = event.getRouteParameters().get(RUN_ID).flatMap(RunDetailView::number)
                .flatMap(history::run);
        missing.setVisible(found.isEmpty());
        content.setVisible(found.isPresent());
        if (found.isEmpty()) {
            run = null;
            missing.setText(getTranslation("runs.detail.missing",
                    event.getRouteParameters().get(RUN_ID).orElse("")));
            return;
        }
        run = found.get();
        long runId = run.getId();
        String solutionName = solutionName(run.getSolutionId());
        title.setText(getTranslation("runs.detail.title", String.valueOf(runId), solutionName));
        solutionLink.setHref("solutions/" + run.getSolutionId());
        solutionLink.setText(getTranslation("runs.detail.solution", solutionName));
        recordStatus.clear();
        records.deselectAll();
        records.setItems(new CallbackDataProvider<RecordLog, Void>(
                query -> withNow(history.records(runId, recordStatus.getValue(), query.getOffset(),
                        query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, history.countRecords(runId, recordStatus.getValue())),
                RecordLog::getId));
        logLevel = logLevelOf(run);
        showRun();
        refreshRecordCounts();
        getUI().ifPresent(this::follow);
        event.getLocation().getQueryParameters().getSingleParameter(RECORD).flatMap(RunDetailView::number)
                .flatMap(history::record).filter(l -> l.getRunId() == runId).ifPresent(this::openRecord);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String solutionName(long solutionId) {
        try {
            return solutions.get(solutionId).name();
        } catch (Problem e) {
            return "#" + solutionId;
        }
    }

    /** The log level the run's version of its solution had: the level its records were logged at. */
    private LogLevel logLevelOf(Run shown) {
        try {
            return shown.isDryRun() ? LogLevel.ALL
                    : solutions.version(shown.getSolutionId(), shown.getSolutionVersion()).logLevel();
        } catch (Problem e) {
            return LogLevel.ALL;
        }
    }

    /**
     * Says plainly when the run's successes are counted but not itemised, so nobody takes the short record log
     * for records that vanished.
     */
    private void showLogLevel() {
        logLevelNotice.setVisible(logLevel != LogLevel.ALL);
        if (logLevel != LogLevel.ALL) {
            logLevelNotice.setText(getTranslation("runs.records.level." + logLevel.name(), run.getWritten(),
                    run.getSkipped()));
        }
        records.setEmptyStateText(getTranslation(logLevel == LogLevel.SUMMARY ? "runs.records.emptySummary"
                : "runs.records.empty"));
    }

    /** Writes the run's state into the header; keeps the record log as it is. */
    private void showRun() {
        status.show(run.getStatus());
        set("run-fetched", String.valueOf(run.getFetched()));
        set("run-written", String.valueOf(run.getWritten()));
        set("run-failed", String.valueOf(run.getFailed()));
        set("run-skipped", String.valueOf(run.getSkipped()));
        set("run-balance", RunBalance.text(run, this::getTranslation));
        set("run-trigger", getTranslation("runs.trigger." + run.getTrigger().name()));
        set("run-dry-run", getTranslation(run.isDryRun() ? "common.yes" : "common.no"));
        set("run-version", String.valueOf(run.getSolutionVersion()));
        set("run-pages", String.valueOf(run.getPages()));
        set("run-window-start", RunFormat.time(run.getWindowStart()));
        set("run-window-end", RunFormat.time(run.getWindowEnd()));
        set("run-started", RunFormat.time(run.getStartedAt()));
        set("run-ended", RunFormat.time(run.getEndedAt()));
        set("run-duration", RunFormat.duration(this, run));
        set("run-node", run.getNode());
        showLogLevel();
        error.setText(Objects.toString(run.error(getLocale()), ""));
        error.setVisible(run.getError() != null && !run.getError().isBlank());
        link(continuedBy, run.getContinuedByRunId(), "runs.detail.continuedBy");
        link(continues, run.getContinuesRunId(), "runs.detail.continues");

        boolean running = run.getStatus() == RunStatus.RUNNING;
        progress.setVisible(running);
        progressText.setVisible(running);
        if (running) {
            RunProgress.show(progress, run);
            progressText.setText(getTranslation("runs.progress", RunProgress.done(run), run.getFetched()));
        }
        boolean repushable = user.mayOperate() && !run.isDryRun() && run.getFailed() > 0
                && run.getStatus().isFinal();
        repushSelected.setVisible(repushable);
        repushAll.setVisible(repushable);
    }

    private void link(Anchor anchor, Long runId, String key) {
        anchor.setVisible(runId != null);
        if (runId != null) {
            anchor.setHref("runs/" + runId);
            anchor.setText(getTranslation(key, String.valueOf(runId)));
        }
    }

    private void set(String id, String text) {
        values.get(id).setText(text == null || text.isEmpty() ? getTranslation("common.none") : text);
    }

    private void refreshRecordCounts() {
        Map<RecordStatus, Long> counts = new EnumMap<>(RecordStatus.class);
        counts.putAll(history.recordCounts(run.getId()));
        recordCounts = counts;
        labelRecordStatuses();
    }

    private void labelRecordStatuses() {
        recordStatus.setItemLabelGenerator(s -> s == null ? getTranslation("runs.records.all")
                : getTranslation("runs.records.option", getTranslation("runs.recordStatus." + s.name()),
                        recordCounts.getOrDefault(s, 0L)));
    }

    private void refreshRecords() {
        refreshRecordCounts();
        records.getDataProvider().refreshAll();
    }

    /** The selected records that can be re-pushed: failed, and still staged. */
    private List<Long> failedSelection() {
        return records.getSelectedItems().stream()
                .filter(l -> l.getStatus() == RecordStatus.FAILED && l.getSourceRecordId() != null)
                .map(RecordLog::getSourceRecordId).distinct().toList();
    }

    private void repushSelection() {
        List<Long> ids = failedSelection();
        if (ids.isEmpty()) {
            Notices.error(getTranslation("runs.repush.noneSelected"));
            return;
        }
        if (ids.size() == 1) {
            repush(ids);
            return;
        }
        confirmRepush(ids, ids.size());
    }

    /**
     * Asks before re-pushing several records, with their count: a re-push writes to the target system again, and
     * "all failed" of a large run may be thousands.
     */
    private void confirmRepush(List<Long> ids, long count) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("repush-dialog");
        confirm.setHeader(getTranslation("runs.repush.confirmTitle", count));
        confirm.setText(getTranslation("runs.repush.confirmText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        // our own button (with an id): its click does the re-push, as the dialog's confirm would
        Button go = new Button(getTranslation("runs.repush.confirm", count), e -> {
            confirm.close();
            repush(ids);
        });
        go.setId("repush-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(go);
        confirm.open();
    }

    /** Re-pushes records of this run ({@code ids}, or every failed one when empty) and opens the new run. */
    private void repush(List<Long> ids) {
        if (!user.mayOperate()) {
            return;
        }
        try {
            Run started = engine.repush(run.getId(), ids, false);
            Notices.success(getTranslation("runs.repush.started", String.valueOf(started.getId())));
            getUI().ifPresent(ui -> ui.navigate(RunDetailView.class,
                    new RouteParameters(RUN_ID, String.valueOf(started.getId()))));
        } catch (Problem e) {
            Notices.error(getTranslation("runs.repush.refused", e.message(getLocale())));
        }
    }

    private void openRecord(RecordLog log) {
        // Read again: the grid's copy may be from before the run ended.
        RecordLog current = history.record(log.getId()).orElse(log);
        boolean mayRepush = user.mayOperate() && !run.isDryRun() && run.getStatus().isFinal()
                && current.getStatus() == RecordStatus.FAILED && current.getSourceRecordId() != null;
        new RecordDialog(current, mayRepush ? () -> repush(List.of(current.getSourceRecordId())) : null,
                logLevel == LogLevel.ALL || !current.getStatus().isWritten()).open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        follow(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    /** While the run is RUNNING, reads it again every second and pushes what changed. */
    private void follow(UI ui) {
        if (following == null && run != null && run.getStatus() == RunStatus.RUNNING) {
            ticks = 0;
            following = live.start(ui, TICK, this::tick);
        }
    }

    /** One step of following a running run; visible to tests, which have no timer thread's push. */
    void tick() {
        if (run == null) {
            stopFollowing();
            return;
        }
        Optional<Run> now = history.run(run.getId());
        if (now.isEmpty()) {
            stopFollowing();
            return;
        }
        run = now.get();
        showRun();
        ticks++;
        if (run.getStatus().isFinal()) {
            stopFollowing();
            refreshRecords();
        } else if (ticks % RECORDS_EVERY == 0) {
            refreshRecords();
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.remove();
            following = null;
        }
    }

    @Override
    public String getPageTitle() {
        return run == null ? getTranslation("runs.detail.pageTitleMissing")
                : getTranslation("runs.detail.pageTitle", String.valueOf(run.getId()));
    }
}
