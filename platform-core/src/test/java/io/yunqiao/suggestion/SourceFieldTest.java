package io.yunqiao.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFieldTest {

    @Test
    void theSamplesOfALineFieldAreTheValuesOfItsLinesAndItIsMarkedRepeated() throws Exception {
        OperationDefinition bills = new OperationDefinition("bills", OperationRole.QUERY, null, null, null, "rows",
                "id", null, null, null, null, null, null, null, List.of(
                        field("billno", "string"), field("lines", "array"), field("lines.qty", "string")),
                null, null);
        JsonNode record = new ObjectMapper().readTree(
                "{\"billno\":\"B1\",\"lines\":[{\"qty\":\"2\"},{\"qty\":\"5\"},{\"qty\":null}]}");

        List<SourceField> fields = SourceField.of(bills, List.of(record, record));

        assertThat(fields).extracting(SourceField::path).containsExactly("billno", "lines", "lines.qty");
        assertThat(fields.get(0).samples()).containsExactly("B1", "B1");
        assertThat(fields.get(0).repeated()).isFalse();
        assertThat(fields.get(2).samples()).containsExactly("2", "5", "2", "5");
        assertThat(fields.get(2).repeated()).isTrue();
    }

    private static FieldDefinition field(String name, String type) {
        return new FieldDefinition(name, new LocalizedText(name, name), type, false, null, null);
    }
}
