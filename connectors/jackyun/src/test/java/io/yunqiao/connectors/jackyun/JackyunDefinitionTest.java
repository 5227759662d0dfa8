package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.BodyStyle;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.StopRule;
import io.yunqiao.connector.TimeFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JackyunDefinitionTest {

    final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
    final ConnectorDefinition definition = registry.definition(JackyunConnector.ID);

    @Test
    void isDiscoveredWithItsAuthScheme() {
        // given the plugin on the class path
        // when the registry discovers it
        // then the definition declares its sign without Java: one signed-params scheme
        assertThat(definition.auth().declarative()).isTrue();
        assertThat(definition.auth().types()).containsExactly("signed-params");
        assertThat(registry.authSchemeOf(definition).maskedFields()).contains("sign");
    }

    @Test
    void theConnectionTestListsCustomers() {
        // given the definition, when the connection test picks its operation, then it is the declared customer list
        assertThat(definition.check()).isEqualTo("crm.customer.list");
        assertThat(definition.checkOperation()).hasValueSatisfying(op -> assertThat(op.id())
                .isEqualTo("crm.customer.list"));
    }

    @Test
    void declaresTheConnectionFieldsWithSecretsMarked() {
        // given the definition
        // when its connection form is read
        // then the gateway has its default and the secrets are secret
        assertThat(definition.connection()).extracting(ConnectionField::name)
                .containsExactly("baseUrl", "appKey", "appSecret", "token");
        assertThat(field("baseUrl").defaultValue()).isEqualTo("https://open.jackyun.com/open/openapi/do");
        assertThat(field("appSecret").secret()).isTrue();
        assertThat(field("appSecret").required()).isTrue();
        assertThat(field("token").secret()).isTrue();
        assertThat(field("token").required()).isFalse();
        assertThat(field("appKey").secret()).isFalse();
    }

    @Test
    void onlyTheGatewayUrlIsADestination() {
        // then changing the gateway URL of a saved connection requires its secrets again, and nothing else does
        assertThat(definition.connection()).filteredOn(ConnectionField::routesRequests)
                .extracting(ConnectionField::name).containsExactly("baseUrl");
        assertThat(field("baseUrl").destination()).isTrue();
    }

    @Test
    void declaresEveryFieldOfTheSeedDictionaryWithItsChineseLabel() throws IOException {
        // given the field dictionary of crm.customer.add from the seed document
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/crm-customer-add.json")) {
            seed = new ObjectMapper().readTree(in).get("request");
        }
        List<List<String>> expected = new ArrayList<>();
        seed.forEach(f -> expected.add(List.of(f.get("name").asText(), f.get("label").asText(),
                f.get("type").asText())));
        // when the operation's fields are read
        List<FieldDefinition> fields = operation("crm.customer.add").fields();
        // then they are the same 30 fields, in the same order, with the same labels and types
        assertThat(fields).extracting(f -> List.of(f.name(), f.label().zh(), f.type()))
                .containsExactlyElementsOf(expected).hasSize(30);
        assertThat(fields).allSatisfy(f -> assertThat(f.label().en()).isNotBlank());
    }

    @Test
    void requiresOnlyCustomerCodeAndNickname() {
        // given crm.customer.add
        // when its required fields are listed
        // then they are the two the gateway requires
        assertThat(operation("crm.customer.add").fields()).filteredOn(FieldDefinition::required)
                .extracting(FieldDefinition::name).containsExactly("customerCode", "nickname");
    }

    @Test
    void theUpdateIsATargetWithTheAddsFieldsRequiringOnlyTheCustomerCode() {
        // given crm.customer.update, the already-exists policy's update of a customer
        OperationDefinition update = operation("crm.customer.update");
        // then it writes, has the same fields as the add, and only customerCode (which names the customer) required
        assertThat(update.role()).isEqualTo(OperationRole.EXECUTE);
        assertThat(update.fields()).extracting(FieldDefinition::name).containsExactlyElementsOf(
                operation("crm.customer.add").fields().stream().map(FieldDefinition::name).toList());
        assertThat(update.fields()).filteredOn(FieldDefinition::required).extracting(FieldDefinition::name)
                .containsExactly("customerCode");
    }

    @Test
    void theGoodsAddIsATargetRequiringGoodsNoAndGoodsNameAnsweringTheGoodsId() {
        // given erp.goods.add, the target of one goods item per bill line
        OperationDefinition goods = operation("erp.goods.add");
        // then it writes, requires the goods number and name, and its result is the new goodsId
        assertThat(goods.role()).isEqualTo(OperationRole.EXECUTE);
        assertThat(goods.fields()).filteredOn(FieldDefinition::required).extracting(FieldDefinition::name)
                .containsExactly("goodsNo", "goodsName");
        assertThat(goods.fields()).extracting(FieldDefinition::name).contains("skuBarcode", "unitName",
                "retailPrice", "purchasePrice", "remark");
        assertThat(goods.result()).isEqualTo("result.data.goodsId");
    }

    @Test
    void theCustomerAddIsIdentifiedByTheCustomerCodeAndUpdatedByTheCustomerUpdate() {
        // given crm.customer.add, which answers a repeated customerCode "already exists"
        OperationDefinition add = operation("crm.customer.add");
        // then it says so, and names the update that changes the customer of a code
        assertThat(add.identity()).isEqualTo("customerCode");
        assertThat(add.update()).isEqualTo("crm.customer.update");
    }

    @Test
    void theGoodsAddIsIdentifiedByTheGoodsNumberWithoutAnUpdate() {
        // given erp.goods.add; no goods update is declared (none is known of the vendor)
        OperationDefinition goods = operation("erp.goods.add");
        assertThat(goods.identity()).isEqualTo("goodsNo");
        assertThat(goods.update()).isNull();
    }

    @Test
    void limitsGenderAndCalendarTypeToTheirCodes() {
        // given crm.customer.add
        // when the enumerations are read
        // then 0/1 are the values
        OperationDefinition add = operation("crm.customer.add");
        assertThat(add.field("gender").orElseThrow().values()).containsExactly("0", "1");
        assertThat(add.field("calendarType").orElseThrow().values()).containsExactly("0", "1");
    }

    @Test
    void postsEveryOperationAsASignedGatewayForm() {
        // given the four operations
        for (String id : List.of("crm.customer.add", "crm.customer.list", "crm.customer.update", "erp.goods.add")) {
            OperationDefinition operation = operation(id);
            // when their request is read
            // then the gateway method is the operation id, in a form-json-field POST (field bizcontent) on the base URL
            assertThat(operation.request().method()).isEqualTo("POST");
            assertThat(operation.request().path()).isEmpty();
            assertThat(operation.request().body()).isEqualTo(BodyStyle.FORM_JSON_FIELD);
            assertThat(operation.request().field()).isEqualTo("bizcontent");
            assertThat(operation.request().form()).containsEntry("method", id).containsEntry("version", "v1.0")
                    .containsEntry("contenttype", "json").hasSize(3);
        }
    }

    @Test
    void answersTheNewCustomerIdOfAnAdd() {
        // given crm.customer.add
        // when its role and result are read
        // then it is a target whose result is the customerId
        OperationDefinition add = operation("crm.customer.add");
        assertThat(add.role()).isEqualTo(OperationRole.EXECUTE);
        assertThat(add.result()).isEqualTo("result.data.customerId");
    }

    @Test
    void pagesTheListFromZeroUpTo200StoppingOnTheTotal() {
        // given crm.customer.list
        OperationDefinition list = operation("crm.customer.list");
        // when its paging and window are read
        // then pages start at 0, hold at most 200, end on the total, and the window is a datetime pair
        assertThat(list.role()).isEqualTo(OperationRole.QUERY);
        assertThat(list.key()).isEqualTo("customerId");
        assertThat(list.code()).isEqualTo("customerCode");
        assertThat(list.records()).isEqualTo("result.data.customers");
        assertThat(list.paging().page()).isEqualTo("pageIndex");
        assertThat(list.paging().size()).isEqualTo("pageSize");
        assertThat(list.paging().first()).isZero();
        assertThat(list.paging().maxSize()).isEqualTo(200);
        assertThat(list.paging().stop()).isEqualTo(StopRule.TOTAL_COUNT);
        assertThat(list.paging().total()).isEqualTo("result.data.total");
        assertThat(list.window().start()).isEqualTo("gmtModifiedBegin");
        assertThat(list.window().end()).isEqualTo("gmtModifiedEnd");
        assertThat(list.window().format()).isEqualTo(TimeFormat.DATETIME);
        assertThat(list.param("hasTotal").orElseThrow().defaultValue().asInt()).isEqualTo(1);
    }

    @Test
    void listsEveryAddFieldBackWithIdAndTimes() {
        // given both operations
        List<String> written = operation("crm.customer.add").fields().stream().map(FieldDefinition::name).toList();
        // when the list's record fields are read
        List<String> listed = operation("crm.customer.list").fields().stream().map(FieldDefinition::name).toList();
        // then a listed record carries all written fields plus customerId, gmtCreate and gmtModified
        assertThat(listed).containsAll(written).contains("customerId", "gmtCreate", "gmtModified")
                .hasSize(written.size() + 3);
    }

    @Test
    void classifiesTheGatewayCodes() {
        // given the connector's error rules
        var errors = definition.errors();
        // when the classes are read
        // then the documented sub-codes are where the docs say
        assertThat(errors.code()).containsExactly("subCode", "code");
        assertThat(errors.classes().get(ErrorClass.AUTH))
                .contains("0858030801", "0858030802", "0858030803", "0130020310");
        assertThat(errors.classes().get(ErrorClass.THROTTLED)).containsExactly("0859999999");
        assertThat(errors.classes().get(ErrorClass.ALREADY_EXISTS)).containsExactly("0050030003");
        assertThat(errors.messageContains().get(ErrorClass.ALREADY_EXISTS)).containsExactly("已存在");
        assertThat(errors.classes().get(ErrorClass.VALIDATION)).contains("0050030002");
        assertThat(errors.malformed()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(errors.transport()).isEqualTo(ErrorClass.RETRYABLE);
    }

    private OperationDefinition operation(String id) {
        return definition.operation(id).orElseThrow();
    }

    private ConnectionField field(String name) {
        return definition.connectionField(name).orElseThrow();
    }
}
