package io.yunqiao.web.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.web.solutions.CronDescription;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.LiveRefresh;
import io.yunqiao.web.runs.OpenFailures;
import io.yunqiao.web.runs.RunFormat;
import io.yunqiao.web.runs.RunProgress;
import io.yunqiao.web.runs.StatusBadge;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The start screen (仪表盘): records written and failed today, a chart of the last 24 hours, every solution with its
 * last run, and the runs working right now with their progress, followed live through server push.
 */
@Route("")
@PermitAll
@StyleSheet("context://styles/dashboard.css")
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final int HOURS = 24;

    private static final long serialVersionUID = 1L;
    private static final Duration TICK = Duration.ofMillis(1500);
    /** The figures, chart and solutions are read again every this many ticks, and whenever a run ends or starts. */
    private static final int FIGURES_EVERY = 10;

    private final RunHistory history;
    private final Solutions solutions;
    private final SolutionScheduler scheduler;

    private final Span writtenToday = new Span();
    private final Span failedToday = new Span();
    private final Span openFailures = new Span();
    private final Svg chart = new Svg();
    private final Grid<SolutionRow> grid = new Grid<>();
    private final Div running = new Div();
    private final Span nothingRunning = new Span();
    private final Map<Long, RunningEntry> runningEntries = new LinkedHashMap<>();
    private Map<Long, String> solutionNames = Map.of();
    private int ticks;

    /** A solution with the run that started last, if any. */
    record SolutionRow(SolutionView solution, Run lastRun, long openFailures) {
    }

    DashboardView(RunHistory history, Solutions solutions, SolutionScheduler scheduler, LiveRefresh live) {
        this.history = history;
        this.solutions = solutions;
        this.scheduler = scheduler;
        live.whileAttached(this, TICK, this::tick);
        addClassName("yq-page");
        add(new H2(getTranslation("dashboard.title")));
        add(tiles(), chartCard(), runningSection(), solutionsSection());
        refreshFigures();
        refreshRunning();
    }

    private Component tiles() {
        writtenToday.setId("written-today");
        failedToday.setId("failed-today");
        openFailures.setId("open-failures");
        HorizontalLayout tiles = new HorizontalLayout(tile("dashboard.writtenToday", writtenToday, "written"),
                tile("dashboard.failedToday", failedToday, "failed"),
                tile("dashboard.openFailures", openFailures, "failed"));
        tiles.addClassName("yq-dashboard-tiles");
        return tiles;
    }

    private Div tile(String labelKey, Span number, String kind) {
        number.addClassName("yq-dashboard-number");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("yq-muted");
        Div tile = new Div(label, number);
        tile.addClassNames("yq-card", "yq-dashboard-tile", "yq-dashboard-tile-" + kind);
        return tile;
    }

    private Component chartCard() {
        chart.setId("hourly-chart");
        chart.addClassName("yq-dashboard-chart");
        Div card = new Div(new H3(getTranslation("dashboard.chart.title")), chart);
        card.addClassNames("yq-card", "yq-dashboard-chart-card");
        return card;
    }

    private Component runningSection() {
        running.setId("running-runs");
        running.addClassName("yq-dashboard-running");
        nothingRunning.setText(getTranslation("dashboard.running.none"));
        nothingRunning.addClassName("yq-muted");
        nothingRunning.setId("running-none");
        running.add(nothingRunning);
        Div section = new Div(new H3(getTranslation("dashboard.running.title")), running);
        section.setWidthFull();
        return section;
    }

    private Component solutionsSection() {
        grid.setId("dashboard-solutions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> {
            Anchor link = new Anchor("solutions/" + row.solution().id(), row.solution().name());
            link.addClassName("yq-solution-link");
            return link;
        }).setKey("name").setHeader(getTranslation("dashboard.solution.name")).setWidth("14em").setFlexGrow(1);
        grid.addColumn(row -> getTranslation(row.solution().enabled() ? "common.yes" : "common.no"))
                .setKey("enabled").setHeader(getTranslation("dashboard.solution.enabled")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::schedule).setKey("schedule").setHeader(getTranslation("dashboard.solution.schedule"))
                .setWidth("14em").setFlexGrow(1);
        grid.addComponentColumn(this::lastRun).setKey("lastRun")
                .setHeader(getTranslation("dashboard.solution.lastRun")).setWidth("20em").setFlexGrow(2);
        grid.addComponentColumn(row -> OpenFailures.badge(row.openFailures(), this::getTranslation))
                .setKey("openFailures").setHeader(getTranslation("runs.openFailures")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("dashboard.solutions.none"));
        grid.setAllRowsVisible(true);
        Div section = new Div(new H3(getTranslation("dashboard.solutions.title")), grid);
        section.setWidthFull();
        return section;
    }

    private String schedule(SolutionRow row) {
        String cron = row.solution().cron();
        if (cron == null || cron.isBlank()) {
            return getTranslation("dashboard.schedule.manual");
        }
        // in words ("每小时整点"), the raw expression only for forms that have no words
        String words = CronDescription.inWords(cron, this::getTranslation);
        if (!row.solution().enabled()) {
            return getTranslation("dashboard.schedule.off", words);
        }
        return scheduler.nextFireTime(row.solution().id())
                .map(next -> getTranslation("dashboard.schedule.next", words, RunFormat.time(next)))
                .orElse(words);
    }

    private Component lastRun(SolutionRow row) {
        Run run = row.lastRun();
        if (run == null) {
            Span never = new Span(getTranslation("dashboard.lastRun.never"));
            never.addClassName("yq-muted");
            return never;
        }
        StatusBadge status = StatusBadge.of(run.getStatus());
        status.addClassName("yq-last-run-status");
        Anchor details = new Anchor("runs/" + run.getId(), getTranslation("dashboard.lastRun.details",
                RunFormat.time(run.getStartedAt()), run.getWritten(), run.getFailed(), run.getSkipped()));
        details.addClassName("yq-last-run-link");
        HorizontalLayout cell = new HorizontalLayout(status, details);
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        cell.setSpacing(true);
        cell.setWrap(true);
        return cell;
    }

    /** Today's totals, the chart and the solutions' last runs. */
    void refreshFigures() {
        RunHistory.Totals today = history.today(RunFormat.ZONE);
        writtenToday.setText(String.valueOf(today.written()));
        failedToday.setText(String.valueOf(today.failed()));
        Map<Long, Long> open = history.openFailures();
        openFailures.setText(String.valueOf(open.values().stream().mapToLong(Long::longValue).sum()));
        chart.setSvg(HourlyChart.svg(history.hourly(RunFormat.ZONE, HOURS), RunFormat.ZONE,
                new HourlyChart.Labels(getTranslation("dashboard.chart.written"),
                        getTranslation("dashboard.chart.failed"), getTranslation("dashboard.chart.title"))));
        List<SolutionView> all = solutions.list().stream().sorted(Comparator.comparing(SolutionView::name)).toList();
        solutionNames = all.stream().collect(Collectors.toMap(SolutionView::id, SolutionView::name));
        Map<Long, Run> last = history.lastRunPerSolution();
        grid.setItems(all.stream().map(s -> new SolutionRow(s, last.get(s.id()), open.getOrDefault(s.id(), 0L)))
                .toList());
    }

    /**
     * The running runs' progress; when a run ended or started since the last look, the figures too.
     *
     * @return whether the set of running runs changed
     */
    boolean refreshRunning() {
        List<Run> now = history.running();
        Set<Long> ids = now.stream().map(Run::getId).collect(Collectors.toSet());
        boolean changed = !ids.equals(runningEntries.keySet());
        runningEntries.keySet().removeIf(id -> {
            if (!ids.contains(id)) {
                running.remove(runningEntries.get(id).card);
                return true;
            }
            return false;
        });
        for (Run run : now) {
            runningEntries.computeIfAbsent(run.getId(), id -> {
                RunningEntry entry = new RunningEntry(run);
                running.add(entry.card);
                return entry;
            }).show(run);
        }
        nothingRunning.setVisible(now.isEmpty());
        return changed;
    }

    /** One tick of the live refresh; visible to tests, which have no timer thread's push. */
    void tick() {
        ticks++;
        boolean changed = refreshRunning();
        if (changed || ticks % FIGURES_EVERY == 0) {
            refreshFigures();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.pageTitle");
    }

    /** A running run's card: which run, its progress bar and its counts. */
    private final class RunningEntry {

        private final Div card = new Div();
        private final ProgressBar progress = new ProgressBar();
        private final Span counts = new Span();

        RunningEntry(Run run) {
            Anchor link = new Anchor("runs/" + run.getId(), getTranslation("dashboard.running.run",
                    String.valueOf(run.getId()), solutionNames.getOrDefault(run.getSolutionId(),
                            "#" + run.getSolutionId())));
            progress.setId("running-progress-" + run.getId());
            counts.addClassName("yq-muted");
            card.setId("running-run-" + run.getId());
            card.addClassNames("yq-card", "yq-dashboard-running-run");
            card.add(link, progress, counts);
        }

        void show(Run run) {
            RunProgress.show(progress, run);
            counts.setText(getTranslation("dashboard.running.counts", run.getFetched(), run.getWritten(),
                    run.getFailed(), run.getSkipped()));
        }
    }
}
