package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec.Existing;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Saving a solution refuses an already-exists policy that cannot work, naming the field and how to fix it. */
class ExistingPolicyValidationTest {

    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.discover(
            ExistingPolicyValidationTest.class.getClassLoader());
    private static final SolutionValidator VALIDATOR = new SolutionValidator(REGISTRY, null,
            InputLimits.DEFAULTS.capped(MappingEngines.defaultEngine()), InputLimits.DEFAULTS);

    /** Orders of the test shop added as orders; no connections, disabled: what a fresh copy looks like. */
    private static SolutionSpec orders(Existing existing) {
        return new SolutionSpec("订单同步", null,
                new SolutionSpec.Source(null, "test-shop", "orders.list", null, 0), null,
                new SolutionSpec.Target(null, "test-shop", "orders.add", "{\"number\": number}"), null, null, null,
                new SolutionSpec.Schedule(null, false), null).withExisting(existing);
    }

    private static Problem refusal(Existing existing) {
        Problem problem = catchThrowableOfType(Problem.class, () -> VALIDATOR.validate(orders(existing)));
        assertThat(problem).as("a refusal").isNotNull();
        assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID);
        return problem;
    }

    private static String zh(Problem problem) {
        return problem.message(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void thePolicyIsWrittenLastInTheSolutionJsonAndReadsBackTheSame() {
        // given a spec that updates what already exists
        SolutionSpec spec = orders(new Existing(Policy.UPDATE, "tickets.submit", "{\"title\": number}"));

        // when it is written (export) and read (import)
        String json = Solutions.write(spec);

        // then existing is the last part, with its keys in order, and reads back the same
        assertThat(json.replaceAll("\\s", "")).endsWith("\"existing\":{\"policy\":\"UPDATE\","
                + "\"operation\":\"tickets.submit\",\"mapping\":\"{\\\"title\\\":number}\"}}");
        assertThat(Solutions.read(json)).isEqualTo(spec);
        // and the default is left out, so older exports and specs read and diff as before
        assertThat(Solutions.write(orders(Existing.FAIL))).doesNotContain("existing");
    }

    @Test
    void skipAndAWorkingUpdateAreAccepted() {
        assertThatCode(() -> VALIDATOR.validate(orders(new Existing(Policy.SKIP, null, null))))
                .doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validate(orders(new Existing(Policy.UPDATE, "tickets.submit",
                "{\"title\": number}")))).doesNotThrowAnyException();
    }

    @Test
    void anUpdateWithoutItsOperationIsRefusedNamingTheOperationField() {
        Problem problem = refusal(new Existing(Policy.UPDATE, null, "{\"title\": number}"));

        assertThat(problem.field()).isEqualTo("existing.operation");
        assertThat(problem.code()).isEqualTo("problem.existing.operationMissing");
        assertThat(zh(problem)).contains("更新操作");
    }

    @Test
    void anUpdateWithoutItsMappingIsRefusedNamingTheMappingField() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "tickets.submit", " "));

        assertThat(problem.field()).isEqualTo("existing.mapping");
        assertThat(problem.code()).isEqualTo("problem.existing.mappingMissing");
    }

    @Test
    void anUnknownUpdateOperationIsRefusedListingTheOperationsThatCanWrite() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "orders.update", "{\"title\": number}"));

        assertThat(problem.field()).isEqualTo("existing.operation");
        assertThat(problem.code()).isEqualTo("problem.existing.unknownOperation");
        assertThat(zh(problem)).contains("orders.update").contains("tickets.submit").doesNotContain("orders.list");
    }

    @Test
    void aQueryAsUpdateOperationIsRefused() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "orders.find", "{\"number\": number}"));

        assertThat(problem.field()).isEqualTo("existing.operation");
        assertThat(problem.code()).isEqualTo("problem.existing.notExecute");
        assertThat(zh(problem)).contains("orders.find").contains("查询");
    }

    @Test
    void theWriteOperationItselfAsUpdateOperationIsRefused() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "orders.add", "{\"number\": number}"));

        assertThat(problem.field()).isEqualTo("existing.operation");
        assertThat(problem.code()).isEqualTo("problem.existing.sameOperation");
    }

    @Test
    void anUpdateMappingWithASyntaxErrorIsRefusedWithLineAndColumn() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "tickets.submit", "{\n  \"title\": number\n  \"x\": 1\n}"));

        assertThat(problem.field()).isEqualTo("existing.mapping");
        assertThat(problem.code()).isEqualTo("problem.existing.mappingSyntax");
        assertThat(zh(problem)).containsPattern("第 \\d+ 行第 \\d+ 列");
    }

    @Test
    void anUpdateMappingMissingARequiredFieldOfTheUpdateIsRefused() {
        Problem problem = refusal(new Existing(Policy.UPDATE, "tickets.submit", "{\"other\": number}"));

        assertThat(problem.field()).isEqualTo("existing.mapping");
        assertThat(problem.code()).isEqualTo("problem.existing.mappingRefused");
        assertThat(zh(problem)).contains("title");
    }

    @Test
    void anOperationGivenToSkipIsRefusedBecauseItWouldNeverBeCalled() {
        Problem problem = refusal(new Existing(Policy.SKIP, "tickets.submit", null));

        assertThat(problem.field()).isEqualTo("existing.operation");
        assertThat(problem.code()).isEqualTo("problem.existing.notUpdate");
        assertThat(zh(problem)).contains("SKIP");
    }

    @Test
    void aMappingGivenToFailIsRefusedBecauseItWouldNeverBeUsed() {
        Problem problem = refusal(new Existing(Policy.FAIL, null, "{\"title\": number}"));

        assertThat(problem.field()).isEqualTo("existing.mapping");
        assertThat(problem.code()).isEqualTo("problem.existing.notUpdate");
    }
}
