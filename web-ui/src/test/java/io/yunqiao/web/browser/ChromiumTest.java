package io.yunqiao.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Chromium the browser tests use: an explicit setting, else the system's, else Playwright's download. */
class ChromiumTest {

    private static final UnaryOperator<String> NOTHING = name -> null;

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static UnaryOperator<String> only(String name, Path value) {
        return Map.of(name, value.toString())::get;
    }

    @Test
    void theSystemPropertyComesFirst() throws IOException {
        // given a browser in the system property, another in the environment and a system browser
        Path property = executable("from-property");
        Path environment = executable("from-environment");
        Path system = executable("system-chromium");

        // when the browser is chosen
        Chromium.Choice choice = Chromium.find(only(Chromium.PROPERTY, property), only(Chromium.ENV, environment),
                List.of(system));

        // then it is the property's
        assertThat(choice.executable()).contains(property);
        assertThat(choice.source()).contains(Chromium.PROPERTY);
    }

    @Test
    void theEnvironmentVariableComesBeforeTheSystemBrowser() throws IOException {
        // given a browser in the environment and a system browser
        Path environment = executable("from-environment");
        Path system = executable("system-chromium");

        // when the browser is chosen
        Chromium.Choice choice = Chromium.find(NOTHING, only(Chromium.ENV, environment), List.of(system));

        // then it is the environment's
        assertThat(choice.executable()).contains(environment);
        assertThat(choice.source()).contains(Chromium.ENV);
    }

    @Test
    void withoutSettingTheFirstSystemBrowserThatExistsIsUsed() throws IOException {
        // given no setting, a missing first system path and an existing second one
        Path second = executable("chromium-browser");

        // when the browser is chosen
        Chromium.Choice choice = Chromium.find(NOTHING, NOTHING, List.of(dir.resolve("chromium"), second));

        // then it is the second, and Playwright is told not to download one
        assertThat(choice.executable()).contains(second);
        assertThat(choice.playwrightOptions().env).containsEntry("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        assertThat(choice.launchOptions().executablePath).isEqualTo(second);
    }

    @Test
    void withoutSettingOrSystemBrowserPlaywrightDownloadsItsOwn() {
        // given nothing set and no system browser
        // when the browser is chosen
        Chromium.Choice choice = Chromium.find(NOTHING, NOTHING, List.of(dir.resolve("chromium")));

        // then Playwright's own is launched: no path, and its download left on
        assertThat(choice.executable()).isEmpty();
        assertThat(choice.launchOptions().executablePath).isNull();
        assertThat(choice.playwrightOptions().env).isNull();
    }

    @Test
    void aFileThatCannotBeExecutedIsNotASystemBrowser() throws IOException {
        // given a system path that is a plain file
        Files.createFile(dir.resolve("chromium"));

        // when the browser is chosen
        Chromium.Choice choice = Chromium.find(NOTHING, NOTHING, List.of(dir.resolve("chromium")));

        // then it is skipped
        assertThat(choice.executable()).isEmpty();
    }

    @Test
    void aSettingNamingNoExecutableIsAnErrorNotAFallBack() throws IOException {
        // given a system browser, and a setting with a typo
        Path system = executable("system-chromium");
        Path typo = dir.resolve("chromuim");

        // when the browser is chosen
        // then the setting is named, not silently replaced by the system browser
        assertThatThrownBy(() -> Chromium.find(only(Chromium.PROPERTY, typo), NOTHING, List.of(system)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Chromium.PROPERTY).hasMessageContaining(typo.toString());
    }

    @Test
    void everyBrowserGetsTheStackFlagsHeadless() throws IOException {
        // given any choice
        Chromium.Choice choice = Chromium.find(NOTHING, NOTHING, List.of(executable("chromium")));

        // when its launch options are made
        var options = choice.launchOptions();

        // then they are headless, with the flags that keep Chromium off the network and the GPU
        assertThat(options.headless).isTrue();
        assertThat(options.args).containsExactly("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
    }
}
