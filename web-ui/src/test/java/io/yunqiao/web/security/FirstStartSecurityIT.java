package io.yunqiao.web.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.MockUi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The first start without a configured administrator password: a one-time password that must be replaced before
 * anything else, on the UI's navigation and on the REST API, and a login page that says whose log holds it without
 * ever showing it. Accounts with a known one-time password are made as the first start makes the administrator's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:first-start-security;DB_CLOSE_DELAY=-1",
    "spring.quartz.scheduler-name=first-start-security",
    "spring.quartz.auto-startup=false",
    "yunqiao.demo.enabled=false",
    "yunqiao.node-name=node-first",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_TIME = "one-time-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    @Test
    @Order(1)
    void theAdministratorOfAStartWithoutAPasswordHasAOneTimePasswordFromThisNode() {
        // given the application started on an empty database with no administrator password configured
        // then the administrator must choose a password, and the account names the node whose log holds it
        assertThat(jdbc.queryForObject("select must_change_password from yq_user_account where username = 'admin'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select created_on_node from yq_user_account where username = 'admin'",
                String.class)).isEqualTo("node-first");
    }

    @Test
    void aOneTimePasswordOpensNoRestApi() throws Exception {
        // given an administrator who still has a one-time password
        users.createFirstAdmin("script-first", ONE_TIME, true, "node-first");

        // when they call the REST API with it
        HttpResponse<String> answer = new SecurityHttp(port).getWithBasic("/api/solutions", "script-first", ONE_TIME,
                "10.20.0.1");

        // then 403 tells them, coded, to choose a password first
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).get("code").asText())
                .isEqualTo("problem.security.passwordChangeRequired");
    }

    @Test
    void aOneTimePasswordOpensNoSandboxAdministration() throws Exception {
        // given an administrator who still has a one-time password (the embedded default mounts the sandboxes)
        users.createFirstAdmin("sandbox-first", ONE_TIME, true, "node-first");

        // when they read a sandbox's stored customers with it, as the demo banner suggests
        HttpResponse<String> answer = new SecurityHttp(port).getWithBasic("/sandbox/jackyun/_admin/customers",
                "sandbox-first", ONE_TIME, "10.20.0.4");

        // then 403 tells them, coded, to choose a password first
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).get("code").asText())
                .isEqualTo("problem.security.passwordChangeRequired");
    }

    @Test
    void afterTheChangeTheOldPasswordNoLongerWorksAndTheNewOneOpensTheApi() {
        // given an administrator who replaced their one-time password
        users.createFirstAdmin("changed-first", ONE_TIME, true, "node-first");
        users.chooseFirstPassword("changed-first", "my-own-pass-1");
        SecurityHttp http = new SecurityHttp(port);

        // then the one-time password is refused and the new one is let in
        assertThat(http.getWithBasic("/api/solutions", "changed-first", ONE_TIME, "10.20.0.2").statusCode())
                .isEqualTo(401);
        assertThat(http.getWithBasic("/api/solutions", "changed-first", "my-own-pass-1", "10.20.0.3").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theOneTimePasswordCannotBeChosenAgain() {
        // given an administrator with a one-time password
        users.createFirstAdmin("same-first", ONE_TIME, true, "node-first");

        // when they "choose" the one-time password itself, then it is refused
        assertThatThrownBy(() -> users.chooseFirstPassword("same-first", ONE_TIME)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).code()).isEqualTo("problem.user.passwordNotNew");
        assertThat(users.mustChangePassword("same-first")).isTrue();
    }

    @Test
    void everyScreenLeadsToChoosingAPasswordFirst() {
        // given someone signed in with a one-time password
        users.createFirstAdmin("screen-first", ONE_TIME, true, "node-first");
        signInWithOneTimePassword("screen-first");

        // when they open the solutions screen (or any other)
        UI.getCurrent().navigate("solutions");

        // then they are asked to choose a password instead
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(FirstPasswordView.class);

        // when they choose one
        _setValue(_get(PasswordField.class, spec -> spec.withId("first-password-new")), "screen-own-pass-1");
        _setValue(_get(PasswordField.class, spec -> spec.withId("first-password-repeat")), "screen-own-pass-1");
        _click(_get(Button.class, spec -> spec.withId("first-password-save")));

        // then it is stored and the one-time password is gone
        assertThat(users.mustChangePassword("screen-first")).isFalse();
    }

    /** Last: it replaces every one-time password, the administrator's included. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theLoginPageNamesTheNodeWhoseLogHoldsTheOneTimePasswordUntilItIsReplaced() {
        // given the administrator created by node-first with a one-time password
        MockUi.start(context, "nobody", Role.VIEWER);
        UI.getCurrent().navigate("login");

        // then the login page names the node, never the password
        String hint = _get(Paragraph.class, spec -> spec.withId("first-start-hint")).getText();
        assertThat(hint).contains("node-first").contains("Yunqiao administrator created");

        // when every one-time password was replaced
        List<String> waiting = new ArrayList<>(jdbc.queryForList(
                "select username from yq_user_account where must_change_password", String.class));
        for (String name : waiting) {
            users.chooseFirstPassword(name, "replaced-pass-1");
        }
        // (away and back: the same address again would keep the page as it was)
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("login");

        // then the hint is gone
        assertThat(_find(Paragraph.class, spec -> spec.withId("first-start-hint"))).isEmpty();
    }

    /** A UI signed in as after a form login with a one-time password: its roles and the "must change" mark. */
    private void signInWithOneTimePassword(String username) {
        MockUi.start(context, username, Role.ADMIN);
        var authorities = new ArrayList<>(SecurityContextHolder.getContext().getAuthentication().getAuthorities()
                .stream().map(a -> new SimpleGrantedAuthority(a.getAuthority())).toList());
        authorities.add(new SimpleGrantedAuthority(UserAccounts.MUST_CHANGE_PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, "n/a", authorities));
    }
}
