package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.problem.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables of source parameters, filled for one page of one window. */
class VariablesTest {

    /** 2026-12-03 12:00:00 in Beijing. */
    private static final Instant START = Instant.parse("2026-12-03T04:00:00Z");
    private static final Instant END = Instant.parse("2026-12-03T05:30:15Z");

    private static Map<String, Object> fill(String name, String value) {
        return Variables.fill(Map.of(name, TextNode.valueOf(value)), START, END, 2, 50);
    }

    @Test
    void theWindowStartAndEndAreEpochSecondsNumbersByDefault() {
        assertThat(fill("from", "{{LAST_SYNC_TIME}}")).containsEntry("from",
                JsonNodeFactory.instance.numberNode(START.getEpochSecond()));
        assertThat(fill("to", "{{ CURRENT_TIME | s }}")).containsEntry("to",
                JsonNodeFactory.instance.numberNode(END.getEpochSecond()));
    }

    @Test
    void millisecondsAreAskedForWithTheMsFormat() {
        assertThat(fill("from", "{{LAST_SYNC_TIME|ms}}")).containsEntry("from",
                JsonNodeFactory.instance.numberNode(START.toEpochMilli()));
    }

    @Test
    void datesAndDateTimesAreTextInBeijingTime() {
        assertThat(fill("day", "{{LAST_SYNC_TIME|date}}")).containsEntry("day", "2026-12-03");
        assertThat(fill("at", "{{CURRENT_TIME|datetime}}")).containsEntry("at", "2026-12-03 13:30:15");
    }

    @Test
    void thePageSizeAndTheFirstRowOfThePageAreNumbers() {
        assertThat(fill("size", "{{PAGINATION_PAGE_SIZE}}")).containsEntry("size",
                JsonNodeFactory.instance.numberNode(50));
        // page index 2 of pages of 50: rows 100 and on
        assertThat(fill("offset", "{{PAGINATION_START_ROW}}")).containsEntry("offset",
                JsonNodeFactory.instance.numberNode(100L));
    }

    @Test
    void aVariableInsideLongerTextIsReplacedAndTheParameterStaysText() {
        assertThat(fill("filter", "modified >= {{LAST_SYNC_TIME|date}} and page {{PAGINATION_PAGE_SIZE}}"))
                .containsEntry("filter", "modified >= 2026-12-03 and page 50");
    }

    @Test
    void parametersWithoutVariablesAndNonTextParametersAreKeptAsTheyAre() {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("search", TextNode.valueOf("CGRK"));
        params.put("limit", IntNode.valueOf(7));

        Map<String, Object> filled = Variables.fill(params, START, END, 0, 10);

        assertThat(filled).containsExactly(Map.entry("search", "CGRK"), Map.entry("limit", IntNode.valueOf(7)));
    }

    @Test
    void anUnknownVariableIsRefusedNamingTheParameterAndTheKnownOnes() {
        assertThatThrownBy(() -> fill("from", "{{LAST_SYNC}}")).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.field()).isEqualTo("source.params.from");
            assertThat(problem.getMessage()).contains("LAST_SYNC", "LAST_SYNC_TIME", "PAGINATION_START_ROW");
        });
    }

    @Test
    void anUnknownTimeFormatIsRefusedNamingTheFormatsThereAre() {
        assertThatThrownBy(() -> fill("from", "{{LAST_SYNC_TIME|hours}}")).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.getMessage()).contains("|hours", "|s (seconds)", "|ms (milliseconds)",
                        "|date or |datetime"));
    }

    @Test
    void checkingATypoRefusesItWhenTheSolutionIsSaved() {
        assertThatThrownBy(() -> Variables.check(Map.of("to", TextNode.valueOf("{{CURRENT_TIM}}"))))
                .isInstanceOf(Problem.class);
    }
}
