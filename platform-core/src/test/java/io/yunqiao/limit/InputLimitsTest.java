package io.yunqiao.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.Problem;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every name, description, mapping and page request is checked against. */
class InputLimitsTest {

    private final InputLimits limits = InputLimits.DEFAULTS;

    @Test
    void aNameOfExactlyTheLimitIsAccepted() {
        assertThatCode(() -> limits.checkName("name", "名".repeat(100))).doesNotThrowAnyException();
    }

    @Test
    void aNameOneCharacterOverTheLimitIsRefusedNamingTheLimitAndItsKey() {
        Problem refusal = catchThrowableOfType(Problem.class, () -> limits.checkName("name", "名".repeat(101)));

        assertThat(refusal.kind()).isEqualTo(Problem.Kind.INVALID);
        assertThat(refusal.code()).isEqualTo("problem.limit.nameTooLong");
        assertThat(refusal.field()).isEqualTo("name");
        assertThat(refusal.message(Locale.ENGLISH)).contains("at most 100 characters").contains("it has 101")
                .contains("yunqiao.limits.name-length");
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("最多 100 个字符");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "a\tb", "a\rb", "a\u001bb", "a\u007fb", "a\u0085b", "a\u2028b",
        "a\u202eb"})
    void aControlCharacterInANameIsRefusedWithItsPosition(String name) {
        Problem refusal = catchThrowableOfType(Problem.class, () -> limits.checkName("name", name));

        assertThat(refusal.code()).isEqualTo("problem.limit.nameControl");
        assertThat(refusal.params()[1]).isEqualTo(2);
    }

    @Test
    void chineseAndPunctuationAreFineInNames() {
        assertThatCode(() -> limits.checkName("name", "金蝶采购入库 → 吉客云（每日）#1"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDescriptionMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThatCode(() -> limits.checkDescription("description", "第一行\r\n\t第二行")).doesNotThrowAnyException();

        Problem refusal = catchThrowableOfType(Problem.class,
                () -> limits.checkDescription("description", "说明\u0000"));

        assertThat(refusal.code()).isEqualTo("problem.limit.textControl");
    }

    @Test
    void aDescriptionOverItsLimitIsRefused() {
        Problem refusal = catchThrowableOfType(Problem.class,
                () -> limits.checkDescription("comment", "x".repeat(2001)));

        assertThat(refusal.code()).isEqualTo("problem.limit.descriptionTooLong");
        assertThat(refusal.field()).isEqualTo("comment");
    }

    @Test
    void aMappingOverTheLengthIsRefusedAsTooLargeBeforeTheEngineSeesIt() {
        var engine = limits.capped(MappingEngines.defaultEngine());

        Problem refusal = catchThrowableOfType(Problem.class,
                () -> engine.compile("\"" + "a".repeat(32_768) + "\""));

        assertThat(refusal.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
        assertThat(refusal.code()).isEqualTo("problem.limit.mappingTooLarge");
    }

    @Test
    void aMappingWithinTheLengthIsCompiledAsBefore() {
        var engine = limits.capped(MappingEngines.defaultEngine());

        assertThat(engine.compile("\"" + "a".repeat(1000) + "\"").expression()).hasSize(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100_001, Integer.MAX_VALUE})
    void aPageNumberOutsideTheRangeIsRefused(int page) {
        Problem refusal = catchThrowableOfType(Problem.class, () -> limits.checkPage(page, 100));

        assertThat(refusal.code()).isEqualTo("problem.limit.page");
        assertThat(refusal.field()).isEqualTo("page");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1001})
    void aPageSizeOutsideTheRangeIsRefused(int size) {
        Problem refusal = catchThrowableOfType(Problem.class, () -> limits.checkPage(0, size));

        assertThat(refusal.code()).isEqualTo("problem.limit.pageSize");
    }

    @Test
    void theFirstAndLastPagesOfTheRangeAreAccepted() {
        assertThatCode(() -> limits.checkPage(0, 1)).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkPage(100_000, 1000)).doesNotThrowAnyException();
    }

    @Test
    void everyLimitTextExistsInBothLanguages() {
        for (String code : new String[] {"problem.limit.nameTooLong", "problem.limit.scheduleTooFrequent",
            "problem.limit.requestTooLarge", "problem.limit.json.missing", "problem.limit.noSuchApi"}) {
            assertThat(Problem.coded(Problem.Kind.INVALID, null, code, "a", 1, 2, "k").message(Locale.ENGLISH))
                    .doesNotStartWith("!{");
            assertThat(Problem.coded(Problem.Kind.INVALID, null, code, "a", 1, 2, "k")
                    .message(Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("!{");
        }
    }
}
