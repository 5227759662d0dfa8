package io.yunqiao.web.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
        closeErrors();
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

    /**
     * Something was refused: stays in the middle until its close button is pressed, so a long reason can be read;
     * also closed by the next action that succeeds ({@link #success}) and by moving to another screen
     * ({@link #closeErrors}), so a refusal already dealt with does not linger over the next page or save. A refusal
     * of the same request as the success or navigation stays (it belongs to that action).
     */
    public static void error(String text) {
        Notification notification = new Notification();
        notification.setDuration(0);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.addClassName("yq-error");
        Span message = new Span(text);
        message.addClassName("yq-notice-text");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        close.addClassName("yq-notice-close");
        String closeLabel = notification.getTranslation("shell.notice.close");
        close.setAriaLabel(closeLabel);
        close.setTooltipText(closeLabel);
        HorizontalLayout content = new HorizontalLayout(message, close);
        content.setAlignItems(FlexComponent.Alignment.START);
        notification.add(content);
        UI ui = UI.getCurrent();
        if (ui != null) {
            Errors errors = ComponentUtil.getData(ui, Errors.class);
            if (errors == null) {
                errors = new Errors();
                ComponentUtil.setData(ui, Errors.class, errors);
                // a refusal belongs to the screen it was shown on: it does not follow the user to the next one
                ui.addAfterNavigationListener(e -> closeErrors());
            }
            Shown shown = new Shown(notification);
            errors.shown.add(shown);
            notification.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    ComponentUtil.getData(ui, Errors.class).shown.remove(shown);
                }
            });
            ui.beforeClientResponse(ui, context -> shown.answered = true);
        }
        notification.open();
    }

    /**
     * Closes the refusals shown by earlier requests of the current UI (a successful action or another screen makes
     * them stale); those of the request being handled stay.
     */
    public static void closeErrors() {
        UI ui = UI.getCurrent();
        Errors errors = ui == null ? null : ComponentUtil.getData(ui, Errors.class);
        if (errors == null) {
            return;
        }
        List<Shown> stale = errors.shown.stream().filter(shown -> shown.answered).toList();
        errors.shown.removeAll(stale);
        stale.forEach(shown -> shown.notification.close());
    }

    /** The text a notice shows, whether a plain success notice or a refusal with its close button. */
    public static String text(Notification notification) {
        String text = notification.getElement().getProperty("text");
        if (text != null && !text.isEmpty()) {
            return text;
        }
        return notification.getChildren().flatMap(Component::getChildren)
                .filter(child -> child instanceof Span span && span.hasClassName("yq-notice-text"))
                .map(child -> ((Span) child).getText()).findFirst().orElse("");
    }

    /** The refusals open in a UI. */
    private static final class Errors implements Serializable {

        private static final long serialVersionUID = 1L;

        private final List<Shown> shown = new ArrayList<>();
    }

    /** One refusal; answered once the response of the request that showed it is written. */
    private static final class Shown implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Notification notification;
        private boolean answered;

        Shown(Notification notification) {
            this.notification = notification;
        }
    }

    /** The success notices shown while handling one request of a UI; answered once the response is written. */
    private static final class Action implements Serializable {

        private static final long serialVersionUID = 1L;

        private final List<Notification> notices = new ArrayList<>();
        private boolean answered;
    }
}
