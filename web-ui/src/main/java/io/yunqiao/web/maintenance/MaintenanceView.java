package io.yunqiao.web.maintenance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.schedule.MaintenanceMode;
import io.yunqiao.schedule.MaintenanceState;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.runs.LiveRefresh;
import io.yunqiao.web.runs.RunFormat;
import io.yunqiao.web.runs.RunProgress;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.MainLayout;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The maintenance mode (维护模式): whether every schedule is paused cluster-wide, since when, by whom and why, the
 * switch (operators and administrators; everyone else reads), and the runs still running, followed live, so that an
 * operator sees when the nodes may be stopped.
 */
@Route("maintenance")
@PermitAll
class MaintenanceView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final Duration TICK = Duration.ofSeconds(2);

    private final MaintenanceMode mode;
    private final RunHistory history;
    private final Solutions solutions;
    private final CurrentUser user;

    private final Span status = new Span();
    private final Span since = new Span();
    private final Span note = new Span();
    private final TextArea noteField = new TextArea();
    private final Button toggle = new Button();
    private final Grid<Run> running = new Grid<>();
    private Map<Long, String> solutionNames = Map.of();
    private MaintenanceState state;

    MaintenanceView(MaintenanceMode mode, RunHistory history, Solutions solutions, CurrentUser user,
            LiveRefresh live, InputLimits limits) {
        this.mode = mode;
        this.history = history;
        this.solutions = solutions;
        this.user = user;
        live.whileAttached(this, TICK, this::refresh);
        addClassName("yq-page");
        add(new H2(getTranslation("maintenance.title")));
        Paragraph what = new Paragraph(getTranslation("maintenance.explained"));
        what.addClassName("yq-muted");
        add(what, stateCard());
        if (user.mayOperate()) {
            add(switchForm(limits));
        } else {
            Span readOnly = new Span(getTranslation("maintenance.readOnly"));
            readOnly.setId("maintenance-read-only");
            readOnly.addClassName("yq-muted");
            add(readOnly);
        }
        add(new H3(getTranslation("maintenance.running.title")), runningGrid());
        refresh();
    }

    private Component stateCard() {
        status.setId("maintenance-status");
        since.setId("maintenance-since");
        note.setId("maintenance-note-shown");
        since.addClassName("yq-muted");
        Div card = new Div(status, new Div(since), new Div(note));
        card.addClassName("yq-card");
        return card;
    }

    private Component switchForm(InputLimits limits) {
        noteField.setId("maintenance-note");
        noteField.setLabel(getTranslation("maintenance.note.label"));
        noteField.setPlaceholder(getTranslation("maintenance.note.placeholder"));
        noteField.setMaxLength(limits.descriptionLength());
        noteField.setWidth("28em");
        toggle.setId("maintenance-switch");
        toggle.addClickListener(e -> flip());
        HorizontalLayout form = new HorizontalLayout(noteField, toggle);
        form.setAlignItems(FlexComponent.Alignment.END);
        return form;
    }

    private Component runningGrid() {
        running.setId("maintenance-running");
        running.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        running.addColumn(r -> solutionNames.getOrDefault(r.getSolutionId(), "#" + r.getSolutionId()))
                .setKey("solution").setHeader(getTranslation("maintenance.running.solution")).setFlexGrow(2);
        running.addComponentColumn(r -> new Anchor("runs/" + r.getId(), "#" + r.getId())).setKey("run")
                .setHeader(getTranslation("maintenance.running.run")).setAutoWidth(true).setFlexGrow(0);
        running.addColumn(r -> r.getNode() == null ? "" : r.getNode()).setKey("node")
                .setHeader(getTranslation("maintenance.running.node")).setAutoWidth(true);
        running.addColumn(r -> RunFormat.time(r.getStartedAt())).setKey("started")
                .setHeader(getTranslation("maintenance.running.started")).setAutoWidth(true);
        running.addComponentColumn(this::progress).setKey("progress")
                .setHeader(getTranslation("maintenance.running.progress")).setFlexGrow(2);
        running.setEmptyStateText(getTranslation("maintenance.running.none"));
        running.setAllRowsVisible(true);
        return running;
    }

    private Component progress(Run run) {
        ProgressBar bar = new ProgressBar();
        RunProgress.show(bar, run);
        bar.setWidth("8em");
        Span counts = new Span(getTranslation("maintenance.running.counts", RunProgress.done(run), run.getFetched()));
        counts.addClassName("yq-muted");
        HorizontalLayout cell = new HorizontalLayout(bar, counts);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    /** Refused on the server too: a click cannot come from a hidden button, but the role is checked again here. */
    private void flip() {
        if (!user.mayOperate()) {
            Notices.error(getTranslation("maintenance.refused"));
            return;
        }
        boolean on = !state.on();
        try {
            mode.switchTo(on, user.name(), noteField.getValue());
            noteField.clear();
            Notices.success(getTranslation(on ? "maintenance.switchedOn" : "maintenance.switchedOff"));
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
        }
        refresh();
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.showMaintenance(state.on());
        }
    }

    void refresh() {
        state = mode.state();
        status.setText(getTranslation(state.on() ? "maintenance.status.on" : "maintenance.status.off"));
        status.getElement().getThemeList().set("badge", true);
        status.getElement().getThemeList().set("error", state.on());
        status.getElement().getThemeList().set("success", !state.on());
        since.setText(state.since() == null ? getTranslation("maintenance.since.never")
                : getTranslation(state.on() ? "maintenance.since.on" : "maintenance.since.off",
                        RunFormat.time(state.since()), state.by() == null ? "" : state.by()));
        note.setText(state.note() == null ? "" : getTranslation("maintenance.note.shown", state.note()));
        note.setVisible(state.note() != null);
        toggle.setText(getTranslation(state.on() ? "maintenance.switch.off" : "maintenance.switch.on"));
        toggle.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        toggle.addThemeVariants(state.on() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        List<Run> runs = history.running();
        if (runs.stream().anyMatch(r -> !solutionNames.containsKey(r.getSolutionId()))) {
            // names are read again only when a run of a solution not named yet shows up
            solutionNames = solutions.list().stream()
                    .collect(Collectors.toMap(SolutionView::id, SolutionView::name));
        }
        running.setItems(runs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("maintenance.pageTitle");
    }
}
