package io.yunqiao.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.problem.Problem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JSONata errors turned into hints a business user can act on, the same for both engines. */
class MappingHintsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> SOURCE_FIELDS = List.of("supplierid_number", "supplierid_name", "empid_name",
            "billno", "createtime", "material_entity.qty", "material_entity.materialid_name", "extra");

    private static MappingHint syntaxHint(String engineId, String expression) {
        MappingSyntaxException error = catchThrowableOfType(MappingSyntaxException.class,
                () -> MappingEngines.named(engineId).compile(expression));
        assertThat(error).as("%s refuses %s", engineId, expression).isNotNull();
        return MappingHints.syntax(expression, error);
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void aMissingCommaBetweenTwoFieldsIsNamedAtTheSecondField(String engineId) {
        // given the seed mapping with the comma after nickname's value left out
        String expression = "{\n  \"customerCode\": supplierid_number,\n  \"nickname\": supplierid_name\n"
                + "  \"contacts\": empid_name\n}";

        // when the engine's error is turned into a hint
        MappingHint hint = syntaxHint(engineId, expression);

        // then it names both fields and points at the second one's key
        assertThat(hint.code()).isEqualTo("problem.hint.missingComma");
        assertThat(hint.line()).isEqualTo(4);
        assertThat(hint.column()).isEqualTo(3);
        assertThat(hint.message(ZH)).isEqualTo("第 4 行第 3 列：字段“contacts”前面少了一个英文逗号：“nickname”和“contacts”两个字段之间要用 , 隔开。");
        assertThat(hint.message(Locale.ENGLISH)).startsWith("Line 4, column 3: A comma is missing before the field"
                + " \"contacts\"");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void aMissingCommaAfterAConstantIsFoundToo(String engineId) {
        MappingHint hint = syntaxHint(engineId, "{ \"a\": \"供应商\" \"b\": 1 }");

        assertThat(hint.code()).isEqualTo("problem.hint.missingComma");
        assertThat(hint.column()).isEqualTo(14);
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void anUnclosedQuoteIsShownWhereTheTextStarts(String engineId) {
        MappingHint hint = syntaxHint(engineId, "{\n  \"customerTypeName\": \"供应商,\n  \"phone\": contact_phone\n}");

        assertThat(hint.code()).isEqualTo("problem.hint.unclosedString");
        // the scan stops at the quote after phone, but the text that runs over a line break is the culprit
        assertThat(hint.line()).isEqualTo(2);
        assertThat(hint.column()).isEqualTo(23);
        assertThat(hint.message(ZH)).contains("缺少结尾的引号");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void anUnclosedBraceIsShownWhereItOpens(String engineId) {
        MappingHint hint = syntaxHint(engineId, "{\n  \"a\": $substring(billno, 0, 3\n}");

        assertThat(hint.code()).isEqualTo("problem.hint.wrongClose");
        assertThat(hint.message(ZH)).isEqualTo("第 3 行第 1 列：这里的 } 与前面的括号不配对：这里应该先写 )。");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void aBracketNeverClosedIsShownWhereItOpens(String engineId) {
        MappingHint hint = syntaxHint(engineId, "{\n  \"a\": billno");

        assertThat(hint.code()).isEqualTo("problem.hint.unclosedBracket");
        assertThat(hint.line()).isEqualTo(1);
        assertThat(hint.column()).isEqualTo(1);
        assertThat(hint.message(ZH)).contains("这里的 { 没有对应的 }");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void anUnclosedCommentAndBackquoteAreNamed(String engineId) {
        assertThat(syntaxHint(engineId, "{ \"a\": billno /* 备注 }").code()).isEqualTo("problem.hint.unclosedComment");
        assertThat(syntaxHint(engineId, "{ \"a\": `单号 }").code()).isEqualTo("problem.hint.unclosedName");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void aChineseCommaIsNamedWithThePlainOne(String engineId) {
        MappingHint hint = syntaxHint(engineId, "{ \"a\": billno， \"b\": 1 }");

        assertThat(hint.code()).isEqualTo("problem.hint.fullWidth");
        assertThat(hint.column()).isEqualTo(14);
        assertThat(hint.cause(ZH)).contains("“，”").contains("改成 ,");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void anyOtherSyntaxErrorKeepsTheEnginesMessageAndSpot(String engineId) {
        String expression = "{ \"a\": 1 + }";
        MappingSyntaxException error = catchThrowableOfType(MappingSyntaxException.class,
                () -> MappingEngines.named(engineId).compile(expression));

        MappingHint hint = MappingHints.syntax(expression, error);

        assertThat(hint.code()).isEqualTo("problem.hint.syntax");
        assertThat(hint.line()).isEqualTo(error.line());
        assertThat(hint.column()).isEqualTo(error.column());
        assertThat(hint.cause(ZH)).contains(error.detail());
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void anUnknownFunctionIsNamedWithTheClosestKnownOneWhenTheRecordFails(String engineId) {
        // given a mapping that calls $fromatDate (compiles: functions are looked up when called)
        String expression = "{\n  \"created\": $fromatDate(createtime)\n}";
        MappingResult result = MappingEngines.named(engineId).compile(expression)
                .evaluate(MappingFixtures.bill(), MappingFixtures.context());
        assertThat(result.isFailure()).isTrue();

        // when the failure is turned into a hint
        MappingHint hint = MappingHints.evaluation(expression, result.error());

        // then it names the function and suggests the right one
        assertThat(hint.code()).isEqualTo("problem.hint.unknownFunction");
        assertThat(hint.message(ZH)).isEqualTo("第 2 行第 14 列：没有函数 $fromatDate，是不是 $formatDate？");
    }

    @Test
    void anyOtherEvaluationErrorKeepsTheEnginesMessageAndSpot() {
        String expression = "{ \"a\": $valueMap(\"没有的表\", billno) }";
        MappingResult result = MappingEngines.defaultEngine().compile(expression)
                .evaluate(MappingFixtures.bill(), MappingFixtures.context());

        MappingHint hint = MappingHints.evaluation(expression, result.error());

        assertThat(hint.code()).isEqualTo("problem.hint.evaluation");
        assertThat(hint.cause(ZH)).startsWith("计算出错：").contains("没有的表");
    }

    @Test
    void aFieldTheSourceDoesNotHaveIsNamedWithTheClosestItHas() {
        List<MappingHint> hints = MappingHints.lint("{\n  \"a\": supplierid_nmae,\n  \"b\": material_entity.qtty,\n"
                + "  \"c\": \"单号 \" & billno & nothing_like_it\n}", SOURCE_FIELDS);

        assertThat(hints).extracting(h -> h.message(ZH)).containsExactly(
                "第 2 行第 8 列：源数据没有字段“supplierid_nmae”，是不是“supplierid_name”？这个字段取不到值，目标字段会被省略。",
                "第 3 行第 8 列：源数据没有字段“material_entity.qtty”，是不是“material_entity.qty”？这个字段取不到值，目标字段会被省略。",
                "第 4 行第 25 列：源数据没有字段“nothing_like_it”：这个字段取不到值，目标字段会被省略。请从源字段树里选择字段。");
    }

    @Test
    void fieldsInFiltersFunctionsVariablesAndUndeclaredObjectsAreNotFlagged() {
        List<MappingHint> hints = MappingHints.lint("""
                {
                  "a": material_entity[qty > 1].materialid_name,
                  "b": $map(material_entity, function($l) { $l.qty }),
                  "c": extra.anything.below,
                  "d": $.billno,
                  "e": billno ? "有" : "无",
                  "f": $formatDate(createtime),
                  "g": `billno`
                }""", SOURCE_FIELDS);

        assertThat(hints).isEmpty();
    }

    @Test
    void functionsAndVariablesTheExpressionDefinesAreKnown() {
        assertThat(MappingHints.lint("($f := function($x) { $x }; { \"a\": $f(billno) })", List.of())).isEmpty();
        assertThat(MappingHints.lint("{ \"a\": billno ~> $uppercase }", List.of())).isEmpty();
        assertThat(MappingHints.lint("{ \"a\": billno ~> $upercase }", List.of())).singleElement()
                .extracting(MappingHint::code).isEqualTo("problem.hint.unknownFunction");
    }

    @Test
    void anEmptyOrTooDeepExpressionGetsItsOwnHint() {
        assertThat(MappingHints.syntax(" ", null).code()).isEqualTo("problem.hint.empty");
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        MappingSyntaxException error = catchThrowableOfType(MappingSyntaxException.class,
                () -> MappingEngines.defaultEngine().compile(deep));
        assertThat(MappingHints.syntax(deep, error).code()).isEqualTo("problem.hint.tooDeep");
    }

    @Test
    void aRefusedSaveReadsTheHintInTheReadersLanguageWithTheEnginesMessage() {
        String expression = "{\n  \"a\": b\n  \"c\": d\n}";
        MappingSyntaxException error = catchThrowableOfType(MappingSyntaxException.class,
                () -> MappingEngines.defaultEngine().compile(expression));

        Problem refusal = MappingHints.refusal("target.mapping", expression, error);

        assertThat(refusal.field()).isEqualTo("target.mapping");
        assertThat(refusal.kind()).isEqualTo(Problem.Kind.INVALID);
        assertThat(refusal.message(ZH)).startsWith("第 3 行第 3 列：字段“c”前面少了一个英文逗号").contains(error.getMessage());
        assertThat(refusal.message(Locale.ENGLISH)).startsWith("Line 3, column 3: A comma is missing");
    }

    @Test
    void closestNeedsANameCloseEnoughToBeATypo() {
        assertThat(MappingHints.closest("$fromatDate", MappingHints.functions())).contains("$formatDate");
        assertThat(MappingHints.closest("$sun", MappingHints.functions())).contains("$sum");
        assertThat(MappingHints.closest("$completelyDifferent", MappingHints.functions())).isEmpty();
    }

    @Test
    void hostileInputGetsABoundedAnswer() {
        String unbalanced = "{".repeat(150) + "\"a\": [" + "(".repeat(40);
        assertThat(MappingHints.syntax(unbalanced, null).code()).isEqualTo("problem.hint.unclosedBracket");
        assertThat(MappingHints.syntax("[".repeat(100_000), null).code()).isEqualTo("problem.hint.tooDeep");
        assertThat(MappingHints.lint("\"" + "x".repeat(1_000_000), SOURCE_FIELDS)).isEmpty();
    }
}
