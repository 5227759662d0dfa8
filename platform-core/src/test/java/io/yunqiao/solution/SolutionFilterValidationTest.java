package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.Problem;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The record filter (筛选条件) of a solution as it is saved and carried: refusals name the field {@code filter} with
 * the spot and the cause, and specs without one read and write as before.
 */
class SolutionFilterValidationTest {

    private final SolutionValidator validator = new SolutionValidator(
            ConnectorRegistry.discover(getClass().getClassLoader()), null,
            InputLimits.DEFAULTS.capped(MappingEngines.defaultEngine()), InputLimits.DEFAULTS);

    private static SolutionSpec orders() {
        return new SolutionSpec("筛选", null, new SolutionSpec.Source(null, "test-shop", "orders.list", Map.of(), 0),
                null, new SolutionSpec.Target(null, "test-shop", "orders.add", "{ \"number\": number }"),
                null, null, null, null, null);
    }

    private Problem refusal(SolutionSpec spec) {
        return catchThrowableOfType(Problem.class, () -> validator.validate(spec));
    }

    @Test
    void aFilterThatParsesIsAccepted() {
        validator.validate(orders().withFilter("$exists(number) and number != \"\""));
    }

    @Test
    void aFilterWithAMissingQuoteIsRefusedNamingTheFieldTheSpotAndTheCauseInChinese() {
        Problem problem = refusal(orders().withFilter("number != \"\n and $exists(number)"));

        assertThat(problem.field()).isEqualTo("filter");
        assertThat(problem.code()).isEqualTo("problem.filter.syntax");
        assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID);
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("筛选条件", "第 1 行第 11 列", "引号");
        assertThat(problem.message(Locale.ENGLISH)).contains("record filter", "Line 1, column 11");
    }

    @Test
    void aFilterTypedWithAChineseCommaOrParenthesisIsRefusedSayingWhichPunctuation() {
        Problem problem = refusal(orders().withFilter("(number = \"A\"）"));

        assertThat(problem.field()).isEqualTo("filter");
        assertThat(problem.code()).isEqualTo("problem.filter.syntax");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("中文标点");
    }

    @Test
    void aFilterWithAChineseParenthesisRightAfterAFunctionNameIsRefusedThoughTheEngineParsesIt() {
        Problem problem = refusal(orders().withFilter("$exists（number）"));

        assertThat(problem.field()).isEqualTo("filter");
        assertThat(problem.code()).isEqualTo("problem.filter.syntax");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("中文标点“（”");
    }

    @Test
    void aFilterCallingAFunctionThatDoesNotExistIsRefusedWithTheClosestOne() {
        Problem problem = refusal(orders().withFilter("$exist(number)"));

        assertThat(problem.field()).isEqualTo("filter");
        assertThat(problem.code()).isEqualTo("problem.filter.unknownFunction");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("$exist", "$exists");
    }

    @Test
    void aFilterLongerThanAMappingMayBeIsRefusedAsTooLargeBeforeItIsParsed() {
        Problem problem = refusal(orders().withFilter("number = \"" + "x".repeat(40_000) + "\""));

        assertThat(problem.field()).isEqualTo("filter");
        assertThat(problem.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
    }

    @Test
    void aBlankFilterIsNoFilterAndIsLeftOutOfTheJson() throws Exception {
        SolutionSpec spec = orders().withFilter("  ");

        assertThat(spec.filter()).isNull();
        assertThat(Solutions.SPEC_JSON.writeValueAsString(spec)).doesNotContain("filter");
        validator.validate(spec);
    }

    @Test
    void aSpecWithoutAFilterReadsAsBeforeAndOneWithAFilterKeepsItThroughExportAndImport() throws Exception {
        String old = Solutions.SPEC_JSON.writeValueAsString(orders());
        assertThat(Solutions.SPEC_JSON.readValue(old, SolutionSpec.class).filter()).isNull();

        SolutionSpec filtered = orders().withFilter("number != \"\"").withName("另一个");
        String json = Solutions.SPEC_JSON.writeValueAsString(filtered);
        JsonNode tree = Solutions.SPEC_JSON.readTree(json);

        assertThat(tree.path("filter").asText()).isEqualTo("number != \"\"");
        assertThat(Solutions.SPEC_JSON.readValue(json, SolutionSpec.class)).isEqualTo(filtered);
        assertThat(filtered.withSchedule(new SolutionSpec.Schedule(null, false)).filter()).isEqualTo("number != \"\"");
    }
}
