package io.yunqiao.web.connections;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.yunqiao.connection.ConnectionTest;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.web.shell.Notices;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link ConnectionForm} in a dialog with Save ({@code connection-save}) and Test connection
 * ({@code connection-test}). Testing saves unsaved input first, then shows the outcome in
 * {@code connection-test-result}, and the dialog stays open; Save closes it. Every successful save is reported to
 * the caller, so a list can refresh and a picker can select the new connection.
 */
public class ConnectionDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final ConnectionForm form;
    private final Connections connections;
    private final Consumer<ConnectionView> onSaved;
    private final TestOutcome outcome = new TestOutcome();

    private ConnectionDialog(ConnectionForm form, Connections connections, boolean connectorChosen,
            Consumer<ConnectionView> onSaved) {
        this.form = form;
        this.connections = connections;
        this.onSaved = onSaved;
        setId("connection-dialog");
        String connectorName = form.connector().name().in(getLocale());
        setHeaderTitle(form.saved().map(v -> getTranslation("connections.edit.title", v.name()))
                .orElseGet(() -> connectorChosen ? getTranslation("connections.new.titleFor", connectorName)
                        : getTranslation("connections.new.title")));
        setWidth("44em");
        add(form, outcome);
        Button test = new Button(getTranslation("connections.test"), e -> test());
        test.setId("connection-test");
        Button save = new Button(getTranslation("common.save"), e -> save().ifPresent(v -> close()));
        save.setId("connection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), test, save);
    }

    /**
     * A dialog for a new connection.
     *
     * @param connectorId the connector it is for, fixed; {@code null} lets the user choose
     * @param onSaved     called with the stored connection after every successful save
     */
    public static ConnectionDialog forNew(ConnectorRegistry registry, Connections connections, String connectorId,
            Consumer<ConnectionView> onSaved) {
        return new ConnectionDialog(new ConnectionForm(registry, connections, connectorId), connections,
                connectorId != null, onSaved);
    }

    /**
     * A dialog for an existing connection; its secrets are not shown, and left empty they are kept.
     *
     * @param onSaved called with the stored connection after every successful save
     */
    public static ConnectionDialog forExisting(ConnectorRegistry registry, Connections connections,
            ConnectionView existing, Consumer<ConnectionView> onSaved) {
        return new ConnectionDialog(new ConnectionForm(registry, connections, existing), connections, true, onSaved);
    }

    private Optional<ConnectionView> save() {
        Optional<ConnectionView> stored = form.save();
        stored.ifPresent(view -> {
            Notices.success(getTranslation("common.saved"));
            onSaved.accept(view);
        });
        return stored;
    }

    /**
     * Tests a stored connection. A value the HTTP client cannot even use (a base URL it cannot parse) is a failed
     * test with the client's reason, not an error page.
     */
    static ConnectionTest testOf(Connections connections, long id) {
        long started = System.nanoTime();
        try {
            return connections.test(id);
        } catch (IllegalArgumentException e) {
            return new ConnectionTest(false, null, StoredMessage.of("connector.test.unusable", e.getMessage()).store(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Tests what the user sees: unsaved input is saved first, so the test never runs on stale values. */
    private void test() {
        Optional<ConnectionView> target = form.isDirty() ? save() : form.saved();
        target.ifPresent(view -> outcome.show(testOf(connections, view.id()), form.connector()));
    }
}
