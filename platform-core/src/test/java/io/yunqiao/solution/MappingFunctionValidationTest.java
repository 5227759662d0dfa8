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

/**
 * A mapping that compiles but cannot do what was meant: a function that does not exist (the engine would fail every
 * record reaching the call) or a Chinese parenthesis the engine reads as part of a name (the value is never read). Saving
 * refuses both at their spot.
 */
class MappingFunctionValidationTest {

    private final SolutionValidator validator = new SolutionValidator(
            ConnectorRegistry.discover(getClass().getClassLoader()), null,
            InputLimits.DEFAULTS.capped(MappingEngines.defaultEngine()), InputLimits.DEFAULTS);

    private static SolutionSpec orders(String mapping) {
        return new SolutionSpec("映射函数", null, new SolutionSpec.Source(null, "test-shop", "orders.list", Map.of(), 0),
                null, new SolutionSpec.Target(null, "test-shop", "orders.add", mapping), null, null, null, null, null);
    }

    @Test
    void aMisspeltFunctionIsRefusedOnSaveWithItsSpotAndTheClosestFunction() {
        Problem problem = catchThrowableOfType(Problem.class,
                () -> validator.validate(orders("{\n  \"number\": $uppercas(number)\n}")));

        assertThat(problem.field()).isEqualTo("target.mapping");
        assertThat(problem.code()).isEqualTo("problem.hint.unknownFunction");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("第 2 行", "$uppercas", "$uppercase");
    }

    @Test
    void aChineseParenthesisThatTheEngineTakesAsPartOfANameIsRefusedOnSave() {
        Problem problem = catchThrowableOfType(Problem.class,
                () -> validator.validate(orders("{ \"number\": $uppercase（number） }")));

        assertThat(problem.field()).isEqualTo("target.mapping");
        assertThat(problem.code()).isEqualTo("problem.hint.fullWidth");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("中文标点“（”", "(");
    }

    @Test
    void functionsTheMappingDefinesItselfAndThePlatformsOwnAreAccepted() {
        validator.validate(orders("(\n  $upper := function($s) { $uppercase($s) };\n"
                + "  { \"number\": $upper(number) & $string($now() != \"\") }\n)"));
    }
}
