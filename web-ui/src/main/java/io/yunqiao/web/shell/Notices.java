package io.yunqiao.web.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The short messages screens show after an action: the same place, look and duration everywhere. */
public final class Notices {

    private Notices() {
    }

    /**
     * Something worked: for 3 s at the top centre, over the empty middle of the app header (the title is left, the
     * language, user and sign-out are right; the editors' buttons and tables are below it). At the bottom start it
     * covered the editors' tables and the left of their forms while one read on. A new action's notice replaces the
     * notices of earlier actions (a stack of them would reach down over the editors' buttons); notices of one
     * action are all shown.
     */
    public static void success(String text) {
        Notification notification = new Notification(text, 3000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        // compact (yunqiao.css): two lines of text still end within the app header
        notification.addClassName("yq-notice");
        UI ui = UI.getCurrent();
        if (ui != null) {
            Action action = ComponentUtil.getData(ui, Action.class);
            if (action == null || action.answered) {
                if (action != null) {
                    action.notices.forEach(Notification::close);
                }
                Action current = new Action();
                ComponentUtil.setData(ui, Action.class, current);
                ui.beforeClientResponse(ui, context -> current.answered = true);
                action = current;
            }
            action.notices.add(notification);
        }
        notification.open();
    }

    /** Something was refused: stays until closed by a click, so a long reason can be read. */
    public static void error(String text) {
        Notification notification = new Notification(text, 0, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.getElement().addEventListener("click", e -> notification.close());
        notification.addClassName("yq-error");
        notification.open();
    }

    /** The success notices shown while handling one request of a UI; answered once the response is written. */
    private static final class Action implements Serializable {

        private static final long serialVersionUID = 1L;

        private final List<Notification> notices = new ArrayList<>();
        private boolean answered;
    }
}
