package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotAnimations;
import io.yunqiao.web.runs.RunFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of browser tests ({@code *BrowserIT}): the whole application on a random port, driven by a real headless
 * Chromium through Playwright.
 *
 * <p>The application: an in-memory H2 database, no demo data, the vendor sandboxes mounted under
 * {@code /sandbox/kingdee} and {@code /sandbox/jackyun} with the embedded profile's credentials (see
 * {@link #url(String)} for a connection's base URL), and the administrator {@value #ADMIN} with
 * {@value #ADMIN_PASSWORD}. Every subclass has the same configuration, so Spring starts the application once and
 * all browser tests share it (and its database): give what a test creates a unique name ({@link #unique(String)})
 * and don't count on an empty database. A test that needs a fresh application adds {@code @DirtiesContext} or its
 * own {@code @TestPropertySource} (with its own H2 database and Quartz scheduler name).
 *
 * <p>The browser: one Chromium per test class ({@link Chromium} says which), a new empty {@link BrowserContext}
 * (no cookies, no storage; 1366×850, locale zh-CN) and {@link #page} per test. The UI starts in Chinese.
 *
 * <p>Waiting: Playwright's actions wait for their element, and {@code assertThat(locator).hasText(..)} waits (up to
 * 30 s) for the server's answer to show — assert on what the person would see, rather than sleeping. The helpers
 * below also wait until Vaadin has no request in flight ({@link #waitForVaadin()}).
 *
 * <p>Screenshots: {@link #screenshot(String)} after an assertion on visible content (before it the page may still
 * be blank). A failed test leaves {@code target/screenshots/failed-<Class>-<method>.png} and {@code .html}
 * ({@link FailureSnapshot}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser-it;DB_CLOSE_DELAY=-1",
    "spring.quartz.scheduler-name=browser-it",
    "yunqiao.demo.enabled=false",
    "yunqiao.security.admin-username=" + BrowserIT.ADMIN,
    "yunqiao.security.admin-password=" + BrowserIT.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    // The embedded profile's sandboxes (application.yml), spelled out so that the tests don't depend on the
    // default profile being active.
    "yunqiao.sandbox.enabled=true",
    "yunqiao.sandbox.settings.kingdee.clientId=yunqiao-demo",
    "yunqiao.sandbox.settings.kingdee.clientSecret=demo-secret-v1",
    "yunqiao.sandbox.settings.kingdee.username=demo",
    "yunqiao.sandbox.settings.kingdee.password=demo-pass",
    "yunqiao.sandbox.settings.kingdee.accountGroups=demo-group:100001,demo-branch:100002",
    "yunqiao.sandbox.settings.kingdee.v2ClientId=yunqiao-v2-demo",
    "yunqiao.sandbox.settings.kingdee.v2ClientSecret=demo-secret-v2",
    "yunqiao.sandbox.settings.kingdee.appKey=demo-app-key",
    "yunqiao.sandbox.settings.kingdee.appSecret=demo-app-secret",
    "yunqiao.sandbox.settings.kingdee.bills=1000",
    "yunqiao.sandbox.settings.jackyun.appKey=100200",
    "yunqiao.sandbox.settings.jackyun.appSecret=0f1e2d3c4b5a69788796a5b4c3d2e1f0"})
@ExtendWith(FailureSnapshot.class)
public abstract class BrowserIT {

    /** The administrator created on the first start. */
    protected static final String ADMIN = "admin";
    /** The administrator's password (yunqiao.security.admin-password). */
    protected static final String ADMIN_PASSWORD = "browser-admin-1";

    /**
     * Where {@link #screenshot(String)} writes, relative to the module (Failsafe's working directory). The copies
     * for the user guide: {@code -Dyunqiao.screenshots.dir=../docs/images} writes each screenshot there too.
     */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String SCREENSHOTS_DIR_PROPERTY = "yunqiao.screenshots.dir";

    private static final Logger LOG = LoggerFactory.getLogger(BrowserIT.class);
    private static final double ASSERTION_TIMEOUT_MS = 30_000;
    private static final double ACTION_TIMEOUT_MS = 60_000;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient SANDBOX_HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper SANDBOX_JSON = new ObjectMapper();
    private static final Pattern LOGIN_PAGE = Pattern.compile("^[a-z]+://[^/]+/login([?#].*)?$");

    /**
     * Vaadin is idle when its application (any client but the "TypeScript" placeholder that exists before the
     * server-side UI has started) has no request in flight or queued: the check Vaadin TestBench makes.
     */
    private static final String VAADIN_IDLE = """
            () => {
              const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
              if (!clients) return false;
              const started = Object.keys(clients).filter(name => name !== 'TypeScript');
              return started.length > 0 && Object.values(clients).every(c => !c.isActive || !c.isActive());
            }""";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;

    /** This test's browser tab: use it directly for whatever the helpers don't cover. */
    protected Page page;
    private BrowserContext context;
    private final List<String> browserProblems = new ArrayList<>();
    private final List<String> policyViolations = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        long start = System.nanoTime();
        Chromium.Choice choice = Chromium.find();
        playwright = Playwright.create(choice.playwrightOptions());
        long driverReady = System.nanoTime();
        browser = Chromium.launch(playwright, choice);
        LOG.info("browser {} {} started in {} ms (Playwright driver {} ms, launch {} ms)", choice,
                browser.version(), millis(start), (driverReady - start) / 1_000_000, millis(driverReady));
        // Vaadin answers within milliseconds on an idle machine, but a shared build machine was seen running 4-5×
        // slower than that, with the other fork's servers busy at the same time: a wait only costs its time when
        // something is really wrong, so the limits are generous (30 s for what should show, 60 s for an action).
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
        page = context.newPage();
        page.setDefaultTimeout(ACTION_TIMEOUT_MS);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserProblems.add("console: " + message.text());
            }
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                browserProblems.add("HTTP " + response.status() + " " + response.request().method() + " "
                        + response.url());
            }
        });
        page.onPageError(error -> browserProblems.add("page error: " + error));
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        // Every screen must work under the Content-Security-Policy (yunqiao.security.content-security-policy):
        // a script, style, font or connection it blocks fails the test that met it.
        org.assertj.core.api.Assertions.assertThat(policyViolations).as("Content-Security-Policy violations")
                .isEmpty();
    }

    // ---- the application ----

    /** The application's port. */
    protected int port() {
        return port;
    }

    /**
     * An absolute URL of the application, e.g. {@code url("sandbox/kingdee")} for a connection's base URL or
     * {@code url("users")} for a screen.
     */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + "/" + stripSlash(path);
    }

    /** {@code prefix} with a number no other call in this JVM got: for names in the shared database. */
    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    // ---- the sandboxes ----

    /**
     * Calls the mounted sandboxes' administration (e.g. {@code sandbox("POST", "jackyun/_admin/reset", "")}) as the
     * administrator and answers its JSON; fails the test unless the answer is 200.
     */
    protected JsonNode sandbox(String method, String path, String body) {
        try {
            HttpResponse<String> answer = SANDBOX_HTTP.send(HttpRequest.newBuilder(URI.create(url("sandbox/" + path)))
                    .header("Content-Type", "application/json")
                    // sandbox administration is for administrators
                    .header("Authorization", RunFixtures.basic(ADMIN, ADMIN_PASSWORD))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(answer.statusCode())
                    .as(method + " " + path + ": " + answer.body()).isEqualTo(200);
            return answer.body().isBlank() ? SANDBOX_JSON.nullNode() : SANDBOX_JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Both sandboxes as they start: no customers, no goods, no faults. */
    protected void resetSandboxes() {
        sandbox("POST", "jackyun/_admin/reset", "");
        sandbox("POST", "kingdee/_admin/reset", "");
        sandbox("DELETE", "jackyun/_admin/faults", null);
    }

    // ---- navigation and signing in ----

    /** Opens a screen by its route ({@code ""} the dashboard, {@code "users"}, {@code "solutions/3"}, …). */
    protected void open(String path) {
        page.navigate(url(path));
        waitForVaadin();
    }

    /**
     * Signs in on the login page (opened first unless the browser is on it already, e.g. after opening a protected
     * screen) and waits for the screen that follows: the one asked for before signing in, else the dashboard.
     *
     * @throws AssertionError when the login page refuses the user name or password
     */
    protected void signIn(String username, String password) {
        long start = System.nanoTime();
        submitLogin(username, password);
        if (page.url().endsWith("/login?expired")) {
            // right after a sign-out the browser may still answer the old page's last requests and swap the session
            // under the new login page: the platform then asks to sign in again, as a person would
            LOG.info("the login page had expired; signing in again as {}", username);
            submitLogin(username, password);
        }
        if (page.url().endsWith("/login")) {
            // still the plain login page, no refusal: the form was not sent (on a loaded machine the login form can
            // render again between typing and sending, and an empty required field keeps it from posting)
            LOG.info("the login form was not sent; signing in again as {}", username);
            submitLogin(username, password);
        }
        if (isLoginPage()) {
            throw new AssertionError("signing in as '" + username + "' failed: still on " + page.url());
        }
        LOG.info("signed in as {} in {} ms", username, millis(start));
    }

    /** Signs in as the administrator. */
    protected void signInAsAdmin() {
        signIn(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Fills and sends the login form and waits for the answer, whatever it is: for tests of refused sign-ins.
     * {@link #signIn(String, String)} is the one that insists on success.
     */
    protected void submitLogin(String username, String password) {
        if (!isLoginPage()) {
            open("login");
        }
        fill("vaadinLoginUsername", username);
        fill("vaadinLoginPassword", password);
        // The form posts natively to Spring Security, which answers with a redirect: a new page, not a Vaadin call.
        waitForPageLoad(() -> page.locator("#login-form vaadin-button[slot=submit]").click());
    }

    /** Signs out with the header's button and waits for the login page. */
    protected void signOut() {
        waitForPageLoad(() -> byId("sign-out").click());
        page.waitForURL(LOGIN_PAGE);
    }

    /** Whether the browser shows the login page. */
    protected boolean isLoginPage() {
        return LOGIN_PAGE.matcher(page.url()).matches();
    }

    /**
     * Waits until Vaadin has answered every request of the page (round trips, not the JavaScript that may run
     * after). Needed only before reading state in ways that don't wait by themselves.
     */
    protected void waitForVaadin() {
        page.waitForFunction(VAADIN_IDLE);
    }

    /**
     * Runs something that makes the browser load a new page (a form post, {@code Page.reload()}, a link out of
     * Vaadin) and waits until the new page's Vaadin is idle. Waiting for the URL is not enough: a reload keeps it.
     */
    protected void waitForPageLoad(Runnable action) {
        page.evaluate("() => window.yunqiaoPageBeforeAction = true");
        action.run();
        page.waitForFunction("() => !window.yunqiaoPageBeforeAction && (" + VAADIN_IDLE + ")()");
    }

    // ---- Vaadin components by id ----

    /** The element with this id (a Vaadin component's id is its host element's id). */
    protected Locator byId(String id) {
        // an attribute selector, since ids such as catalog-operation-jdy/pur/pur_inbound_list are not CSS identifiers
        return page.locator("[id='" + id + "']");
    }

    /**
     * Types into a text field, password field, text area, number/integer/email field or the input of a date
     * picker (replacing what was there) and commits the value as a person leaving the field would: fields sync
     * their value on change, which a plain {@code fill} doesn't fire.
     */
    protected void fill(String id, String value) {
        Locator input = byId(id).locator("input, textarea").first();
        input.fill(value);
        input.dispatchEvent("change");
        waitForVaadin();
    }

    /** The value in a text field, text area or the text of a combo box's input. */
    protected String value(String id) {
        return byId(id).locator("input, textarea").first().inputValue();
    }

    /** Clicks a button (or any component) and waits for the server's answer. */
    protected void click(String id) {
        byId(id).click();
        waitForVaadin();
    }

    /** Chooses the item with exactly this label in a {@code Select} ({@code vaadin-select}). */
    protected void select(String id, String label) {
        byId(id).click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText(exactly(label))).click();
        assertThat(byId(id).locator("vaadin-select-value-button")).hasText(label);
        waitForVaadin();
    }

    /**
     * Chooses an item in a {@code ComboBox} ({@code vaadin-combo-box}): types {@code filter} to narrow the list,
     * then clicks the item whose label is exactly {@code label}.
     */
    protected void pick(String id, String filter, String label) {
        Locator input = byId(id).locator("input");
        input.fill(filter);
        page.locator("vaadin-combo-box-overlay[opened] vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(exactly(label))).click();
        assertThat(input).hasValue(label);
        waitForVaadin();
    }

    /** Chooses the item with this label in a {@code ComboBox}, typing the label itself as the filter. */
    protected void pick(String id, String label) {
        pick(id, label, label);
    }

    /** Ticks or clears a {@code Checkbox}. */
    protected void check(String id, boolean checked) {
        Locator box = byId(id).locator("input[type=checkbox]");
        if (checked) {
            box.check();
        } else {
            box.uncheck();
        }
        waitForVaadin();
    }

    /** The text a component shows (its visible text, with the text of its children). */
    protected String text(String id) {
        return byId(id).innerText().trim();
    }

    /** The cells of a {@code Grid} (with their content), for {@code hasText}/{@code filter} and clicks in rows. */
    protected Locator gridCells(String gridId) {
        return byId(gridId).locator("vaadin-grid-cell-content");
    }

    /**
     * The cells of the grid row that has a cell showing exactly {@code cellText} (waiting for it to show), e.g.
     * {@code gridRow("users", "ops").getByText("编辑").click()}. A snapshot of the rendered rows: ask again after
     * the grid changed or scrolled.
     *
     * @throws AssertionError when no rendered row has such a cell
     */
    @SuppressWarnings("unchecked")
    protected Locator gridRow(String gridId, String cellText) {
        assertThat(gridCells(gridId).filter(new Locator.FilterOptions().setHasText(exactly(cellText))).first())
                .isVisible();
        // Grid cells are flat light-DOM children of the grid; only its shadow rows know which cells belong together.
        List<String> slots = (List<String>) byId(gridId).evaluate("""
                (grid, text) => {
                  for (const row of grid.shadowRoot.querySelectorAll('#items > tr')) {
                    const cells = [...row.querySelectorAll('slot')].flatMap(slot => slot.assignedElements());
                    if (cells.some(cell => cell.textContent.trim() === text)) {
                      return cells.map(cell => cell.getAttribute('slot'));
                    }
                  }
                  return [];
                }""", cellText);
        if (slots.isEmpty()) {
            throw new AssertionError("the grid #" + gridId + " has no row with a cell '" + cellText + "'");
        }
        return byId(gridId).locator(String.join(", ", slots.stream()
                .map(slot -> "vaadin-grid-cell-content[slot='" + slot + "']").toList()));
    }

    /** The notifications on screen ({@link io.yunqiao.web.shell.Notices}), newest last. */
    protected Locator notifications() {
        return page.locator("vaadin-notification-card");
    }

    /** Waits for a notification containing this text. */
    protected void expectNotification(String text) {
        assertThat(notifications().filter(new Locator.FilterOptions().setHasText(text)).first()).isVisible();
    }

    // ---- screenshots ----

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png} and, when the system property
     * {@value #SCREENSHOTS_DIR_PROPERTY} names a directory, there too. The user guide's pictures are made so:
     * <pre>
     * ./mvnw -B -ntp -pl web-ui -am verify -Dit.test='*BrowserIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
     *     -Dyunqiao.screenshots.dir=../docs/images
     * </pre>
     * (relative to {@code web-ui/}, where Failsafe runs). Take it after an assertion on the content to be shown.
     */
    protected Path screenshot(String name) {
        waitForVaadin();
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setAnimations(ScreenshotAnimations.DISABLED));
        String copies = System.getProperty(SCREENSHOTS_DIR_PROPERTY, "");
        if (!copies.isBlank()) {
            try {
                Path dir = Files.createDirectories(Path.of(copies));
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the screenshot " + file + " to " + copies
                        + " (system property " + SCREENSHOTS_DIR_PROPERTY + ")", e);
            }
        }
        return file;
    }

    /** For {@link FailureSnapshot}: the page as it was when the test failed, and what went wrong in the browser. */
    void saveFailure(String name) {
        saveFailure(SCREENSHOTS, name);
    }

    void saveFailure(Path dir, String name) {
        if (page == null || page.isClosed()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve("failed-" + name + ".png");
            Path html = dir.resolve("failed-" + name + ".html");
            page.screenshot(new Page.ScreenshotOptions().setPath(png).setFullPage(true));
            Files.writeString(html, "<!-- " + page.url() + " -->\n" + page.content());
            LOG.warn("the browser showed {} when {} failed: {} and {}; browser problems: {}", page.url(), name,
                    png.toAbsolutePath(), html.toAbsolutePath(), browserProblems.isEmpty() ? "none" : browserProblems);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the page of the failed test {}", name, e);
        }
    }

    /**
     * Text equal to {@code text} but for surrounding white space. Playwright hands the pattern to JavaScript,
     * which knows no {@code \Q…\E}: hence escaping instead of {@link Pattern#quote(String)}.
     */
    static Pattern exactly(String text) {
        return Pattern.compile("^\\s*" + text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0") + "\\s*$");
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
