package io.yunqiao.mapping;

import static io.yunqiao.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.mapping.TargetValidator.FieldProblem;
import io.yunqiao.mapping.TargetValidator.Kind;
import io.yunqiao.problem.StoredMessage;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mapped body against the fields of the target operation: every problem named, nothing dropped. */
class TargetValidatorTest {

    /** A customer-create operation: two required fields, typed fields, an array of lines and a nested object. */
    private static final OperationDefinition CREATE_CUSTOMER = operation(
            field("customerCode", "客户编号", "string", true),
            field("nickname", "客户名称", "string", true),
            field("age", "年龄", "integer", false),
            field("credit", "信用额度", "number", false),
            field("vip", "是否会员", "boolean", false),
            field("tags", "标签", "array", false),
            field("extra", "扩展信息", "object", false),
            field("contacts", "联系人", "array", false),
            field("contacts.name", "姓名", "string", true),
            field("contacts.phone", "电话", "string", false),
            field("invoice", "开票信息", "object", false),
            field("invoice.taxNumber", "税号", "string", true),
            field("address.city", "城市", "string", false));

    private static FieldDefinition field(String name, String label, String type, boolean required) {
        return new FieldDefinition(name, new LocalizedText(label, null), type, required, null, null);
    }

    private static OperationDefinition operation(FieldDefinition... fields) {
        return new OperationDefinition("customer.create", OperationRole.EXECUTE, new LocalizedText("新增客户", null),
                null, null, null, null, null, null, null, null, null, null, null, List.of(fields), null, null);
    }

    private static List<FieldProblem> validate(String body) {
        return TargetValidator.validate(json(body), CREATE_CUSTOMER);
    }

    /** A problem as a Chinese reader sees it: field, kind and text. */
    private static org.assertj.core.groups.Tuple chinese(FieldProblem problem) {
        return tuple(problem.field(), problem.kind(), problem.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void acceptsABodyThatFollowsTheDeclaration() {
        List<FieldProblem> problems = validate("""
                {"customerCode": "C-1", "nickname": "甲", "age": "42", "credit": 1500.5, "vip": "true",
                 "tags": ["a"], "extra": {"anything": [1]}, "contacts": [{"name": "张三", "phone": 13800000000}],
                 "invoice": {"taxNumber": "91330100"}, "address": {"city": "杭州"}}""");

        assertThat(problems).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThat(validate("[{\"customerCode\": \"C-1\"}]")).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.NOT_AN_OBJECT);
            assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("映射结果必须是 JSON 对象，实际是数组");
            assertThat(problem.message(Locale.ENGLISH)).isEqualTo("the mapped body must be a JSON object, got an array");
        });
        assertThat(TargetValidator.validate(null, CREATE_CUSTOMER)).extracting(FieldProblem::kind)
                .containsExactly(Kind.NOT_AN_OBJECT);
    }

    @Test
    void reportsAFieldTheOperationDoesNotDeclare() {
        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"nick_name\": \"甲\"}"))
                .extracting(TargetValidatorTest::chinese)
                .containsExactly(tuple("nick_name", Kind.UNKNOWN_FIELD, "目标接口没有字段 nick_name，请从映射中删除或改名"));
    }

    @ParameterizedTest(name = "nickname {0}")
    @CsvSource(delimiter = '|', value = {
        "absent | {\"customerCode\": \"C-1\"}",
        "null   | {\"customerCode\": \"C-1\", \"nickname\": null}",
        "empty  | {\"customerCode\": \"C-1\", \"nickname\": \"\"}"})
    void reportsAMissingRequiredFieldWithItsLabel(String how, String body) {
        assertThat(validate(body)).extracting(TargetValidatorTest::chinese)
                .containsExactly(tuple("nickname", Kind.MISSING_REQUIRED, "缺少必填字段 nickname（客户名称）"));
    }

    @ParameterizedTest(name = "{0} = {1} → accepted: {2}")
    @CsvSource(delimiter = '|', value = {
        "customerCode | 42                 | true",
        "customerCode | true               | true",
        "customerCode | {\"a\": 1}         | false",
        "customerCode | [\"C-1\"]          | false",
        "age          | 42                 | true",
        "age          | 42.0               | true",
        "age          | \"42\"             | true",
        "age          | \"-7\"             | true",
        "age          | 4.5                | false",
        "age          | \"4.5\"            | false",
        "age          | \"forty\"          | false",
        "age          | true               | false",
        "credit       | 1500.5             | true",
        "credit       | \"1500.50\"        | true",
        "credit       | \"1,500\"          | false",
        "credit       | \"\"               | false",
        "vip          | false              | true",
        "vip          | \"false\"          | true",
        "vip          | \"yes\"            | false",
        "vip          | 1                  | false",
        "tags         | []                 | true",
        "tags         | \"a,b\"            | false",
        "extra        | {}                 | true",
        "extra        | \"{}\"             | false"})
    void checksTheDeclaredType(String field, String value, boolean accepted) {
        List<FieldProblem> problems = validate(
                "{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"" + field + "\": " + value + "}");

        if (accepted) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo(field);
                assertThat(problem.kind()).isEqualTo(Kind.WRONG_TYPE);
                assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).startsWith("字段 " + field + "（")
                        .contains(" 应为");
                assertThat(problem.message(Locale.ENGLISH)).startsWith("field " + field + " (").contains(") must be ");
            });
        }
    }

    @Test
    void checksTheFieldsOfEveryElementOfAnArray() {
        List<FieldProblem> problems = validate("""
                {"customerCode": "C-1", "nickname": "甲",
                 "contacts": [{"name": "张三"}, {"phone": "139"}, {"name": "李四", "fax": "0571"}, "王五"]}""");

        assertThat(problems).extracting(TargetValidatorTest::chinese).containsExactly(
                tuple("contacts[1].name", Kind.MISSING_REQUIRED, "缺少必填字段 contacts[1].name（姓名）"),
                tuple("contacts[2].fax", Kind.UNKNOWN_FIELD, "目标接口没有字段 contacts[2].fax，请从映射中删除或改名"),
                tuple("contacts[3]", Kind.WRONG_TYPE, "字段 contacts[3]（联系人） 的元素应为对象，实际是文本"));
        assertThat(problems.get(2).message(Locale.ENGLISH))
                .isEqualTo("the elements of contacts[3] (联系人) must be objects with the declared fields, got a text");
    }

    @Test
    void checksTheFieldsOfANestedObjectOnlyWhenItIsThere() {
        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\"}")).isEmpty();

        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"invoice\": {\"bank\": \"x\"}}"))
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(
                        tuple("invoice.bank", Kind.UNKNOWN_FIELD),
                        tuple("invoice.taxNumber", Kind.MISSING_REQUIRED));
    }

    @Test
    void treatsAParentKnownOnlyFromDottedNamesAsAContainer() {
        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"address\": {\"city\": \"杭州\"}}"))
                .isEmpty();
        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"address\": \"杭州\"}"))
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(tuple("address", Kind.WRONG_TYPE));
    }

    @Test
    void reportsEveryProblemOfABodyNotJustTheFirst() {
        List<FieldProblem> problems = validate("{\"age\": \"old\", \"color\": \"red\"}");

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("age", "color", "customerCode", "nickname");
    }

    @Test
    void keepsAProblemAsACodeThatReadsInTheReadersLanguage() {
        // given a value of the wrong type
        FieldProblem problem = validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"age\": \"forty\"}")
                .get(0);

        // when it is stored, as a record's log keeps it, then it reads in Chinese and in English
        String stored = problem.stored();
        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("字段 age（年龄） 应为整数，实际是文本 \"forty\"");
        assertThat(StoredMessage.render(stored, Locale.ENGLISH))
                .isEqualTo("field age (年龄) must be an integer (or a string of digits), got a text \"forty\"");
    }

    @Test
    void storesSeveralProblemsAsOneMessage() {
        // given a body with four problems
        List<FieldProblem> problems = validate("{\"age\": \"old\", \"color\": \"red\"}");

        // when they are stored as one message, then each reads in order, joined in the reader's language
        String stored = TargetValidator.stored(problems);
        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo(String.join("；",
                problems.stream().map(p -> p.message(Locale.SIMPLIFIED_CHINESE)).toList()));
        assertThat(StoredMessage.render(stored, Locale.ENGLISH)).isEqualTo(String.join("; ",
                problems.stream().map(p -> p.message(Locale.ENGLISH)).toList()));
    }

    @Test
    void listsTheFirstTenProblemsAndCountsTheRest() {
        // given 25 problems
        List<FieldProblem> problems = Collections.nCopies(25, validate("{\"customerCode\": \"C-1\"}").get(0));

        // when they are stored as one message, then ten are listed and fifteen counted
        String english = StoredMessage.render(TargetValidator.stored(problems), Locale.ENGLISH);
        assertThat(english.split("missing required field", -1)).hasSize(11);
        assertThat(english).endsWith("; and 15 more problems not listed");
        assertThat(StoredMessage.render(TargetValidator.stored(problems), Locale.SIMPLIFIED_CHINESE))
                .endsWith("；另有 15 处问题未列出");
    }

    @Test
    void acceptsAnyObjectForAnOperationThatDeclaresNoFields() {
        assertThat(TargetValidator.validate(json("{\"whatever\": [1, 2]}"), operation())).isEmpty();
    }
}
