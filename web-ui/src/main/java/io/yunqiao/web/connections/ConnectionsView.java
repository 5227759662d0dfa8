package io.yunqiao.web.connections;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The saved connections: everyone sees them (never a secret), operators test them, administrators add, edit and
 * delete them.
 */
@Route("connections")
@PermitAll
class ConnectionsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Connections connections;
    private final ConnectorRegistry registry;
    private final CurrentUser user;
    private final Grid<ConnectionView> grid = new Grid<>();
    private final Span empty = new Span();

    ConnectionsView(Connections connections, ConnectorRegistry registry, CurrentUser user) {
        this.connections = connections;
        this.registry = registry;
        this.user = user;
        addClassName("yq-page");
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("connections.title")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (user.mayEdit()) {
            Button add = new Button(getTranslation("connections.add"),
                    e -> ConnectionDialog.forNew(registry, connections, null, v -> refresh()).open());
            add.setId("add-connection");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        add(header);

        grid.setId("connections");
        grid.addColumn(ConnectionView::name).setKey("name").setHeader(getTranslation("connections.name"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(this::connectorName).setKey("connector").setHeader(getTranslation("connections.connector"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(this::summary).setKey("summary").setHeader(getTranslation("connections.summary"))
                .setWidth("16em").setFlexGrow(1).setTooltipGenerator(this::summary);
        grid.addColumn(c -> time(c.createdAt())).setKey("created").setHeader(getTranslation("connections.created"))
                .setAutoWidth(true);
        grid.addColumn(c -> time(c.updatedAt())).setKey("updated").setHeader(getTranslation("connections.updated"))
                .setAutoWidth(true);
        if (user.mayOperate()) {
            grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("connections.empty"));
        empty.addClassName("yq-muted");
        add(grid, empty);
        refresh();
    }

    private HorizontalLayout actions(ConnectionView connection) {
        HorizontalLayout actions = new HorizontalLayout();
        Button test = new Button(getTranslation("connections.test"), e -> showTest(connection));
        test.setId("test-connection-" + connection.id());
        actions.add(test);
        if (user.mayEdit()) {
            Button edit = new Button(getTranslation("common.edit"), e -> ConnectionDialog.forExisting(registry,
                    connections, connections.get(connection.id()), v -> refresh()).open());
            edit.setId("edit-connection-" + connection.id());
            Button delete = new Button(getTranslation("common.delete"), e -> confirmDelete(connection));
            delete.setId("delete-connection-" + connection.id());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(edit, delete);
        }
        actions.getChildren().map(Button.class::cast)
                .forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    private void showTest(ConnectionView connection) {
        TestOutcome outcome = new TestOutcome();
        outcome.show(ConnectionDialog.testOf(connections, connection.id()),
                registry.definition(connection.connectorId()));
        Dialog dialog = new Dialog(getTranslation("connections.test.title", connection.name()));
        dialog.add(outcome);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(ConnectionView connection) {
        DeleteConfirmation.of(getTranslation("connections.confirmDelete", connection.name()), () -> {
            try {
                connections.delete(connection.id());
                Notices.success(getTranslation("common.deleted"));
                refresh();
            } catch (Problem problem) {
                Notices.error(getTranslation("common.refused", problem.message(getLocale())));
            }
        }).open();
    }

    private String connectorName(ConnectionView connection) {
        return registry.find(connection.connectorId()).map(d -> d.name().in(getLocale()))
                .orElseGet(() -> getTranslation("connections.unknownConnector", connection.connectorId()));
    }

    /** Where the connection points: its base URL, or the connector's default one. */
    private String summary(ConnectionView connection) {
        String url = connection.values().get(ConnectorDefinition.BASE_URL);
        if (url != null && !url.isBlank()) {
            return url;
        }
        return registry.find(connection.connectorId())
                .flatMap(d -> d.connectionField(ConnectorDefinition.BASE_URL))
                .map(ConnectionField::defaultValue)
                .map(d -> d + " " + getTranslation("connections.defaultValue"))
                .orElse(getTranslation("common.none"));
    }

    private static String time(Instant instant) {
        return Optional.ofNullable(instant).map(TIME::format).orElse("");
    }

    private void refresh() {
        List<ConnectionView> all = connections.list().stream().sorted(Comparator.comparing(ConnectionView::name)).toList();
        grid.setItems(all);
        empty.setVisible(all.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("connections.pageTitle");
    }
}
