package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signing in and out, the frame around the screens, and the language switch, in a real browser. */
class LoginBrowserIT extends BrowserIT {

    @Test
    void aWrongPasswordIsRefusedInChineseOnTheLoginPage() {
        // when the administrator's password is mistyped
        submitLogin(ADMIN, "not-the-password");

        // then the login page stays, saying why in Chinese
        assertThat(isLoginPage()).isTrue();
        assertThat(page.getByText("用户名或密码不正确")).isVisible();
        assertThat(byId("vaadinLoginUsername")).isVisible();
        screenshot("login-error");
    }

    @Test
    void aScreenAskedForBeforeSigningInIsShownAfterIt() {
        // given the users screen asked for without signing in
        open("users");
        assertThat(byId("login-form")).isVisible();
        screenshot("login");

        // when the administrator signs in
        signIn(ADMIN, ADMIN_PASSWORD);

        // then the users screen shows
        assertThat(page).hasURL(Pattern.compile(".*/users(\\?.*)?$"));
        assertThat(byId("add-user")).isVisible();
    }

    @Test
    void theAdministratorSeesTheNavigationInChineseAndTheirName() {
        // when the administrator signs in and opens a screen
        signInAsAdmin();
        open("users");

        // then the frame shows every screen in Chinese and who is signed in
        assertThat(byId("nav-dashboard")).containsText("仪表盘");
        assertThat(byId("nav-solutions")).containsText("集成方案");
        assertThat(byId("nav-templates")).containsText("模板市场");
        assertThat(byId("nav-runs")).containsText("运行记录");
        assertThat(byId("nav-connections")).containsText("连接");
        assertThat(byId("nav-connectors")).containsText("连接器目录");
        assertThat(byId("nav-users")).containsText("用户");
        assertThat(byId("current-user")).hasText(ADMIN);
        screenshot("layout");
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        // given a signed-in administrator
        signInAsAdmin();
        open("users");
        assertThat(byId("current-user")).hasText(ADMIN);

        // when they sign out
        signOut();

        // then the login page shows, and the screens need signing in again
        assertThat(byId("login-form")).isVisible();
        open("users");
        assertThat(byId("login-form")).isVisible();
        assertThat(byId("add-user")).hasCount(0);
    }

    @Test
    void englishSwitchesTheNavigationToEnglish() {
        // given the Chinese frame
        signInAsAdmin();
        open("users");
        assertThat(byId("nav-users")).containsText("用户");

        // when English is chosen in the header (which reloads the page)
        byId("language").click();
        Locator english = page.locator("vaadin-select-overlay[opened] vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("English"));
        waitForPageLoad(english::click);

        // then the navigation speaks English, and keeps doing so on the next screen opened
        assertThat(byId("nav-dashboard")).containsText("Dashboard");
        assertThat(byId("nav-solutions")).containsText("Solutions");
        assertThat(byId("nav-users")).containsText("Users");
        assertThat(byId("sign-out")).hasText("Sign out");
        open("users");
        assertThat(byId("nav-connectors")).containsText("Connector catalog");
        screenshot("layout-en");
    }
}
