package io.yunqiao.web.connections;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.Notices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of one connection, generated from its connector's connection fields: a text field per field (a password
 * field for secrets) with id {@code field-<name>}, the label and help text of the definition in the UI's language,
 * and the required indicator; above them the connection's name ({@code connection-name}) and its connector
 * ({@code connection-connector}, fixed once the connection exists).
 *
 * <p>Secrets never travel back to the browser: when an existing connection is shown, its secret fields stay empty
 * with an "unchanged" placeholder, and an empty secret field on saving keeps the stored secret, unless a
 * destination field (the base URL) has changed: then every stored secret must be typed again (the server refuses
 * otherwise), and the form says so on each secret field as soon as the address changes. Required fields are
 * checked before anything is sent; the server's refusals are shown on the field they name (and as a notice), and
 * nothing typed is lost.
 *
 * <p>Used by the connections screen and by every screen that lets a user create a connection on the way (the
 * template wizard); {@link ConnectionDialog} puts it in a dialog with Save and Test.
 */
public class ConnectionForm extends Composite<FormLayout> {

    private static final long serialVersionUID = 1L;
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s/?#]+\\S*", Pattern.CASE_INSENSITIVE);

    private final ConnectorRegistry registry;
    private final Connections connections;
    private final TextField name = new TextField();
    private final Select<ConnectorDefinition> connector = new Select<>();
    private final Map<String, TextFieldBase<?, String>> fields = new LinkedHashMap<>();
    private ConnectionView saved;
    private boolean dirty;

    /**
     * A form for a new connection.
     *
     * @param connectorId the connector the connection is for, which the user cannot change then; {@code null} lets
     *                    the user choose among the installed connectors
     */
    public ConnectionForm(ConnectorRegistry registry, Connections connections, String connectorId) {
        this.registry = registry;
        this.connections = connections;
        layOut();
        ConnectorDefinition initial = connectorId == null ? registry.definitions().get(0)
                : registry.definition(connectorId);
        connector.setValue(initial);
        connector.setEnabled(connectorId == null);
        connector.addValueChangeListener(e -> {
            if (e.getValue() != null && saved == null) {
                showFields(e.getValue(), null);
            }
        });
        showFields(initial, null);
        dirty = true;
    }

    /** A form for an existing connection: its secret fields stay empty, and empty means unchanged. */
    public ConnectionForm(ConnectorRegistry registry, Connections connections, ConnectionView existing) {
        this.registry = registry;
        this.connections = connections;
        layOut();
        show(existing);
    }

    private void layOut() {
        name.setId("connection-name");
        name.setLabel(getTranslation("connections.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(connections.nameLength());
        name.setManualValidation(true);
        name.addValueChangeListener(e -> changed(name));
        connector.setId("connection-connector");
        connector.setLabel(getTranslation("connections.connector"));
        connector.setItems(registry.definitions());
        connector.setItemLabelGenerator(d -> d.name().in(getLocale()));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        getContent().setMaxWidth("40em");
    }

    /** The connector the form is for. */
    public ConnectorDefinition connector() {
        return connector.getValue();
    }

    /** The stored connection this form shows, once it has been saved (or when it was opened for one). */
    public Optional<ConnectionView> saved() {
        return Optional.ofNullable(saved);
    }

    /** Whether the form holds input that is not stored yet. */
    public boolean isDirty() {
        return dirty || saved == null;
    }

    /**
     * Checks the required fields, then creates or updates the connection. A refusal is shown on its field and as a
     * notice; the input stays as it was.
     *
     * @return the stored connection, or empty when something was refused
     */
    public Optional<ConnectionView> save() {
        clearErrors();
        List<String> missing = missingRequired();
        if (!missing.isEmpty()) {
            Notices.error(getTranslation("connections.missing", String.join(getTranslation("connections.listSeparator"),
                    missing)));
            return Optional.empty();
        }
        List<String> malformed = malformedUrls();
        if (!malformed.isEmpty()) {
            Notices.error(getTranslation("connections.badUrls", String.join(getTranslation("connections.listSeparator"),
                    malformed)));
            return Optional.empty();
        }
        ConnectionDraft draft = new ConnectionDraft(name.getValue(), connector.getValue().id(), values());
        try {
            ConnectionView stored = saved == null ? connections.create(draft) : connections.update(saved.id(), draft);
            show(stored);
            return Optional.of(stored);
        } catch (Problem e) {
            markRefusal(e);
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
            return Optional.empty();
        }
    }

    private void show(ConnectionView view) {
        saved = view;
        ConnectorDefinition definition = registry.definition(view.connectorId());
        name.setValue(view.name());
        connector.setValue(definition);
        connector.setEnabled(false);
        showFields(definition, view);
        clearErrors();
        dirty = false;
    }

    /** Lays out the fields of a connector, filled from {@code view} (secrets excepted) or with the defaults. */
    private void showFields(ConnectorDefinition definition, ConnectionView view) {
        getContent().removeAll();
        getContent().add(name, connector);
        fields.clear();
        for (ConnectionField field : definition.connection()) {
            TextFieldBase<?, String> input = input(field, view);
            fields.put(field.name(), input);
            getContent().add(input);
        }
    }

    private TextFieldBase<?, String> input(ConnectionField field, ConnectionView view) {
        TextFieldBase<?, String> input;
        if (field.secret() || "password".equals(field.type())) {
            PasswordField password = new PasswordField();
            password.setManualValidation(true);
            // keeps the browser from offering the signed-in user's own password for a vendor secret
            password.setAutocomplete(Autocomplete.NEW_PASSWORD);
            input = password;
        } else {
            TextField text = new TextField();
            text.setManualValidation(true);
            if ("integer".equals(field.type())) {
                text.setAllowedCharPattern("[0-9-]");
            }
            input = text;
        }
        input.setId("field-" + field.name());
        input.setLabel(field.label().in(getLocale()));
        input.setRequiredIndicatorVisible(field.required());
        input.setHelperText(helpOf(field));
        if (view == null) {
            input.setValue(field.defaultValue() == null ? "" : field.defaultValue());
        } else if (field.secret()) {
            input.setPlaceholder(getTranslation(view.values().containsKey(field.name())
                    ? "connections.secretUnchanged" : "connections.secretUnset"));
        } else {
            input.setValue(view.values().getOrDefault(field.name(), ""));
            if (field.defaultValue() != null) {
                input.setPlaceholder(field.defaultValue());
            }
        }
        input.addValueChangeListener(e -> changed(input));
        if (view != null && field.routesRequests() && !field.secret()) {
            input.addValueChangeListener(e -> showSecretsToReenter());
        }
        return input;
    }

    /**
     * Whether a destination field now differs from the stored connection's, so that its stored secrets must be
     * typed again in the same save.
     */
    private boolean destinationChanged() {
        if (saved == null) {
            return false;
        }
        for (ConnectionField field : connector.getValue().connection()) {
            if (field.routesRequests() && !field.secret() && !Objects.equals(effective(field,
                    saved.values().get(field.name())), effective(field, fields.get(field.name()).getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static String effective(ConnectionField field, String value) {
        return value == null || value.isBlank() ? field.defaultValue() : value.trim();
    }

    /** A stored secret the user must type again because the destination changed. */
    private boolean mustReenter(ConnectionField field, boolean destinationChanged) {
        return destinationChanged && field.secret() && saved.values().containsKey(field.name());
    }

    /** Marks the stored secrets required (with a helper saying why) while a destination differs, and back. */
    private void showSecretsToReenter() {
        boolean moved = destinationChanged();
        for (ConnectionField field : connector.getValue().connection()) {
            if (field.secret() && saved.values().containsKey(field.name())) {
                TextFieldBase<?, String> input = fields.get(field.name());
                boolean reenter = mustReenter(field, moved);
                input.setRequiredIndicatorVisible(reenter || field.required());
                input.setHelperText(reenter ? getTranslation("connections.secretReenter") : helpOf(field));
                input.setPlaceholder(reenter ? "" : getTranslation("connections.secretUnchanged"));
            }
        }
    }

    private String helpOf(ConnectionField field) {
        String help = field.description() == null ? "" : field.description().in(getLocale());
        if (field.defaultValue() != null && !field.defaultValue().isEmpty()) {
            String defaultText = getTranslation("connections.defaultHelp", field.defaultValue());
            help = help.isEmpty() ? defaultText : help + " · " + defaultText;
        }
        return help;
    }

    private void changed(TextFieldBase<?, String> input) {
        dirty = true;
        input.setInvalid(false);
    }

    /** Marks every empty required field and returns their labels; a stored secret counts as filled. */
    private List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        if (name.getValue().isBlank()) {
            invalid(name, getTranslation("connections.required"));
            missing.add(name.getLabel());
        }
        boolean moved = destinationChanged();
        for (ConnectionField field : connector.getValue().connection()) {
            TextFieldBase<?, String> input = fields.get(field.name());
            boolean reenter = saved != null && mustReenter(field, moved);
            boolean stored = saved != null && field.secret() && saved.values().containsKey(field.name()) && !reenter;
            boolean required = reenter || (field.required() && field.defaultValue() == null);
            if (required && input.getValue().isBlank() && !stored) {
                invalid(input, getTranslation("connections.required"));
                missing.add(input.getLabel());
            }
        }
        return missing;
    }

    /** Marks URL fields whose value the HTTP client could not call, and returns their labels. */
    private List<String> malformedUrls() {
        List<String> malformed = new ArrayList<>();
        for (ConnectionField field : connector.getValue().connection()) {
            TextFieldBase<?, String> input = fields.get(field.name());
            String value = input.getValue().trim();
            if ("url".equals(field.type()) && !value.isEmpty() && !WEB_ADDRESS.matcher(value).matches()) {
                invalid(input, getTranslation("connections.badUrl"));
                malformed.add(input.getLabel());
            }
        }
        return malformed;
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConnectionField field : connector.getValue().connection()) {
            String value = fields.get(field.name()).getValue();
            if (field.secret()) {
                if (!value.isEmpty()) {
                    values.put(field.name(), value);
                } else if (saved != null) {
                    values.put(field.name(), ConnectorClient.MASK);
                }
            } else {
                values.put(field.name(), value.trim());
            }
        }
        return values;
    }

    /** Shows the server's message on the field it names ({@code name}, {@code connectorId}, {@code values.<key>}). */
    private void markRefusal(Problem problem) {
        String field = problem.field();
        if (field == null) {
            return;
        }
        if (field.equals("name")) {
            invalid(name, problem.message(getLocale()));
        } else if (field.equals("connectorId")) {
            connector.setErrorMessage(problem.message(getLocale()));
            connector.setInvalid(true);
        } else if (field.startsWith("values.") && fields.containsKey(field.substring("values.".length()))) {
            invalid(fields.get(field.substring("values.".length())), problem.message(getLocale()));
        }
    }

    private static void invalid(TextFieldBase<?, String> input, String message) {
        input.setErrorMessage(message);
        input.setInvalid(true);
    }

    private void clearErrors() {
        name.setInvalid(false);
        connector.setInvalid(false);
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
