package io.yunqiao.web.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordStatus;

/**
 * One record's log entry: the request sent and the response received as indented JSON, the error class, the
 * vendor's code and message; a FAILED record can be re-pushed from here by whoever may operate.
 */
class RecordDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    /**
     * @param repush      re-pushes this record; {@code null} when the person may not, or the record cannot be
     * @param bodiesKept  whether the run's log level keeps this record's request and response (仅失败 keeps them only
     *                    for records not written), so that a missing body is explained rather than shown as none
     */
    RecordDialog(RecordLog log, Runnable repush, boolean bodiesKept) {
        setId("record-dialog");
        setWidth("min(60em, 96vw)");
        String name = log.getCode() != null ? log.getCode() : log.getSourceKey() != null ? log.getSourceKey()
                : "#" + log.getId();
        setHeaderTitle(getTranslation("runs.record.title", name));

        Div facts = new Div();
        facts.addClassName("yq-run-facts");
        facts.add(fact("runs.record.status", StatusBadge.of(log.getStatus()), "record-status"));
        facts.add(fact("runs.record.sourceKey", text(log.getSourceKey()), "record-source-key"));
        facts.add(fact("runs.record.code", text(log.getCode()), "record-code"));
        facts.add(fact("runs.record.attempts", text(String.valueOf(log.getAttempts())), "record-attempts"));
        Span errorClass = text(ErrorClassText.of(log.getErrorClass(), this::getTranslation));
        if (log.getErrorClass() != null) {
            // the code for operators and for searching the docs; the words are for everyone
            errorClass.setTitle(log.getErrorClass());
        }
        facts.add(fact("runs.record.errorClass", errorClass, "record-error-class"));
        facts.add(fact("runs.record.vendorCode", text(log.getVendorCode()), "record-vendor-code"));
        facts.add(fact("runs.record.duration", text(getTranslation("runs.millis", log.getDurationMillis())),
                "record-duration"));
        facts.add(fact("runs.record.time", text(RunFormat.time(log.getCreatedAt())), "record-time"));
        add(facts);

        String said = log.message(getLocale());
        Div message = new Div(text(said));
        message.setId("record-message");
        message.addClassName("yq-record-message");
        if (said != null && !said.isBlank()) {
            add(new H4(getTranslation("runs.record.message")), message);
        }
        String none = getTranslation(bodiesKept ? "runs.record.none" : "runs.record.notKept");
        add(new H4(getTranslation("runs.record.request")), body(log.request(getLocale()), "record-request", none));
        add(new H4(getTranslation("runs.record.response")), body(log.response(getLocale()), "record-response",
                none));

        if (repush != null && log.getStatus() == RecordStatus.FAILED) {
            Button again = new Button(getTranslation("runs.repush.one"), e -> {
                close();
                repush.run();
            });
            again.setId("repush-one");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(again);
        }
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("record-close");
        getFooter().add(close);
    }

    private Pre body(String logged, String id, String none) {
        String pretty = PrettyJson.of(logged);
        Pre pre = new Pre(pretty.isEmpty() ? none : pretty);
        pre.setId(id);
        pre.addClassName("yq-json");
        return pre;
    }

    private Span text(String value) {
        return new Span(value == null || value.isBlank() ? getTranslation("common.none") : value);
    }

    private Div fact(String labelKey, Component value, String id) {
        value.setId(id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("yq-muted");
        return new Div(label, value);
    }
}
