package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A refused definition reads in the reader's language, names the definition and the place, and says the fix. */
class DefinitionRefusalLanguageTest {

    private static final String BROKEN_KEY = """
            id: acme
            name: { zh: 某系统 }
            vendor: Acme
            version: "1.0"
            auth: test-token
            connection:
              - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
            operations:
              - id: items
                role: QUERY
                title: { zh: 商品 }
                request: { method: GET, path: /items }
                records: data
                key: itemId
                fields:
                  - { name: id, label: { zh: 编号 }, type: string }
            """;

    @Test
    void aReferenceToAnUndeclaredFieldIsExplainedInChineseAndEnglishWithItsPath() {
        assertThatThrownBy(() -> DefinitionReader.read("stored:acme", BROKEN_KEY))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.definition.notField");
                    assertThat(DefinitionReader.pathOf(e)).isEqualTo("$.operations[0]");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("连接器定义“stored:acme”的 $.operations[0] (items)：key“itemId”不是该接口的字段；"
                                    + "请先在 fields 中声明它。");
                    assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage()).isEqualTo("connector definition"
                            + " 'stored:acme' at $.operations[0] (items): key 'itemId' is not one of the operation's"
                            + " fields; declare it under fields");
                });
    }

    @Test
    void textThatIsNotYamlNamesTheLineAndColumn() {
        assertThatThrownBy(() -> DefinitionReader.read("stored:acme", "id: acme\nname: [unclosed\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.connectors.definition.syntax");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("连接器定义“stored:acme”不是有效的"
                            + " YAML/JSON：while parsing a flow sequence; expected ',' or ']', but got <stream end>"
                            + "（第 2 行第 16 列）。请检查该处的缩进、冒号和引号。");
                });
    }

    @Test
    void anEmptyTextIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> DefinitionReader.read("stored:acme", "# nothing yet\n"))
                .isInstanceOfSatisfying(DefinitionException.class,
                        e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("id、name、version"));
    }
}
