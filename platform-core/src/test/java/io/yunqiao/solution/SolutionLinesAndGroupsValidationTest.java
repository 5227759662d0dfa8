package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.Problem;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusals of a solution's split (明细拆分) and grouping (合并): each names the field at fault. */
class SolutionLinesAndGroupsValidationTest {

    private final SolutionValidator validator = new SolutionValidator(
            ConnectorRegistry.discover(getClass().getClassLoader()), null,
            InputLimits.DEFAULTS.capped(MappingEngines.defaultEngine()), InputLimits.DEFAULTS);

    /** Orders of the test shop, one order per line written as an order numbered by its line's SKU. */
    private static SolutionSpec orders() {
        return new SolutionSpec("按行", null, new SolutionSpec.Source(null, "test-shop", "orders.list", Map.of(), 0),
                null, new SolutionSpec.Target(null, "test-shop", "orders.add", "{ \"number\": number & \"-\" & lines.sku }"),
                null, null, null, null, null);
    }

    private Problem refusal(SolutionSpec spec) {
        return catchThrowableOfType(Problem.class, () -> validator.validate(spec));
    }

    @Test
    void aSplitByAnArrayPathAndAGroupingThatCompileAreAccepted() {
        validator.validate(orders().withSplit(new SolutionSpec.Split("lines", "sku"))
                .withGroup(new SolutionSpec.Group("number", "orderLines", 50)));
    }

    @Test
    void aGroupedMappingThatTakesARequiredFieldFromTheGroupIsAccepted() {
        // the sample record the validator maps carries the group's records under 'into'
        validator.validate(orders().withTarget(new SolutionSpec.Target(null, "test-shop", "orders.add",
                "{ \"number\": $join(orderLines.number, \",\") }"))
                .withGroup(new SolutionSpec.Group("number", "orderLines", 0)));
    }

    @Test
    void aBlankSplitPathIsRefusedNamingSplitPath() {
        Problem problem = refusal(orders().withSplit(new SolutionSpec.Split(" ", null)));

        assertThat(problem.field()).isEqualTo("split.path");
        assertThat(problem.code()).isEqualTo("problem.split.pathBlank");
    }

    @Test
    void aSplitPathThatIsAnExpressionRatherThanADotPathIsRefused() {
        Problem problem = refusal(orders().withSplit(new SolutionSpec.Split("lines[0]", null)));

        assertThat(problem.field()).isEqualTo("split.path");
        assertThat(problem.code()).isEqualTo("problem.split.pathNotPlain");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("lines[0]", "点路径");
    }

    @Test
    void aLineKeyThatIsNotADotPathIsRefusedNamingSplitLineKey() {
        Problem problem = refusal(orders().withSplit(new SolutionSpec.Split("lines", "$sku")));

        assertThat(problem.field()).isEqualTo("split.lineKey");
    }

    @Test
    void aGroupKeyExpressionThatDoesNotParseIsRefusedWithItsLineAndColumn() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("number &", "lines", 0)));

        assertThat(problem.field()).isEqualTo("group.by");
        assertThat(problem.code()).isEqualTo("problem.group.bySyntax");
        assertThat(problem.message(Locale.ENGLISH)).contains("line 1, column");
    }

    @Test
    void aBlankGroupKeyExpressionIsRefused() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("", "lines", 0)));

        assertThat(problem.field()).isEqualTo("group.by");
        assertThat(problem.code()).isEqualTo("problem.group.byBlank");
    }

    @Test
    void aBlankIntoFieldIsRefused() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("number", " ", 0)));

        assertThat(problem.field()).isEqualTo("group.into");
        assertThat(problem.code()).isEqualTo("problem.group.intoBlank");
    }

    @Test
    void anIntoFieldWithADotIsRefused() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("number", "a.b", 0)));

        assertThat(problem.field()).isEqualTo("group.into");
    }

    @Test
    void aNegativeLineLimitIsRefused() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("number", "lines", -1)));

        assertThat(problem.field()).isEqualTo("group.maxLines");
        assertThat(problem.code()).isEqualTo("problem.group.maxLinesNegative");
    }

    @Test
    void aLineLimitAboveTheHardLimitIsRefused() {
        Problem problem = refusal(orders().withGroup(new SolutionSpec.Group("number", "lines", 10_001)));

        assertThat(problem.code()).isEqualTo("problem.group.maxLinesTooLarge");
    }

    @Test
    void splitAndGroupReadBackFromTheJsonAsWritten() {
        SolutionSpec spec = orders().withSplit(new SolutionSpec.Split("lines", "sku"))
                .withGroup(new SolutionSpec.Group("number", "orderLines", 20));

        assertThat(Solutions.read(Solutions.write(spec))).isEqualTo(spec);
    }
}
