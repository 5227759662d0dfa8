package io.yunqiao.web.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;

/**
 * The first sign-in with a one-time password: choose a password of your own, then sign in again with it (the new
 * sign-in drops the one-time password's session and its "must change" mark). No menu: nothing else is reachable
 * before ({@link FirstPasswordGuard}).
 */
@Route(value = "first-password", autoLayout = false)
@StyleSheet("context://styles/yunqiao.css")
@PermitAll
class FirstPasswordView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final UserAccounts users;
    private final CurrentUser user;
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    FirstPasswordView(UserAccounts users, CurrentUser user) {
        this.users = users;
        this.user = user;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H2(getTranslation("firstPassword.title")));
        if (!users.mustChangePassword(user.name())) {
            // chosen meanwhile, e.g. in another browser: this session still carries the one-time password's mark
            Paragraph done = new Paragraph(getTranslation("firstPassword.alreadyChosen"));
            done.setId("first-password-done");
            Button again = new Button(getTranslation("firstPassword.signInAgain"), e -> user.signOut());
            again.setId("first-password-sign-in");
            add(done, again);
            return;
        }
        Paragraph why = new Paragraph(getTranslation("firstPassword.explained", UserAccounts.MIN_PASSWORD_LENGTH));
        why.addClassName("yq-muted");
        why.setMaxWidth("28em");
        password.setId("first-password-new");
        password.setLabel(getTranslation("firstPassword.new"));
        repeat.setId("first-password-repeat");
        repeat.setLabel(getTranslation("firstPassword.repeat"));
        password.setWidth("20em");
        repeat.setWidth("20em");
        Button save = new Button(getTranslation("firstPassword.save"), e -> save());
        save.setId("first-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(why, password, repeat, save);
    }

    private void save() {
        if (!password.getValue().equals(repeat.getValue())) {
            Notices.error(getTranslation("firstPassword.mismatch"));
            return;
        }
        try {
            users.chooseFirstPassword(user.name(), password.getValue());
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
            return;
        }
        Notices.success(getTranslation("firstPassword.saved"));
        user.signOut();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("firstPassword.pageTitle");
    }
}
