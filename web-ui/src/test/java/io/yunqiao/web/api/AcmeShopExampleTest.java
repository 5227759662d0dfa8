package io.yunqiao.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Acme definition printed in docs/connectors.md is the file ThirdSystemIT stores, so what readers copy is what
 * the integration test proves.
 */
class AcmeShopExampleTest {

    @Test
    void theDefinitionShownInTheConnectorDocsIsTheTestedExampleFile() throws IOException {
        String file = Files.readString(Path.of("..", "docs", "examples", "acme-shop.yaml"), StandardCharsets.UTF_8);
        String docs = Files.readString(Path.of("..", "docs", "connectors.md"), StandardCharsets.UTF_8);

        String section = docs.substring(docs.indexOf("## 示例：接入一个新的 JSON API · Example: adding a JSON API"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String shown = section.substring(start, section.indexOf("```", start));

        assertThat(shown).isEqualTo(file);
    }
}
