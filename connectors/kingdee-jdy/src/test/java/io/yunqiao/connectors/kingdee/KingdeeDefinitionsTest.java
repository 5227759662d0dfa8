package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.connector.StopRule;
import io.yunqiao.connector.TimeFormat;
import io.yunqiao.sandbox.Sandbox;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin's definitions, as the platform discovers them. */
class KingdeeDefinitionsTest {

    private final ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
    private final ConnectorDefinition v1 = registry.definition("kingdee-jdy");
    private final ConnectorDefinition v2 = registry.definition("kingdee-jdy-v2");

    @Test
    void bothConnectorsAreDiscoveredWithTheirAuthSchemes() {
        // the auth of both is declared in their YAML, without Java
        assertThat(v1.auth().types()).containsExactly("session-token");
        assertThat(v2.auth().types()).containsExactly("session-token", "hmac-headers");
        assertThat(registry.authSchemeOf(v1).maskedFields()).containsExactlyInAnyOrder("access_token", "groupName",
                "accountId", "client_secret", "password");
        assertThat(registry.authSchemeOf(v2).maskedFields()).contains("X-Api-Signature", "app-token");
    }

    @Test
    void bothConnectionTestsListPurchaseInboundBills() {
        // given both definitions, when the connection test picks its operation, then it is the declared bill list
        assertThat(v1.check()).isEqualTo("jdy/pur/pur_inbound_list");
        assertThat(v2.check()).isEqualTo("jdy/v2/scm/pur_inbound");
        assertThat(v1.checkOperation()).hasValueSatisfying(op -> assertThat(op.id()).isEqualTo(v1.check()));
        assertThat(v2.checkOperation()).hasValueSatisfying(op -> assertThat(op.id()).isEqualTo(v2.check()));
    }

    @Test
    void theSandboxIsDiscoveredAsKingdee() {
        assertThat(ServiceLoader.load(Sandbox.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).map(Sandbox::id)).contains("kingdee");
    }

    @Test
    void v1ConnectionFieldsKeepSecretsSecret() {
        assertThat(v1.connection()).extracting(ConnectionField::name)
                .containsExactly("baseUrl", "clientId", "clientSecret", "username", "password", "accountName");
        assertThat(v1.connection()).filteredOn(ConnectionField::secret).extracting(ConnectionField::name)
                .containsExactly("clientSecret", "password");
        assertThat(v1.connectionField("baseUrl").orElseThrow().defaultValue()).isEqualTo("https://api.kingdee.com");
        assertThat(v1.connectionField("accountName").orElseThrow().required()).isFalse();
    }

    @Test
    void onlyTheBaseUrlIsADestinationInBothVersions() {
        for (ConnectorDefinition definition : List.of(v1, v2)) {
            assertThat(definition.connection()).filteredOn(ConnectionField::routesRequests)
                    .extracting(ConnectionField::name).as(definition.id()).containsExactly("baseUrl");
            assertThat(definition.connectionField("baseUrl").orElseThrow().destination()).isTrue();
        }
    }

    @Test
    void v2ConnectionFieldsKeepSecretsSecret() {
        assertThat(v2.connection()).extracting(ConnectionField::name)
                .containsExactly("baseUrl", "clientId", "clientSecret", "appKey", "appSecret");
        assertThat(v2.connection()).filteredOn(ConnectionField::secret).extracting(ConnectionField::name)
                .containsExactly("clientSecret", "appSecret");
    }

    @Test
    void theInboundListDeclaresTheSeventeenRequestParamsOfTheFieldDictionary() {
        OperationDefinition list = v1.operation("jdy/pur/pur_inbound_list").orElseThrow();
        assertThat(list.params()).extracting(ParamDefinition::name).containsExactly("deptid", "empid", "supplierid",
                "billstatus", "startdate", "enddate", "begindate", "expiredate", "starttime", "endtime", "begintime",
                "expiretime", "startbilldate", "endbilldate", "search", "page", "pagesize");
        assertThat(list.param("billstatus").orElseThrow().label().zh())
                .isEqualTo("单据状态(所有:“”,已审核:“C”,未审核:“Z”)");
        assertThat(list.param("begintime").orElseThrow().label().zh())
                .isEqualTo("开始时间(格式:“时间戳”,-1表示不过滤),修改时间");
        assertThat(list.params()).allSatisfy(p -> assertThat(p.label().en()).isNotEqualTo(p.label().zh()));
    }

    @Test
    void theInboundListDeclaresTheHundredFortyResponseFields() {
        OperationDefinition list = v1.operation("jdy/pur/pur_inbound_list").orElseThrow();
        assertThat(list.fields()).hasSize(140);
        assertThat(list.field("material_entity").orElseThrow().type()).isEqualTo("array");
        assertThat(list.topLevelFields()).hasSize(62);
        assertThat(list.childrenOf("material_entity")).hasSize(78);
        assertThat(list.field("totalunsettleamount").orElseThrow().label().zh()).isEqualTo("已核销金额");
        assertThat(list.field("material_entity.unitcost_view").orElseThrow().label().zh()).isEqualTo("入库单位成本");
        assertThat(list.fields()).allSatisfy(f -> assertThat(f.label().en()).isNotBlank().isNotEqualTo(f.label().zh()));
    }

    @Test
    void theInboundListPagesByPageNumberAndTakesTheModifyTimeWindow() {
        OperationDefinition list = v1.operation("jdy/pur/pur_inbound_list").orElseThrow();
        assertThat(list.role()).isEqualTo(OperationRole.QUERY);
        assertThat(list.request().method()).isEqualTo("POST");
        assertThat(list.records()).isEqualTo("data.rows");
        assertThat(list.key()).isEqualTo("id");
        assertThat(list.code()).isEqualTo("billno");
        assertThat(list.paging().page()).isEqualTo("page");
        assertThat(list.paging().size()).isEqualTo("pagesize");
        assertThat(list.paging().first()).isEqualTo(1);
        assertThat(list.paging().maxSize()).isEqualTo(100);
        assertThat(list.paging().defaultSize()).isEqualTo(10);
        assertThat(list.paging().stop()).isEqualTo(StopRule.SHORT_PAGE);
        assertThat(list.paging().total()).isEqualTo("data.count");
        assertThat(list.window().start()).isEqualTo("begintime");
        assertThat(list.window().end()).isEqualTo("expiretime");
        assertThat(list.window().format()).isEqualTo(TimeFormat.EPOCH_MILLIS);
        assertThat(v1.successOf(list)).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("errcode");
            assertThat(s.accepted()).containsExactly("0");
        });
    }

    @Test
    void theDetailReadsOneBillWithTheListsFields() {
        OperationDefinition list = v1.operation("jdy/pur/pur_inbound_list").orElseThrow();
        OperationDefinition detail = v1.operation("jdy/pur/pur_inbound_detail").orElseThrow();
        assertThat(detail.records()).isEqualTo("data");
        assertThat(detail.paging()).isNull();
        assertThat(detail.params()).extracting(ParamDefinition::name).containsExactly("id", "number");
        assertThat(detail.fields()).isEqualTo(list.fields());
    }

    @Test
    void theMaterialListPagesLikeTheBillList() {
        OperationDefinition materials = v1.operation("jdy/basedata/material_list").orElseThrow();
        assertThat(materials.paging().maxSize()).isEqualTo(100);
        assertThat(materials.param("search")).isPresent();
        assertThat(materials.fields()).extracting(FieldDefinition::name).contains("id", "number", "name", "model",
                "barcode", "baseunit_id", "baseunit_name", "baseunit_number", "isbatch", "iskfperiod", "createtime",
                "modifytime");
    }

    @Test
    void errorRulesClassifyAuthThrottlingAndFailuresWithoutAnAnswer() {
        for (ConnectorDefinition definition : List.of(v1, v2)) {
            assertThat(definition.errors().code()).containsExactly("errcode");
            assertThat(definition.errors().httpStatus().get(ErrorClass.AUTH)).contains(519);
            assertThat(definition.errors().httpStatus().get(ErrorClass.THROTTLED)).contains(429);
            assertThat(definition.errors().classes().get(ErrorClass.AUTH)).contains("10011");
            assertThat(definition.errors().malformed()).isEqualTo(ErrorClass.RETRYABLE);
            assertThat(definition.errors().transport()).isEqualTo(ErrorClass.RETRYABLE);
        }
        assertThat(v1.errors().message()).containsExactly("description", "msg");
        assertThat(v1.errors().classes().get(ErrorClass.AUTH)).contains("10010", "10012", "10013");
        assertThat(v1.errors().classes().get(ErrorClass.THROTTLED)).containsExactly("10029");
    }

    @Test
    void theV2ErrorRulesKnowTheGatewaysOwnCodesAndPreferItsChineseText() {
        assertThat(v2.errors().message()).startsWith("description_cn", "description");
        assertThat(v2.errors().classes().get(ErrorClass.AUTH)).contains("4003", "4008", "4010", "4011");
        assertThat(v2.errors().classes().get(ErrorClass.THROTTLED)).containsExactly("5007");
        assertThat(v2.errors().classes().get(ErrorClass.VALIDATION)).contains("5001", "5002");
        assertThat(ErrorClass.VALIDATION.retryable()).isFalse();
    }

    @Test
    void theV2ListIsAQueryStyleGetWithAModifyTimeWindow() {
        OperationDefinition list = v2.operation("jdy/v2/scm/pur_inbound").orElseThrow();
        assertThat(list.request().method()).isEqualTo("GET");
        assertThat(list.request().body().name()).isEqualTo("QUERY");
        assertThat(list.records()).isEqualTo("data.rows");
        assertThat(list.key()).isEqualTo("id");
        assertThat(list.code()).isEqualTo("bill_no");
        assertThat(list.paging().size()).isEqualTo("page_size");
        assertThat(list.paging().maxSize()).isEqualTo(100);
        assertThat(list.window().start()).isEqualTo("modify_start_time");
        assertThat(list.window().end()).isEqualTo("modify_end_time");
    }
}
