package io.yunqiao.web.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.search.FoundRecord;
import io.yunqiao.run.search.FoundRecords;
import io.yunqiao.run.search.RecordSearch;
import io.yunqiao.run.search.SearchQuery;
import java.util.Objects;

/**
 * The search box of the runs screen (查找数据): records of every solution whose bill number, source key or target
 * key starts with what was typed, each with its current state and links to the runs it appears in; a link opens
 * the run with the record's log entry. A refused query says why on the field itself.
 */
class RecordSearchPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Up to this many results the grid shows every row; more scroll inside it. */
    private static final int ROWS_SHOWN = 8;

    private final RecordSearch search;
    private final TextField query = new TextField();
    private final Span summary = new Span();
    private final Grid<FoundRecord> found = new Grid<>();

    RecordSearchPanel(RecordSearch search) {
        this.search = search;
        setPadding(false);
        setSpacing(false);
        setId("records-search-panel");

        query.setId("records-search");
        query.setLabel(getTranslation("runs.search.label"));
        query.setPlaceholder(getTranslation("runs.search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setWidth("28em");
        query.addKeyDownListener(Key.ENTER, e -> search());
        query.addValueChangeListener(e -> {
            if (e.getValue().isEmpty()) {
                clear();
            }
        });
        Button go = new Button(getTranslation("runs.search.button"), e -> search());
        go.setId("records-search-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(query, go);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        summary.setId("records-found-summary");
        summary.addClassName("yq-muted");
        found.setId("records-found");
        found.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        found.addColumn(r -> r.solutionName() != null ? r.solutionName()
                : getTranslation("runs.search.solutionGone", String.valueOf(r.solutionId()))).setKey("solution")
                .setHeader(getTranslation("runs.search.column.solution")).setWidth("12em").setFlexGrow(1);
        found.addColumn(r -> Objects.toString(r.code(), "")).setKey("code")
                .setHeader(getTranslation("runs.search.column.code")).setAutoWidth(true);
        found.addColumn(FoundRecord::sourceKey).setKey("sourceKey")
                .setHeader(getTranslation("runs.search.column.sourceKey")).setAutoWidth(true);
        found.addColumn(r -> Objects.toString(r.targetKey(), "")).setKey("targetKey")
                .setHeader(getTranslation("runs.search.column.targetKey")).setAutoWidth(true);
        found.addComponentColumn(r -> StatusBadge.of(r.status())).setKey("status")
                .setHeader(getTranslation("runs.search.column.status")).setAutoWidth(true);
        found.addComponentColumn(this::runLinks).setKey("runs")
                .setHeader(getTranslation("runs.search.column.runs")).setWidth("14em").setFlexGrow(1);
        found.addColumn(r -> RunFormat.time(r.updatedAt())).setKey("updated")
                .setHeader(getTranslation("runs.search.column.updated")).setWidth("7em").setFlexGrow(0);
        add(bar, summary, found);
        clear();
    }

    /** Searches for what the box holds; a refused query is shown on the box. */
    void search() {
        FoundRecords answer;
        try {
            answer = search.find(SearchQuery.parse(query.getValue(), SearchQuery.Match.PREFIX));
        } catch (Problem refused) {
            clear();
            query.setErrorMessage(refused.message(getLocale()));
            query.setInvalid(true);
            return;
        }
        query.setInvalid(false);
        found.setItems(answer.records());
        found.setAllRowsVisible(answer.records().size() <= ROWS_SHOWN);
        if (answer.records().size() > ROWS_SHOWN) {
            found.setHeight("24em");
        }
        found.setVisible(!answer.records().isEmpty());
        summary.setText(answer.more() ? getTranslation("runs.search.more", answer.limit())
                : answer.records().isEmpty() ? getTranslation("runs.search.none", answer.query().text())
                : getTranslation("runs.search.found", answer.records().size()));
        summary.setVisible(true);
    }

    private void clear() {
        query.setInvalid(false);
        found.setItems();
        found.setVisible(false);
        summary.setVisible(false);
    }

    /** One link per run the record appears in: to the run, opening the record's log entry where there is one. */
    private Component runLinks(FoundRecord record) {
        HorizontalLayout links = new HorizontalLayout();
        links.setSpacing(false);
        links.addClassName("yq-found-runs");
        for (FoundRecord.Appearance appearance : record.runs()) {
            String text = appearance.status() == null
                    ? getTranslation("runs.search.run", String.valueOf(appearance.runId()))
                    : getTranslation("runs.search.runStatus", String.valueOf(appearance.runId()),
                            getTranslation("runs.recordStatus." + appearance.status().name()));
            RouterLink link = new RouterLink(text, RunDetailView.class,
                    new RouteParameters(RunDetailView.RUN_ID, String.valueOf(appearance.runId())));
            if (appearance.logId() != null) {
                link.setQueryParameters(QueryParameters.of(RunDetailView.RECORD, String.valueOf(appearance.logId())));
                link.getElement().setAttribute("title", RunFormat.time(appearance.at()));
            }
            link.addClassName("yq-found-run");
            links.add(link);
        }
        if (record.moreRuns()) {
            links.add(new Span(getTranslation("runs.search.moreRuns")));
        }
        return links;
    }
}
