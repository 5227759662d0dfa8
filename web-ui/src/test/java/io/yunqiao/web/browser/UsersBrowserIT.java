package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The users screen in a real browser: what an administrator sets up is what the new person gets. */
class UsersBrowserIT extends BrowserIT {

    private static final String OPERATOR_ROLE = "运维（运行、重推、启停）";
    private static final String OPERATOR_PASSWORD = "operator-pass-1";

    /** Adds a user on the users screen, as the signed-in administrator, and waits for the confirmation. */
    private void addUser(String username, String roleLabel, String password) {
        open("users");
        click("add-user");
        fill("user-username", username);
        select("user-role", roleLabel);
        fill("user-password", password);
        click("user-save");
        expectNotification("已保存");
    }

    @Test
    void anOperatorCreatedByTheAdministratorSignsInWithoutTheUsersScreen() {
        // given the administrator
        signInAsAdmin();

        // when they add an operator on the users screen
        String operator = unique("ops");
        addUser(operator, OPERATOR_ROLE, OPERATOR_PASSWORD);

        // then the operator is listed with the role
        assertThat(gridRow("users", operator)).containsText(new String[] {operator, OPERATOR_ROLE});
        screenshot("users");

        // and when the operator signs in (here on a screen everybody may open)
        signOut();
        open(ComponentFixtureView.ROUTE);
        signIn(operator, OPERATOR_PASSWORD);

        // then they see their name and the screens, but not the users screen
        assertThat(byId("current-user")).hasText(operator);
        assertThat(byId("nav-solutions")).isVisible();
        assertThat(byId("nav-runs")).isVisible();
        assertThat(byId("nav-users")).hasCount(0);
    }

    @Test
    void anOperatorCannotOpenTheUsersScreenByItsAddress() {
        // given an operator, added by the administrator
        String operator = unique("ops");
        signInAsAdmin();
        addUser(operator, OPERATOR_ROLE, OPERATOR_PASSWORD);
        signOut();

        // when the operator types the users screen's address
        signIn(operator, OPERATOR_PASSWORD);
        open("users");

        // then the screen is not shown (open() waited for Vaadin to render whatever it shows instead)
        assertThat(byId("users")).hasCount(0);
        assertThat(byId("add-user")).hasCount(0);
    }

    @Test
    void aSignedInUserMakesAnApiTokenShownOnceThatAScriptThenUses() throws Exception {
        // given the administrator on the API tokens screen, reached from the header
        signInAsAdmin();
        click("api-tokens");
        assertThat(byId("add-token")).isVisible();

        // when they make a token for a script
        String name = unique("nightly-export");
        click("add-token");
        fill("token-name", name);
        click("token-create");

        // then the token is shown once, and listed by its name and first characters only
        String secret = value("token-secret");
        org.assertj.core.api.Assertions.assertThat(secret).startsWith("yqt_").hasSizeGreaterThan(40);
        click("token-secret-close");
        assertThat(gridRow("tokens", name)).containsText(new String[] {name, secret.substring(0, 10)});
        assertThat(byId("tokens")).not().containsText(secret);
        screenshot("api-tokens");

        // and a script calling the REST API with it is let in
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url("api/solutions"))).header("Authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(200);
    }
}
