package io.yunqiao.web.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The short messages screens show after an action: the same place, look and duration everywhere. */
public final class Notices {

    private Notices() {
    }

    /** Something worked. */
    public static void success(String text) {
        Notification notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Something was refused: stays until closed by a click, so a long reason can be read. */
    public static void error(String text) {
        Notification notification = new Notification(text, 0, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.getElement().addEventListener("click", e -> notification.close());
        notification.addClassName("yq-error");
        notification.open();
    }
}
