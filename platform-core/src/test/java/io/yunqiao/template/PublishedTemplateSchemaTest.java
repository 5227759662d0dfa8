package io.yunqiao.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The template file schema published under docs/ is the one imports are checked with. */
class PublishedTemplateSchemaTest {

    @Test
    void docsHoldTheSchemaImportsAreCheckedWith() throws IOException {
        String enforced;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TemplateFile.SCHEMA)) {
            enforced = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of("../docs/template.schema.json")))
                .as("docs/template.schema.json must be a copy of " + TemplateFile.SCHEMA
                        + "; copy it again after changing the schema")
                .isEqualTo(enforced);
    }
}
