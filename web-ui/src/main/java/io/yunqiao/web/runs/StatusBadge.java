package io.yunqiao.web.runs;

import com.vaadin.flow.component.html.Span;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.RunStatus;

/**
 * A run's or a record's status as every screen shows it: the translated word, the enum name in the attribute
 * {@code data-status} (what browser tests and styles read) and the colour class {@code yq-status-NAME}.
 */
public final class StatusBadge extends Span {

    private static final long serialVersionUID = 1L;

    private String shown;

    public StatusBadge() {
    }

    public static StatusBadge of(RunStatus status) {
        StatusBadge badge = new StatusBadge();
        badge.show(status);
        return badge;
    }

    public static StatusBadge of(RecordStatus status) {
        StatusBadge badge = new StatusBadge();
        badge.show(status);
        return badge;
    }

    public void show(RunStatus status) {
        show("runs.status.", status);
    }

    public void show(RecordStatus status) {
        show("runs.recordStatus.", status);
    }

    private void show(String keyPrefix, Enum<?> status) {
        if (shown != null) {
            removeClassName("yq-status-" + shown);
        }
        shown = status.name();
        setText(getTranslation(keyPrefix + shown));
        getElement().setAttribute("data-status", shown);
        addClassName("yq-status-" + shown);
    }
}
