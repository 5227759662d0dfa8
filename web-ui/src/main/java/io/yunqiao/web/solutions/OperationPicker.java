package io.yunqiao.web.solutions;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A connection and one of its connector's operations of a role (QUERY for a source, EXECUTE for a target). Only
 * connections whose connector has such operations are offered. Without a connection (a copied template, an import)
 * the operations of the solution's connector are still shown, so the rest of the solution can be edited.
 */
class OperationPicker extends FormLayout {

    private static final long serialVersionUID = 1L;

    private final ConnectorRegistry registry;
    private final OperationRole role;
    private final ComboBox<ConnectionView> connection = new ComboBox<>();
    private final ComboBox<OperationDefinition> operation = new ComboBox<>();
    private final Runnable onChange;
    private String fallbackConnector;
    private List<OperationDefinition> operations = List.of();

    OperationPicker(ConnectorRegistry registry, List<ConnectionView> connections, OperationRole role, String side,
            Runnable onChange) {
        this.registry = registry;
        this.role = role;
        this.onChange = onChange;
        connection.setId(side + "-connection");
        connection.setLabel(getTranslation("solutions.editor.connection"));
        connection.setItems(connections.stream().filter(c -> registry.find(c.connectorId())
                .map(d -> d.operations().stream().anyMatch(o -> o.role() == role)).orElse(false)).toList());
        connection.setItemLabelGenerator(c -> c.name() + " · " + connectorName(c.connectorId()));
        connection.setPlaceholder(getTranslation("solutions.editor.chooseConnection"));
        connection.setRequiredIndicatorVisible(true);
        connection.setClearButtonVisible(true);
        connection.addValueChangeListener(e -> {
            connection.setInvalid(false);
            refreshOperations();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        operation.setId(side + "-operation");
        operation.setLabel(getTranslation(role == OperationRole.QUERY ? "solutions.editor.queryOperation"
                : "solutions.editor.executeOperation"));
        operation.setItems(operations);
        operation.setItemLabelGenerator(o -> o.title().in(getLocale()) + " (" + o.id() + ")");
        operation.setRequiredIndicatorVisible(true);
        operation.addValueChangeListener(e -> {
            operation.setInvalid(false);
            operation.setHelperText(e.getValue() == null || e.getValue().description() == null ? null
                    : e.getValue().description().in(getLocale()));
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        add(connection, operation);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("44em", 2));
    }

    /** Shows a saved side: its connection (if it still exists) and its operation. */
    void load(Long connectionId, String connectorId, String operationId) {
        fallbackConnector = connectorId;
        ConnectionView chosen = connectionId == null ? null : connection.getListDataView().getItems()
                .filter(c -> c.id() == connectionId).findFirst().orElse(null);
        connection.setValue(chosen);
        if (connectionId != null && chosen == null) {
            connection.setInvalid(true);
            connection.setErrorMessage(getTranslation("solutions.editor.connectionGone", connectionId));
        } else if (connectionId == null && connectorId != null) {
            connection.setHelperText(getTranslation("solutions.editor.connectionMissing", connectorName(connectorId)));
        }
        refreshOperations();
        operation.setValue(operations.stream().filter(o -> o.id().equals(operationId)).findFirst().orElse(null));
    }

    Long connectionId() {
        return connection.getValue() == null ? null : connection.getValue().id();
    }

    /** The connector of the chosen connection, else the one the solution was saved with. */
    String connectorId() {
        return connection.getValue() != null ? connection.getValue().connectorId() : fallbackConnector;
    }

    OperationDefinition operation() {
        return operation.getValue();
    }

    String operationId() {
        return operation.getValue() == null ? null : operation.getValue().id();
    }

    ComboBox<ConnectionView> connectionField() {
        return connection;
    }

    ComboBox<OperationDefinition> operationField() {
        return operation;
    }

    private void refreshOperations() {
        String connector = connectorId();
        if (connection.getValue() != null) {
            connection.setHelperText(null);
        }
        OperationDefinition current = operation.getValue();
        List<OperationDefinition> offered = connector == null ? List.of() : registry.find(connector)
                .map(d -> d.operations().stream().filter(o -> o.role() == role).toList()).orElse(List.of());
        if (offered.equals(operations)) {
            return;
        }
        operations = offered;
        operation.setItems(offered);
        operation.setPlaceholder(connector == null ? getTranslation("solutions.editor.connectionFirst") : null);
        operation.setValue(current == null ? null : operations.stream()
                .filter(o -> Objects.equals(o.id(), current.id())).findFirst().orElse(null));
    }

    private String connectorName(String connectorId) {
        Locale locale = getLocale();
        return registry.find(connectorId).map(ConnectorDefinition::name).map(n -> n.in(locale)).orElse(connectorId);
    }
}
