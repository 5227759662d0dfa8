package io.yunqiao.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Chromium the browser tests drive, found the way a user's machine would offer one (docs/development.md, "浏览器测试"):
 * <ol>
 * <li>an explicit setting: the system property {@value #PROPERTY} or the environment variable {@value #ENV}
 * (a path to the executable; a setting that names no executable file is an error, not silently skipped);</li>
 * <li>the distribution's browser: {@code /usr/bin/chromium}, then {@code /usr/bin/chromium-browser};</li>
 * <li>Playwright's own browser download (into {@code ~/.cache/ms-playwright} on the first run; needs internet,
 * which a developer's laptop has and the build machine here does not).</li>
 * </ol>
 * With a system browser Playwright is told not to download any ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}).
 */
final class Chromium {

    static final String PROPERTY = "yunqiao.chromium";
    static final String ENV = "YUNQIAO_CHROMIUM";
    static final List<Path> SYSTEM_BROWSERS = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    /**
     * The flags docs/development.md lists: no sandbox (containers run as root), no GPU, and none of the background traffic (QUIC,
     * component updates, sync) that would wait for a network the tests don't have.
     */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** Where the browser comes from, and the executable when it is not Playwright's own. */
    record Choice(Optional<Path> executable, String source) {

        /** Playwright with its browser download switched off when a system browser is used. */
        Playwright.CreateOptions playwrightOptions() {
            return executable.isPresent()
                    ? new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
                    : new Playwright.CreateOptions();
        }

        /** Headless, with the flags of docs/development.md, and the found executable (none: Playwright's bundled Chromium). */
        BrowserType.LaunchOptions launchOptions() {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
            executable.ifPresent(options::setExecutablePath);
            return options;
        }

        @Override
        public String toString() {
            return executable.map(e -> e + " (" + source + ")").orElse(source);
        }
    }

    private Chromium() {
    }

    /** The choice on this machine: system properties, environment, then the standard paths. */
    static Choice find() {
        return find(System::getProperty, System::getenv, SYSTEM_BROWSERS);
    }

    /**
     * The choice from the given sources, so that the order can be tested without touching the real machine.
     *
     * @throws IllegalStateException when the explicit setting names no executable file
     */
    static Choice find(UnaryOperator<String> properties, UnaryOperator<String> environment, List<Path> systemBrowsers) {
        Optional<Choice> explicit = explicit(PROPERTY, "system property", properties.apply(PROPERTY))
                .or(() -> explicit(ENV, "environment variable", environment.apply(ENV)));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        for (Path candidate : systemBrowsers) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Choice(Optional.of(candidate), "system browser");
            }
        }
        return new Choice(Optional.empty(), "Playwright's own Chromium (downloaded on the first run)");
    }

    /** Launches the chosen browser; the caller closes it (and the Playwright that owns it). */
    static Browser launch(Playwright playwright, Choice choice) {
        return playwright.chromium().launch(choice.launchOptions());
    }

    private static Optional<Choice> explicit(String name, String kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("the " + kind + " " + name + " names '" + value + "', which is not an"
                    + " executable file; point it at the Chromium (or Chrome) executable, e.g. /usr/bin/chromium,"
                    + " or unset it to use the system browser or Playwright's own download");
        }
        return Optional.of(new Choice(Optional.of(path), kind + " " + name));
    }
}
