package io.yunqiao.web.security;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yunqiao.web.shell.ComponentTexts;
import java.util.List;

/** Sign in; Spring Security checks the form at {@code /login}. */
@Route(value = "login", autoLayout = false)
// Our own styles load at runtime from META-INF/resources (no frontend build: docs/development.md); on the app shell the
// annotation adds nothing in a production build, so the layouts carry it.
@StyleSheet("context://styles/yunqiao.css")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = ComponentTexts.login();

    LoginView(UserAccounts users) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        form.setId("login-form");
        Paragraph hint = new Paragraph(getTranslation("login.hint"));
        hint.addClassName("yq-muted");
        hint.setMaxWidth("22em");
        add(form, hint);
        // while the first administrator still has its one-time password: whose log to read, never the password
        users.oneTimePasswordNode().ifPresent(node -> {
            Paragraph firstStart = new Paragraph(getTranslation("login.firstStart", node));
            firstStart.setId("first-start-hint");
            firstStart.setMaxWidth("22em");
            addComponentAtIndex(1, firstStart);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String locked = parameters.getOrDefault("locked", List.of()).stream().findFirst().orElse(null);
        if (locked != null) {
            // the sign-in was refused before the password was checked: say how long to wait, not "wrong password"
            LoginI18n lockedTexts = ComponentTexts.login();
            lockedTexts.setForm(i18n.getForm());
            lockedTexts.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            lockedTexts.getErrorMessage().setMessage(getTranslation("login.locked.message", seconds(locked)));
            form.setI18n(lockedTexts);
        }
        boolean expired = locked == null && parameters.containsKey("expired");
        if (expired) {
            // the page the form was sent from had outlived its session: not a wrong password
            LoginI18n expiredTexts = ComponentTexts.login();
            expiredTexts.setForm(i18n.getForm());
            expiredTexts.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            expiredTexts.getErrorMessage().setMessage(getTranslation("login.expired.message"));
            form.setI18n(expiredTexts);
        }
        form.setError(locked != null || expired || parameters.containsKey("error"));
    }

    /** The wait from the address, as a number: anything else typed there shows as 0. */
    private static long seconds(String text) {
        try {
            return Math.max(0, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
