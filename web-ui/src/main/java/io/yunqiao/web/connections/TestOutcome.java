package io.yunqiao.web.connections;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.yunqiao.connection.ConnectionTest;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.OperationDefinition;

/**
 * The outcome of a connection test as a person reads it: worked or not, which API was called, what the vendor
 * said and how long it took. The status name sits in {@code data-status} for browser tests.
 */
class TestOutcome extends Div {

    private static final long serialVersionUID = 1L;

    TestOutcome() {
        setId("connection-test-result");
        addClassName("yq-test-outcome");
        setVisible(false);
    }

    void show(ConnectionTest test, ConnectorDefinition connector) {
        removeAll();
        String status = test.ok() ? "SUCCESS" : "FAILED";
        getElement().setAttribute("data-status", status);
        Span verdict = new Span(getTranslation(test.ok() ? "connections.test.ok" : "connections.test.failed"));
        verdict.addClassName("yq-status-" + status);
        verdict.getElement().setAttribute("data-status", status);
        add(new Div(verdict));
        String operation = test.operation() == null ? getTranslation("connections.test.noOperation")
                : connector.operation(test.operation()).map(OperationDefinition::title)
                        .map(t -> t.in(getLocale()) + " (" + test.operation() + ")").orElse(test.operation());
        add(line(getTranslation("connections.test.operation", operation)));
        add(line(getTranslation("connections.test.message", test.message(getLocale()))));
        if (test.unmatchedRecords() != null) {
            add(line(test.note(getLocale())));
        }
        add(line(getTranslation("connections.test.duration", test.duration().toMillis())));
        setVisible(true);
    }

    private static Div line(String text) {
        Div line = new Div(text);
        line.addClassName("yq-muted");
        return line;
    }
}
