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
import java.util.List;
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
            assertThat(problem.message()).contains("JSON 对象").contains("array");
        });
        assertThat(TargetValidator.validate(null, CREATE_CUSTOMER)).extracting(FieldProblem::kind)
                .containsExactly(Kind.NOT_AN_OBJECT);
    }

    @Test
    void reportsAFieldTheOperationDoesNotDeclare() {
        assertThat(validate("{\"customerCode\": \"C-1\", \"nickname\": \"甲\", \"nick_name\": \"甲\"}"))
                .containsExactly(new FieldProblem("nick_name", Kind.UNKNOWN_FIELD,
                        "目标接口没有字段 nick_name，请从映射中删除或改名"
                                + " (unknown field nick_name: the target operation does not declare it)"));
    }

    @ParameterizedTest(name = "nickname {0}")
    @CsvSource(delimiter = '|', value = {
        "absent | {\"customerCode\": \"C-1\"}",
        "null   | {\"customerCode\": \"C-1\", \"nickname\": null}",
        "empty  | {\"customerCode\": \"C-1\", \"nickname\": \"\"}"})
    void reportsAMissingRequiredFieldWithItsLabel(String how, String body) {
        assertThat(validate(body)).containsExactly(new FieldProblem("nickname", Kind.MISSING_REQUIRED,
                "缺少必填字段 nickname（客户名称） (missing required field nickname)"));
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
                assertThat(problem.message()).startsWith("字段 " + field + "（").contains(" 应为");
            });
        }
    }

    @Test
    void checksTheFieldsOfEveryElementOfAnArray() {
        List<FieldProblem> problems = validate("""
                {"customerCode": "C-1", "nickname": "甲",
                 "contacts": [{"name": "张三"}, {"phone": "139"}, {"name": "李四", "fax": "0571"}, "王五"]}""");

        assertThat(problems).containsExactly(
                new FieldProblem("contacts[1].name", Kind.MISSING_REQUIRED,
                        "缺少必填字段 contacts[1].name（姓名） (missing required field contacts[1].name)"),
                new FieldProblem("contacts[2].fax", Kind.UNKNOWN_FIELD, "目标接口没有字段 contacts[2].fax，请从映射中删除或改名"
                        + " (unknown field contacts[2].fax: the target operation does not declare it)"),
                new FieldProblem("contacts[3]", Kind.WRONG_TYPE, "字段 contacts[3]（联系人） 的元素应为对象，实际是文本(string)"
                        + " (the elements of contacts must be objects with the declared fields, got string)"))
                .extracting(FieldProblem::field)
                .doesNotContain("contacts[0].name");
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
    void acceptsAnyObjectForAnOperationThatDeclaresNoFields() {
        assertThat(TargetValidator.validate(json("{\"whatever\": [1, 2]}"), operation())).isEmpty();
    }
}
