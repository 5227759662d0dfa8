package io.yunqiao.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP against the running application, for the security tests: requests built header by header, as an
 * attacker's script or a browser would send them. Redirects are not followed.
 */
final class SecurityHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final int port;

    SecurityHttp(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with HTTP Basic from {@code address} (X-Forwarded-For, trusted from loopback in these tests). */
    HttpResponse<String> getWithBasic(String path, String user, String password, String address) {
        return send(request(path).header("Authorization", basic(user, password)).header("X-Forwarded-For", address));
    }

    /** The login page opened in a browser: its session cookie and the CSRF token in its head. */
    record LoginPage(String session, String csrfToken) {
    }

    LoginPage openLoginPage(String address) {
        HttpResponse<String> page = send(request("/login").header("X-Forwarded-For", address));
        String cookie = page.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
        Matcher csrf = CSRF_META.matcher(page.body());
        return new LoginPage(cookie, csrf.find() ? csrf.group(1) : null);
    }

    /** Posts the login form as the browser does; the answer is a redirect. */
    HttpResponse<String> postLogin(LoginPage page, String user, String password, boolean withToken, String address) {
        String form = "username=" + encode(user) + "&password=" + encode(password)
                + (withToken && page.csrfToken() != null ? "&_csrf=" + encode(page.csrfToken()) : "");
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + page.session()).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
