package io.yunqiao.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.connector.FieldDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsFromAnswerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static List<String> described(List<FieldDefinition> fields) {
        return fields.stream().map(f -> f.name() + ":" + f.type()).toList();
    }

    @Test
    void scalarKeysOfTheRecordsAtThePathBecomeFieldsWithTheirJsonTypes() throws Exception {
        JsonNode answer = json("{'code':200,'result':{'data':{'customers':[{'customerId':'C1','points':12,"
                + "'balance':3.5,'vip':true}]}}}");

        List<FieldDefinition> fields = FieldsFromAnswer.of(answer, "result.data.customers");

        assertThat(described(fields)).containsExactly("customerId:string", "points:integer", "balance:number",
                "vip:boolean");
    }

    @Test
    void theFieldsAreTheUnionOfTheKeysOfAllRecords() throws Exception {
        JsonNode answer = json("{'rows':[{'id':'1','name':'a'},{'id':'2','phone':'138'}]}");

        assertThat(described(FieldsFromAnswer.of(answer, "rows"))).containsExactly("id:string", "name:string",
                "phone:string");
    }

    @Test
    void nestedObjectsAndArraysOfObjectsAreDottedNamesAfterTheirParent() throws Exception {
        JsonNode answer = json("{'data':{'rows':[{'number':'SO1','customer':{'id':'c','name':'n'},"
                + "'material_entity':[{'seq':'1','qty':2},{'seq':'2','price':9.9}],'tags':['a','b']}]}}");

        List<FieldDefinition> fields = FieldsFromAnswer.of(answer, "data.rows");

        assertThat(described(fields)).containsExactly("number:string", "customer:object", "customer.id:string",
                "customer.name:string", "material_entity:array", "material_entity.seq:string",
                "material_entity.qty:integer", "material_entity.price:number", "tags:array");
        assertThat(fields.get(6).parent()).isEqualTo("material_entity");
    }

    @Test
    void aKeySeenAsIntegerAndAsDecimalIsANumberAndANullGivesWayToTheOtherType() throws Exception {
        JsonNode answer = json("{'rows':[{'amount':1,'note':null},{'amount':2.5,'note':'x'},{'only':null}]}");

        assertThat(described(FieldsFromAnswer.of(answer, "rows"))).containsExactly("amount:number", "note:string",
                "only:string");
    }

    @Test
    void labelsDefaultToTheFieldName() throws Exception {
        FieldDefinition field = FieldsFromAnswer.of(json("{'rows':[{'goodsNo':'G1'}]}"), "rows").get(0);

        assertThat(field.label().zh()).isEqualTo("goodsNo");
        assertThat(field.label().en()).isEqualTo("goodsNo");
    }

    @Test
    void aSingleRecordObjectAtThePathIsOneRecordAndAMissingPathGivesNoField() throws Exception {
        JsonNode answer = json("{'data':{'id':'1'}}");

        assertThat(described(FieldsFromAnswer.of(answer, "data"))).containsExactly("id:string");
        assertThat(FieldsFromAnswer.of(answer, "data.rows")).isEmpty();
    }
}
