package io.yunqiao.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.problem.Problem;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attacks on signing in, over real HTTP: password guessing through HTTP Basic and the login form, per user and per
 * source address, and what personal API tokens may and may not do. The application is {@link SecuredApplication}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationSecurityIT extends SecuredApplication {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    private SecurityHttp http;

    @BeforeEach
    void freshCounts() {
        http = new SecurityHttp(port);
        throttle.clear();
    }

    /** An address no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51.100." + n;
    }

    private UserView user(String name, Role role) {
        return users.create(name, null, role, name + "-password");
    }

    private HttpResponse<String> withBearer(String method, String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void thirtyWrongPasswordsOverBasicGetFiveChecksAndThen429BeforeAnyHash() {
        // given an attacker at one address guessing the administrator's password
        String attacker = newAddress();
        int hashesBefore = CHECKS.get();

        // when they send thirty wrong passwords in a row
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = http.getWithBasic("/api/solutions", "admin", "guess-" + i, attacker);
            statuses.add(last.statusCode());
        }

        // then five are checked (401) and the rest refused with 429 and a wait, without computing a hash
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 30)).containsOnly(429);
        assertThat(CHECKS.get() - hashesBefore).isEqualTo(5);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(last.body()).contains("\"code\":\"problem.security.tooManyAttempts\"");
    }

    @Test
    void aUserUnderAttackIsRefusedFromEveryAddressEvenWithTheRightPassword() {
        // given wrong passwords for the administrator, each from another address
        for (int i = 0; i < 5; i++) {
            http.getWithBasic("/api/solutions", "admin", "guess-" + i, newAddress());
        }
        int hashesBefore = CHECKS.get();

        // when the right password comes from yet another address
        HttpResponse<String> answer = http.getWithBasic("/api/solutions", "admin", ADMIN_PASSWORD, newAddress());

        // then it waits like the guesses (the lock is on the name), and no hash was computed for it
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(CHECKS.get()).isEqualTo(hashesBefore);
    }

    @Test
    void oneAddressGuessingManyUserNamesIsCutOffAfterTenAndOtherAddressesAreNot() {
        // given an attacker trying thirty user names from one address
        String attacker = newAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(http.getWithBasic("/api/solutions", "name-" + i, "guess", attacker).statusCode());
        }

        // then ten are checked and the rest refused
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 30)).containsOnly(429);
        // and even the administrator's right password waits at that address, while elsewhere it works
        assertThat(http.getWithBasic("/api/solutions", "admin", ADMIN_PASSWORD, attacker).statusCode()).isEqualTo(429);
        assertThat(http.getWithBasic("/api/solutions", "admin", ADMIN_PASSWORD, newAddress()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLoginFormIsLimitedLikeBasicAndSaysHowLongToWait() {
        // given the login page, opened by an attacker
        String attacker = newAddress();
        SecurityHttp.LoginPage page = http.openLoginPage(attacker);
        int hashesBefore = CHECKS.get();

        // when they post thirty wrong passwords
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = http.postLogin(page, "admin", "guess-" + i, true, attacker);
            assertThat(answer.statusCode()).isEqualTo(302);
            locations.add(answer.headers().firstValue("Location").orElse(""));
        }

        // then five are checked and the rest sent back to the login page with the wait, without a hash
        assertThat(locations.subList(0, 5)).allMatch(l -> l.endsWith("/login?error"));
        assertThat(locations.subList(5, 30)).allMatch(l -> l.matches(".*/login\\?locked=\\d+"));
        assertThat(CHECKS.get() - hashesBefore).isEqualTo(5);
    }

    @Test
    void aSuccessfulSignInClearsTheUsersCount() {
        // given four wrong passwords for a user
        user("carol", Role.VIEWER);
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            http.getWithBasic("/api/solutions", "carol", "guess-" + i, address);
        }

        // when the right one follows
        assertThat(http.getWithBasic("/api/solutions", "carol", "carol-password", address).statusCode())
                .isEqualTo(200);

        // then the next mistakes start from zero: five more are checked
        for (int i = 0; i < 5; i++) {
            assertThat(http.getWithBasic("/api/solutions", "carol", "again-" + i, address).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void aFailedSignInIsLoggedWithNameAndAddressButNeverThePassword(CapturedOutput output) {
        // when a wrong password is tried over Basic, and another on the login form
        String basicAddress = newAddress();
        String formAddress = newAddress();
        http.getWithBasic("/api/solutions", "mallory", "Basic-Guess-4711", basicAddress);
        http.postLogin(http.openLoginPage(formAddress), "trudy", "Form-Guess-4712", true, formAddress);

        // then the log names who tried from where, and holds neither password
        assertThat(output.getOut()).contains("sign-in failed: user 'mallory' from " + basicAddress)
                .contains("sign-in failed: user 'trudy' from " + formAddress)
                .doesNotContain("Basic-Guess-4711").doesNotContain("Form-Guess-4712");
    }

    @Test
    void anApiTokenSignsInScriptsWithoutAPasswordHashUntilRevoked() {
        // given a token an operator made on the tokens screen
        user("script-owner", Role.OPERATOR);
        ApiTokens.Created token = tokens.create("script-owner", "nightly export", Role.OPERATOR, 30);
        assertThat(token.secret()).startsWith("yqt_");
        int hashesBefore = CHECKS.get();

        // when a script calls the API with it, many times
        for (int i = 0; i < 20; i++) {
            assertThat(withBearer("GET", "/api/solutions", token.secret()).statusCode()).isEqualTo(200);
        }

        // then no password hash was computed, and the token shows when it was last used
        assertThat(CHECKS.get()).isEqualTo(hashesBefore);
        assertThat(tokens.list("script-owner")).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());

        // and when it is revoked, it is refused at once
        tokens.revoke("script-owner", token.token().id());
        HttpResponse<String> refused = withBearer("GET", "/api/solutions", token.secret());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("problem.security.invalidToken");
    }

    @Test
    void aMadeUpTokenIsRefused() {
        assertThat(withBearer("GET", "/api/solutions", "yqt_" + "A".repeat(43)).statusCode()).isEqualTo(401);
        assertThat(withBearer("GET", "/actuator/prometheus", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenCannotHaveMoreRightsThanItsUser() {
        // given an operator
        user("op-capped", Role.OPERATOR);

        // when they ask for an ADMIN token, then it is refused
        assertThatThrownBy(() -> tokens.create("op-capped", "too strong", Role.ADMIN, null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("problem.security.tokenRole"));
    }

    @Test
    void aTokenOfADemotedUserHasOnlyTheUsersNewRights() {
        // given an administrator's ADMIN token: it may delete connections (404 for one that does not exist)
        UserView boss = user("boss-demoted", Role.ADMIN);
        String secret = tokens.create("boss-demoted", "admin script", Role.ADMIN, null).secret();
        assertThat(withBearer("DELETE", "/api/connections/987654", secret).statusCode()).isEqualTo(404);

        // when the administrator is made a VIEWER
        users.change(boss.id(), null, Role.VIEWER, true);

        // then the token may only read
        assertThat(withBearer("DELETE", "/api/connections/987654", secret).statusCode()).isEqualTo(403);
        assertThat(withBearer("GET", "/api/connections", secret).statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerTokenOfAnAdministratorOnlyReads() {
        user("boss-reader", Role.ADMIN);
        String secret = tokens.create("boss-reader", "dashboard reader", Role.VIEWER, null).secret();

        assertThat(withBearer("GET", "/api/connections", secret).statusCode()).isEqualTo(200);
        assertThat(withBearer("DELETE", "/api/connections/987654", secret).statusCode()).isEqualTo(403);
    }

    @Test
    void theTokensOfADisabledOrDeletedUserStopWorking() {
        // given two users with a token each
        UserView disabled = user("leaver-disabled", Role.OPERATOR);
        UserView deleted = user("leaver-deleted", Role.OPERATOR);
        String first = tokens.create("leaver-disabled", "script", Role.VIEWER, null).secret();
        String second = tokens.create("leaver-deleted", "script", Role.VIEWER, null).secret();
        assertThat(withBearer("GET", "/api/solutions", first).statusCode()).isEqualTo(200);
        assertThat(withBearer("GET", "/api/solutions", second).statusCode()).isEqualTo(200);

        // when one is disabled and the other deleted
        users.change(disabled.id(), null, Role.OPERATOR, false);
        users.delete(deleted.id());

        // then both tokens are refused
        assertThat(withBearer("GET", "/api/solutions", first).statusCode()).isEqualTo(401);
        assertThat(withBearer("GET", "/api/solutions", second).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenDoesNotSignInToTheScreensWhereTokensAreMade() {
        user("screen-try", Role.ADMIN);
        String secret = tokens.create("screen-try", "script", Role.ADMIN, null).secret();

        HttpResponse<String> answer = withBearer("GET", "/tokens", secret);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // given a token valid for one day, which works
        user("expiring", Role.VIEWER);
        String secret = tokens.create("expiring", "short", Role.VIEWER, 1).secret();
        assertThat(withBearer("GET", "/api/solutions", secret).statusCode()).isEqualTo(200);

        // when its day is over (the clock is real: the expiry is moved into the past instead)
        jdbc.update("UPDATE yq_api_token SET expires_at = ? WHERE token_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), ApiTokens.hash(secret));

        // then it is refused
        assertThat(withBearer("GET", "/api/solutions", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorPasswordIsReadFromAFile() {
        // the context was started with yunqiao.security.admin-password-file only (see adminPasswordFile)
        assertThat(http.getWithBasic("/api/solutions", "admin", ADMIN_PASSWORD, newAddress()).statusCode())
                .isEqualTo(200);
    }
}
