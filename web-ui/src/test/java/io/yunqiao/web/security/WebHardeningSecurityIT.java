package io.yunqiao.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks a browser can be made to carry out, over real HTTP: framing, leaking addresses in Referer, stealing or
 * riding the session cookie, posting the login form from elsewhere, and making a browser that remembers Basic
 * credentials post to the REST API from another site. The application is {@link SecuredApplication}.
 */
class WebHardeningSecurityIT extends SecuredApplication {

    /** A solution that does not exist: a request that gets through every check answers 404 for it. */
    private static final String RUN_NOW = "/api/solutions/987654/runs";
    private static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    private SecurityHttp http;

    @BeforeEach
    void fresh() {
        http = new SecurityHttp(port);
        throttle.clear();
    }

    private String self() {
        return "http://127.0.0.1:" + port;
    }

    private static void assertHardened(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'").contains("default-src 'self'").contains("object-src 'none'")
                .contains("base-uri 'self'").contains("form-action 'self'"));
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request = http.request(path).POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request);
    }

    @Test
    void screensCannotBeFramedAndCarryAContentSecurityPolicy() {
        assertHardened(http.send(http.request("/login")).headers());
    }

    @Test
    void apiAnswersCarryTheSameHeaders() {
        assertHardened(http.getWithBasic("/api/solutions", "admin", ADMIN_PASSWORD, "203.0.113.1").headers());
        assertHardened(http.send(http.request("/api/solutions")).headers());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> page = http.send(http.request("/login"));

        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() {
        HttpResponse<String> page = http.send(http.request("/login").header("X-Forwarded-Proto", "https"));

        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void aLoginPostWithoutTheCsrfTokenIsRefusedEvenWithTheRightPassword() {
        // given the login page, whose session a foreign page would ride
        SecurityHttp.LoginPage page = http.openLoginPage("203.0.113.2");

        // when the form is posted without the page's token, with the right password
        HttpResponse<String> answer = http.postLogin(page, "admin", ADMIN_PASSWORD, false, "203.0.113.2");

        // then nobody is signed in: the answer leads back to a fresh login page that says the old one expired
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
    }

    @Test
    void theLoginPageCarriesTheCsrfTokenItsFormSends() {
        SecurityHttp.LoginPage page = http.openLoginPage("203.0.113.3");
        assertThat(page.csrfToken()).isNotBlank();

        HttpResponse<String> answer = http.postLogin(page, "admin", ADMIN_PASSWORD, true, "203.0.113.3");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
    }

    @Test
    void aCrossSiteFormPostRidingRememberedBasicCredentialsIsRefused() {
        // when a page on another site makes the browser post a body-less form to the API, with its remembered Basic
        int before = CHECKS.get();
        HttpResponse<String> answer = post(RUN_NOW, "Authorization", SecurityHttp.basic("admin", ADMIN_PASSWORD),
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site", "Content-Type", "application/x-www-form-urlencoded");

        // then it is refused before the password is even checked
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("problem.security.crossSite");
        assertThat(CHECKS.get()).isEqualTo(before);
    }

    @Test
    void aCrossSitePostFromABrowserWithoutFetchMetadataIsRefusedByItsOrigin() {
        HttpResponse<String> answer = post(RUN_NOW, "Authorization", SecurityHttp.basic("admin", ADMIN_PASSWORD),
                "Origin", EVIL);

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void aSameOriginPostWithBasicGoesThrough() {
        HttpResponse<String> answer = post(RUN_NOW, "Authorization", SecurityHttp.basic("admin", ADMIN_PASSWORD),
                "Origin", self(), "Sec-Fetch-Site", "same-origin");

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void aScriptPostWithBasicAndNoBrowserHeadersGoesThrough() {
        HttpResponse<String> answer = post(RUN_NOW, "Authorization", SecurityHttp.basic("admin", ADMIN_PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void aCrossSitePostWithABearerTokenGoesThroughSinceNoBrowserAddsThatHeader() {
        users.create("bearer-poster", null, Role.OPERATOR, "bearer-poster-password");
        String secret = tokens.create("bearer-poster", "script", Role.OPERATOR, null).secret();

        HttpResponse<String> answer = post(RUN_NOW, "Authorization", "Bearer " + secret, "Origin", EVIL,
                "Sec-Fetch-Site", "cross-site");

        assertThat(answer.statusCode()).isEqualTo(404);
    }
}
