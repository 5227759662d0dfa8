package io.yunqiao.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpers of {@link BrowserIT} against what Vaadin really renders ({@link ComponentFixtureView}): each one
 * must get its value to the server, which the fixture's "show" button reads back.
 */
class BrowserHelpersBrowserIT extends BrowserIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @BeforeEach
    void openTheFixture() {
        signInAsAdmin();
        open(ComponentFixtureView.ROUTE);
    }

    @Test
    void fieldsSelectsComboBoxesAndCheckboxesReachTheServer() {
        // given values entered with the helpers
        fill("fx-text", "你好 hello");
        fill("fx-area", "line 1\nline 2");
        pick("fx-combo", "香蕉 Banana");
        select("fx-select", "二 two");
        check("fx-check", true);

        // when the server reads them
        click("fx-show");

        // then it got each of them
        assertThat(byId("fx-out")).hasText("你好 hello|line 1\nline 2|香蕉 Banana|二 two|true");
        assertThat(value("fx-text")).isEqualTo("你好 hello");
    }

    @Test
    void aComboBoxItemIsPickedByItsExactLabelAmongSimilarOnes() {
        // given a filter that matches two items
        pick("fx-combo", "Apple", "苹果派 Apple pie");

        // when the server reads the value
        click("fx-show");

        // then it is the one named, not the first match
        assertThat(byId("fx-out")).containsText("|苹果派 Apple pie|");
    }

    @Test
    void aButtonInAGridRowIsFoundByTheRowsText() {
        // when the button in the row of "樱桃 Cherry" is clicked
        gridRow("fx-grid", "樱桃 Cherry").locator("vaadin-button").click();

        // then the server got the click of that row
        assertThat(byId("fx-out")).hasText("row 樱桃 Cherry");
    }

    @Test
    void notificationsAreAwaited() {
        // given a value
        fill("fx-text", "x1");

        // when an action shows a notification
        click("fx-notify");

        // then it can be waited for by its text
        expectNotification("done x1");
    }

    @Test
    void screenshotsAreCopiedToTheDirectoryOfTheSystemProperty(@TempDir Path docs) throws IOException {
        // given the copies directory set, as for the user guide
        String before = System.getProperty(SCREENSHOTS_DIR_PROPERTY);
        System.setProperty(SCREENSHOTS_DIR_PROPERTY, docs.resolve("images").toString());
        try {
            assertThat(byId("fx-grid")).containsText("樱桃 Cherry");

            // when a screenshot is taken
            Path file = screenshot("browser-helpers-fixture");

            // then it is a PNG under target/screenshots and in the directory
            assertThat(file).isEqualTo(SCREENSHOTS.resolve("browser-helpers-fixture.png"));
            assertThat(Files.readAllBytes(file)).startsWith(PNG_SIGNATURE);
            assertThat(docs.resolve("images/browser-helpers-fixture.png")).hasSameBinaryContentAs(file);
        } finally {
            if (before == null) {
                System.clearProperty(SCREENSHOTS_DIR_PROPERTY);
            } else {
                System.setProperty(SCREENSHOTS_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void aFailureLeavesTheScreenAndItsHtml(@TempDir Path dir) throws IOException {
        // given the fixture on screen
        assertThat(byId("fx-grid")).containsText("樱桃 Cherry");

        // when a failure is recorded (what FailureSnapshot does after a failed test, in target/screenshots)
        saveFailure(dir, "probe");

        // then the picture and the page's HTML are kept
        assertThat(Files.readAllBytes(dir.resolve("failed-probe.png"))).startsWith(PNG_SIGNATURE);
        assertThat(dir.resolve("failed-probe.html")).content().contains("fx-grid", "樱桃 Cherry");
    }
}
