package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every button of the screens is in the REST API catalogue (src/test/resources/api/ui-actions.json) with what it
 * does over the API, so a new UI action cannot come without its endpoint, or without saying why it has none.
 * ApiParityIT checks that the operations named there exist in the OpenAPI document.
 */
class UiActionsCatalogueTest {

    @Test
    void everyButtonOfTheScreensIsInTheCatalogueAsOftenAsItOccurs() {
        Map<String, Map<String, Integer>> source = UiActions.inSource();
        Map<String, Map<String, List<String>>> catalogue = UiActions.catalogue();
        List<String> missing = new ArrayList<>();
        source.forEach((file, buttons) -> buttons.forEach((button, count) -> {
            List<String> listed = catalogue.getOrDefault(file, Map.of()).getOrDefault(button, List.of());
            if (listed.size() != count) {
                missing.add(file + " " + button + ": " + count + " in the source, " + listed.size()
                        + " in api/ui-actions.json");
            }
        }));

        assertThat(missing).as("buttons whose REST operation is not listed in src/test/resources/api/ui-actions.json"
                + " (add each with its 'METHOD /api/…', or 'ui: …' when it only changes the screen)").isEmpty();
    }

    @Test
    void theCatalogueListsNoButtonThatIsGone() {
        Map<String, Map<String, Integer>> source = UiActions.inSource();
        List<String> stale = new ArrayList<>();
        UiActions.catalogue().forEach((file, buttons) -> buttons.keySet().forEach(button -> {
            if (!source.getOrDefault(file, Map.of()).containsKey(button)) {
                stale.add(file + " " + button);
            }
        }));

        assertThat(stale).as("listed in api/ui-actions.json but no longer in the source").isEmpty();
    }

    @Test
    void eachEntrySaysWhichOperationOrWhyNone() {
        List<String> unclear = new ArrayList<>();
        UiActions.catalogue().forEach((file, buttons) -> buttons.forEach((button, uses) -> uses.forEach(use -> {
            boolean operation = UiActions.OPERATION.matcher(use).lookingAt();
            boolean screenOnly = use.startsWith("ui: ") && use.length() > 8;
            boolean leftOut = use.startsWith("none: ") && use.length() > 20;
            if (!operation && !screenOnly && !leftOut) {
                unclear.add(file + " " + button + ": " + use);
            }
        })));

        assertThat(unclear).isEmpty();
    }

    @Test
    void theScanFindsTheButtonsItIsMeantToFind() {
        // a scan that found nothing would pass every check above: these are known buttons of each kind
        Map<String, Map<String, Integer>> source = UiActions.inSource();

        assertThat(source.get("security/UsersView.java")).containsEntry("users.unlock", 1)
                .containsEntry("common.save", 3);
        assertThat(source.get("solutions/SolutionEditorView.java")).containsKey("runNow");
        assertThat(source.get("solutions/SolutionsView.java")).containsKey("solutions.action.copy");
        assertThat(source.values().stream().mapToInt(b -> b.values().stream().mapToInt(Integer::intValue).sum())
                .sum()).isGreaterThan(100);
    }
}
