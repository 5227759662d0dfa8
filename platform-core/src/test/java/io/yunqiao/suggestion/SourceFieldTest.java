package io.yunqiao.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionReader;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
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

    @Test
    void aSolutionsSplitLinesAreOneValuePerRecordAndItsDetailLookupsAddTheirFieldsUnderTheirName() throws Exception {
        // given bills split into one record per line, with a supplier looked up per bill
        ConnectorRegistry registry = erp();
        SolutionSpec spec = Solutions.SPEC_JSON.readValue("""
                {"name": "s", "source": {"connector": "erp", "operation": "bills"},
                 "target": {"connector": "erp", "operation": "bills", "mapping": "{}"},
                 "split": {"path": "lines"},
                 "details": [{"name": "supplier", "connector": "erp", "operation": "supplier", "all": false}]}
                """, SolutionSpec.class);
        JsonNode staged = new ObjectMapper().readTree(
                "{\"id\":\"B1\",\"lines\":{\"qty\":\"3\"},\"supplier\":{\"phone\":\"13800138000\"}}");

        // when
        List<SourceField> fields = SourceField.of(spec, registry, List.of(staged));

        // then
        assertThat(fields).extracting(SourceField::path)
                .containsExactly("id", "lines", "lines.qty", "supplier.phone");
        assertThat(fields.get(1).type()).isEqualTo("object");
        assertThat(fields.get(2).repeated()).isFalse();
        assertThat(fields.get(2).samples()).containsExactly("3");
        assertThat(fields.get(3).samples()).containsExactly("13800138000");
        assertThat(fields.get(3).label().zh()).isEqualTo("电话");
    }

    /** A connector {@code erp} with bills (with lines) and a supplier lookup. */
    private static ConnectorRegistry erp() throws Exception {
        return ConnectorRegistry.of(List.of(DefinitionReader.read("erp.yaml", """
                id: erp
                name: { zh: 某系统 }
                vendor: Acme
                version: "1.0"
                auth: { type: none }
                connection:
                  - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
                operations:
                  - id: bills
                    role: QUERY
                    title: { zh: 单据 }
                    request: { method: GET, path: /bills }
                    records: data
                    key: id
                    fields:
                      - { name: id, label: { zh: 单据ID } }
                      - { name: lines, type: array, label: { zh: 明细 } }
                      - { name: lines.qty, label: { zh: 数量 } }
                  - id: supplier
                    role: QUERY
                    title: { zh: 供应商 }
                    request: { method: GET, path: /supplier }
                    records: data
                    key: phone
                    fields:
                      - { name: phone, label: { zh: 电话 } }
                """)), List.of());
    }

    @Test
    void aDetailLookupWithoutAConnectorIsOneOfTheSourcesConnector() throws Exception {
        // given a detail lookup that leaves its connector out, as templates and the editor do
        SolutionSpec spec = Solutions.SPEC_JSON.readValue("""
                {"name": "s", "source": {"connector": "erp", "operation": "bills"},
                 "target": {"connector": "erp", "operation": "bills", "mapping": "{}"},
                 "details": [{"name": "supplier", "operation": "supplier", "params": {"phone": "id"}}]}
                """, SolutionSpec.class);

        // when the fields the mapping sees are listed, then the lookup's fields are among them
        assertThat(SourceField.of(spec, erp(), List.of())).extracting(SourceField::path).contains("supplier.phone");
    }

    private static FieldDefinition field(String name, String type) {
        return new FieldDefinition(name, new LocalizedText(name, name), type, false, null, null);
    }
}
