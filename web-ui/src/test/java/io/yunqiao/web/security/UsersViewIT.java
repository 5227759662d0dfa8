package io.yunqiao.web.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.shell.Notices;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The users screen, server-side: administrators add people; short passwords are refused with the rule. */
@SharedPlatform
class UsersViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    @Test
    void anAdministratorAddsAnOperator() {
        // given the users screen, signed in as the administrator
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("users");

        // when they add "ops" with a long enough password
        _click(_get(Button.class, spec -> spec.withId("add-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "ops");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "long-enough-1");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        // then the user exists, as a VIEWER until given more
        assertThat(users.list()).anySatisfy(u -> {
            assertThat(u.username()).isEqualTo("ops");
            assertThat(u.role()).isEqualTo(Role.VIEWER);
        });
    }

    @Test
    void aShortPasswordIsRefusedWithTheRule() {
        // given the new-user dialog
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("users");
        _click(_get(Button.class, spec -> spec.withId("add-user")));

        // when the password is too short
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "shorty");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "abc");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        // then nothing is saved and the message names the rule
        assertThat(users.list()).noneMatch(u -> u.username().equals("shorty"));
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains("至少需要 8 个字符"));
    }

    @Test
    void aViewerCannotOpenTheUsersScreen() {
        // given someone with read-only access
        MockUi.start(context, "reader", Role.VIEWER);

        // when they go to the users screen
        UI.getCurrent().navigate("users");

        // then they don't get it
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(UsersView.class);
    }

    @Test
    void anAdministratorSeesAndUnlocksALockedUser() {
        // given a user locked out by ten wrong passwords
        users.create("locked-out", null, Role.VIEWER, "locked-out-pass");
        for (int i = 0; i < 10; i++) {
            throttle.admit("locked-out", "10.9.8." + i);
        }
        assertThat(throttle.waitsUntil("locked-out")).isPresent();

        // when the administrator clicks Unlock on the users screen
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("users");
        @SuppressWarnings("unchecked")
        Grid<UserView> grid = (Grid<UserView>) _get(Component.class, spec -> spec.withId("users"));
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).username().equals("locked-out")).findFirst().orElseThrow();
        Component actions = GridKt._getCellComponent(grid, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("unlock-locked-out")));

        // then the user may sign in again at once
        assertThat(throttle.waitsUntil("locked-out")).isEmpty();
    }

    @Test
    void theLoginPageSaysHowLongARefusedSignInMustWait() {
        // when the sign-in was refused before the password was checked (SignInAnswers sends ?locked=<seconds>)
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("locked", "42")));

        // then the form shows the wait, not "wrong password"
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(form.getElement().getPropertyRaw("i18n").toString()).contains("请 42 秒后再试")
                .doesNotContain("用户名或密码不正确");
    }

    @Test
    void theLoginPageSaysWhenTheFormItWasSentFromHadExpired() {
        // when a login post was refused for its outdated token (SignInAnswers sends ?expired)
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("expired", "")));

        // then the form asks to sign in again, and does not say the password was wrong
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(form.getElement().getPropertyRaw("i18n").toString()).contains("登录页已过期")
                .doesNotContain("用户名或密码不正确");
    }
}
