package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A write operation may declare the request field by which the target recognises a record ({@code identity}) and the
 * operation that changes an existing record ({@code update}); a definition that names them wrongly is refused with a
 * coded message naming the place and what can be named instead.
 */
class OperationIdentityTest {

    private static final String DEFINITION = """
            id: test-members
            name: { zh: 测试会员, en: Test members }
            vendor: Yunqiao tests
            version: "1.0"
            auth: test-token
            connection:
              - { name: baseUrl, type: url, label: { zh: 接口地址 }, required: true }
            operations:
              - id: members.list
                role: QUERY
                title: { zh: 会员列表 }
                request: { method: GET, path: /members, body: query }
                records: data
                key: code
                fields:
                  - { name: code, label: { zh: 会员编号 } }
              - id: members.add
                role: EXECUTE
                title: { zh: 会员新增 }
                request: { method: POST, path: /members/add, body: json }
                identity: code
                update: members.change
                fields:
                  - { name: code, label: { zh: 会员编号 }, required: true }
                  - { name: name, label: { zh: 会员名称 } }
                  - { name: tags, type: array, label: { zh: 标签 } }
                  - { name: tags.code, label: { zh: 标签编号 } }
              - id: members.change
                role: EXECUTE
                title: { zh: 会员修改 }
                request: { method: POST, path: /members/change, body: json }
                fields:
                  - { name: code, label: { zh: 会员编号 }, required: true }
                  - { name: name, label: { zh: 会员名称 } }
              - id: notes.add
                role: EXECUTE
                title: { zh: 备注新增 }
                request: { method: POST, path: /notes/add, body: json }
                fields:
                  - { name: text, label: { zh: 内容 } }
            """;

    private static ConnectorDefinition read(String text) {
        return DefinitionReader.read("members.yaml", text);
    }

    /** The definition with one text replaced (which must be there). */
    private static String with(String from, String to) {
        assertThat(DEFINITION).contains(from);
        return DEFINITION.replace(from, to);
    }

    private static DefinitionException refusal(String text) {
        return catchThrowableOfType(DefinitionException.class, () -> read(text));
    }

    @Test
    void aWriteOperationDeclaresItsIdentityFieldAndItsUpdateOperation() {
        // when a definition declares the member code as what identifies a member, changed through members.change
        OperationDefinition add = read(DEFINITION).operation("members.add").orElseThrow();

        // then the operation carries both, and its identity field with its label
        assertThat(add.identity()).isEqualTo("code");
        assertThat(add.update()).isEqualTo("members.change");
        assertThat(add.identityField()).hasValueSatisfying(f -> assertThat(f.label().zh()).isEqualTo("会员编号"));
    }

    @Test
    void anOperationWithoutIdentityHasNone() {
        OperationDefinition notes = read(DEFINITION).operation("notes.add").orElseThrow();
        assertThat(notes.identity()).isNull();
        assertThat(notes.update()).isNull();
        assertThat(notes.identityField()).isEmpty();
    }

    @Test
    void anIdentityThatIsNotARequestFieldIsRefusedWithTheFieldsThereAre() {
        DefinitionException refused = refusal(with("identity: code", "identity: memberNo"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.identityNotField");
        assertThat(DefinitionReader.pathOf(refused)).isEqualTo("$.operations[1].identity");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("identity“memberNo”不是接口 members.add 的请求字段")
                .contains("code, name");
        assertThat(refused.message(Locale.ENGLISH)).contains("identity 'memberNo' is not a request field");
    }

    @Test
    void anIdentityInsideAnArrayIsRefusedBecauseItIsNotOneValue() {
        DefinitionException refused = refusal(with("identity: code", "identity: tags.code"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.identityNotValue");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("单值字段");
    }

    @Test
    void anUpdateNamingAnUnknownOperationIsRefusedWithTheWriteOperationsThereAre() {
        DefinitionException refused = refusal(with("update: members.change", "update: members.edit"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.updateUnknown");
        assertThat(DefinitionReader.pathOf(refused)).isEqualTo("$.operations[1].update");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("update“members.edit”不是本连接器的接口")
                .contains("members.change, notes.add");
    }

    @Test
    void anUpdateNamingAQueryIsRefusedBecauseAnUpdateWrites() {
        DefinitionException refused = refusal(with("update: members.change", "update: members.list"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.updateNotExecute");
        assertThat(refused.message(Locale.ENGLISH)).contains("update 'members.list' is a QUERY operation");
    }

    @Test
    void anUpdateNamingTheOperationItselfIsRefused() {
        DefinitionException refused = refusal(with("update: members.change", "update: members.add"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.updateSelf");
    }

    @Test
    void anUpdateOperationWithoutTheIdentityFieldIsRefused() {
        DefinitionException refused = refusal(with("update: members.change", "update: notes.add"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.updateWithoutIdentity");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("更新接口 notes.add 没有字段“code”");
    }

    @Test
    void anUpdateWithoutIdentityIsRefusedByTheSchema() {
        DefinitionException refused = refusal(with("    identity: code\n", ""));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.schema");
        assertThat(refused.getMessage()).contains("$.operations[1]").contains("identity");
    }

    @Test
    void aQueryCannotDeclareAnIdentity() {
        DefinitionException refused = refusal(with("    key: code\n", "    key: code\n    identity: code\n"));

        assertThat(refused.code()).isEqualTo("problem.connectors.definition.schema");
        assertThat(refused.getMessage()).contains("$.operations[0]");
    }
}
