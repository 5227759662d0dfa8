package io.yunqiao.web.runs;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.search.RecordSearch;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.shell.ComponentTexts;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The run history (运行记录): every run, newest first, filtered by solution, status and start date; a click opens a
 * run. The list follows running runs live. {@code runs?solution=ID} opens it filtered to one solution. Above the
 * list, a search box finds records of every run by bill number, source key or target key ({@link RecordSearchPanel}).
 */
@Route("runs")
@PermitAll
class RunsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** More than a screen needs; older runs are reached by narrowing the filter. */
    static final int LIMIT = 500;

    private static final long serialVersionUID = 1L;

    private final RunHistory history;
    private final Map<Long, String> solutionNames;
    private final ComboBox<SolutionView> solution = new ComboBox<>();
    private final Select<RunStatus> status = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Run> grid = new Grid<>();
    private final Span limited = new Span();
    private List<Run> shown = List.of();

    RunsView(RunHistory history, Solutions solutions, LiveRefresh live, RecordSearch search) {
        this.history = history;
        live.whileAttached(this, Duration.ofSeconds(2), () -> {
            if (shown.stream().anyMatch(r -> r.getStatus() == RunStatus.RUNNING)) {
                refresh();
            }
        });
        addClassName("yq-page");
        List<SolutionView> all = solutions.list().stream()
                .sorted(Comparator.comparing(SolutionView::name)).toList();
        this.solutionNames = all.stream().collect(Collectors.toMap(SolutionView::id, SolutionView::name));
        add(new H2(getTranslation("runs.title")));
        add(new RecordSearchPanel(search));
        add(filters(all));

        limited.addClassName("yq-muted");
        limited.setId("runs-limited");
        grid.setId("runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Run::getId).setKey("id").setHeader(getTranslation("runs.column.id")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> solutionName(r.getSolutionId())).setKey("solution")
                .setHeader(getTranslation("runs.column.solution")).setWidth("12em").setFlexGrow(1);
        grid.addColumn(r -> getTranslation("runs.trigger." + r.getTrigger().name())).setKey("trigger")
                .setHeader(getTranslation("runs.column.trigger")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.isDryRun() ? "common.yes" : "common.no")).setKey("dryRun")
                .setHeader(getTranslation("runs.column.dryRun")).setAutoWidth(true);
        grid.addComponentColumn(r -> StatusBadge.of(r.getStatus())).setKey("status")
                .setHeader(getTranslation("runs.column.status")).setAutoWidth(true);
        grid.addColumn(this::window).setKey("window").setHeader(getTranslation("runs.column.window"))
                .setWidth("11.5em").setFlexGrow(0);
        count("fetched", Run::getFetched);
        count("written", Run::getWritten);
        count("failed", Run::getFailed);
        count("skipped", Run::getSkipped);
        grid.addColumn(r -> RunFormat.time(r.getStartedAt())).setKey("started")
                .setHeader(getTranslation("runs.column.started")).setWidth("7em").setFlexGrow(0);
        grid.addColumn(r -> RunFormat.duration(this, r)).setKey("duration")
                .setHeader(getTranslation("runs.column.duration")).setAutoWidth(true);
        grid.addColumn(r -> r.getNode() == null ? "" : r.getNode()).setKey("node")
                .setHeader(getTranslation("runs.column.node")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("runs.empty"));
        grid.addItemClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(RunDetailView.class,
                new RouteParameters(RunDetailView.RUN_ID, String.valueOf(e.getItem().getId())))));
        add(grid, limited);
        setFlexGrow(1, grid);
        setSizeFull();
    }

    private HorizontalLayout filters(List<SolutionView> all) {
        solution.setId("filter-solution");
        solution.setLabel(getTranslation("runs.filter.solution"));
        solution.setItems(all);
        solution.setItemLabelGenerator(SolutionView::name);
        solution.setClearButtonVisible(true);
        solution.setPlaceholder(getTranslation("runs.filter.allSolutions"));
        solution.setWidth("18em");

        status.setId("filter-status");
        status.setLabel(getTranslation("runs.filter.status"));
        status.setItems(RunStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("runs.filter.allStatuses"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("runs.filter.allStatuses")
                : getTranslation("runs.status." + s.name()));

        from.setId("filter-from");
        from.setLabel(getTranslation("runs.filter.from"));
        to.setId("filter-to");
        to.setLabel(getTranslation("runs.filter.to"));
        for (DatePicker picker : List.of(from, to)) {
            picker.setClearButtonVisible(true);
            ComponentTexts.localize(picker);
        }

        solution.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(solution, status, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setId("runs-filters");
        return filters;
    }

    private void count(String key, ToIntFunction<Run> value) {
        grid.addColumn(r -> value.applyAsInt(r)).setKey(key).setHeader(getTranslation("runs.column." + key))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> preset = event.getLocation().getQueryParameters().getSingleParameter("solution")
                .flatMap(RunsView::number);
        SolutionView chosen = preset.flatMap(id -> solution.getListDataView().getItems()
                .filter(s -> s.id() == id).findFirst()).orElse(null);
        if (chosen != null && !chosen.equals(solution.getValue())) {
            solution.setValue(chosen);
        } else {
            refresh();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reads the runs again with the current filters. */
    void refresh() {
        LocalDate fromDay = from.getValue();
        LocalDate toDay = to.getValue();
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(RunFormat.ZONE).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(RunFormat.ZONE).toInstant();
        SolutionView chosen = solution.getValue();
        shown = history.runs(new RunHistory.Filter(chosen == null ? null : chosen.id(), status.getValue(), start,
                end), LIMIT);
        grid.setItems(shown);
        limited.setText(shown.size() >= LIMIT ? getTranslation("runs.limited", LIMIT) : "");
    }

    private String solutionName(long solutionId) {
        return solutionNames.getOrDefault(solutionId, "#" + solutionId);
    }

    private String window(Run run) {
        if (run.getWindowStart() == null && run.getWindowEnd() == null) {
            return "";
        }
        return RunFormat.time(run.getWindowStart()) + " → " + RunFormat.time(run.getWindowEnd());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("runs.pageTitle");
    }
}
