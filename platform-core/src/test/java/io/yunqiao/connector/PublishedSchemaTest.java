package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema published for connector authors under docs/ is the one the platform enforces. */
class PublishedSchemaTest {

    @Test
    void docsHoldTheSchemaThePlatformValidatesWith() throws IOException {
        String enforced;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DefinitionReader.SCHEMA)) {
            enforced = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path published = Path.of("../docs/connector-definition.schema.json");
        assertThat(Files.readString(published))
                .as("docs/connector-definition.schema.json must be a copy of " + DefinitionReader.SCHEMA
                        + "; copy it again after changing the schema")
                .isEqualTo(enforced);
    }
}
