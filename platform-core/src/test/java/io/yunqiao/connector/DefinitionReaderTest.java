package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

    private static ConnectorDefinition readShop() throws IOException {
        try (InputStream in = DefinitionReaderTest.class.getClassLoader().getResourceAsStream("definitions/shop.yaml")) {
            return DefinitionReader.read("definitions/shop.yaml", in);
        }
    }

    private static ConnectorDefinition read(String yaml) {
        return DefinitionReader.read("broken.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String shopWith(String from, String to) throws IOException {
        try (InputStream in = DefinitionReaderTest.class.getClassLoader().getResourceAsStream("definitions/shop.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains(from);
            return yaml.replace(from, to);
        }
    }

    @Test
    void readsEveryPartOfAValidDefinition() throws IOException {
        ConnectorDefinition shop = readShop();
        assertThat(shop.id()).isEqualTo("test-shop");
        assertThat(shop.name().en()).isEqualTo("Test shop");
        assertThat(shop.connectionField("secret")).hasValueSatisfying(f -> assertThat(f.secret()).isTrue());
        OperationDefinition list = shop.operation("orders.list").orElseThrow();
        assertThat(list.role()).isEqualTo(OperationRole.QUERY);
        assertThat(list.paging().stop()).isEqualTo(StopRule.TOTAL_COUNT);
        assertThat(list.window().format()).isEqualTo(TimeFormat.EPOCH_SECONDS);
        assertThat(list.param("status").orElseThrow().values()).containsExactly("", "open", "closed");
        assertThat(list.childrenOf("lines")).extracting(FieldDefinition::name).containsExactly("lines.sku");
        OperationDefinition submit = shop.operation("tickets.submit").orElseThrow();
        assertThat(submit.request().body()).isEqualTo(BodyStyle.FORM_JSON_FIELD);
        assertThat(submit.request().form()).containsEntry("method", "tickets.submit");
    }

    @Test
    void anOperationRefinesTheConnectorsErrorRules() throws IOException {
        ConnectorDefinition shop = readShop();
        ErrorRules submit = shop.errorsOf(shop.operation("tickets.submit").orElseThrow());
        assertThat(submit.code()).containsExactly("subCode", "code");
        assertThat(submit.classes().get(ErrorClass.THROTTLED)).containsExactly("0999");
        assertThat(submit.classes().get(ErrorClass.AUTH)).containsExactly("BAD_TOKEN", "BAD_SECRET");
        assertThat(shop.successOf(shop.operation("orders.add").orElseThrow())).extracting(SuccessCondition::path)
                .containsExactly("status");
    }

    @Test
    void aSchemaViolationNamesTheFileThePathAndTheRule() throws IOException {
        String broken = shopWith("role: EXECUTE\n    title: { zh: 新增订单", "role: WRITE\n    title: { zh: 新增订单");
        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("'broken.yaml'")
                .hasMessageContaining("$.operations[2].role")
                .hasMessageContaining("(rule: enum)");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() throws IOException {
        String broken = shopWith("    records: data.items\n    key: id\n    code: number\n", "    code: number\n");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[0]")
                .hasMessageContaining("records")
                .hasMessageContaining("(rule: required)");
    }

    @Test
    void anUnknownPropertyIsRefused() throws IOException {
        String broken = shopWith("    key: id\n    code: number\n", "    key: id\n    code: number\n    colour: red\n");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("colour")
                .hasMessageContaining("(rule: additionalProperties)");
    }

    @Test
    void aKeyThatIsNotAFieldIsRefusedWithTheOperation() throws IOException {
        String broken = shopWith("    key: id\n    code: number\n", "    key: order_id\n    code: number\n");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("'broken.yaml' at $.operations[0] (orders.list)")
                .hasMessageContaining("key 'order_id' is not one of the operation's fields");
    }

    @Test
    void aLookUpIsReadWithItsMatchDefaultingToTheKey() throws IOException {
        LookUpSpec lookUp = readShop().operation("orders.add").orElseThrow().lookUp();
        assertThat(lookUp).isEqualTo(new LookUpSpec("orders.find", "number", "number", "number"));
    }

    @Test
    void aLookUpMustNameAQueryOperation() throws IOException {
        String broken = shopWith("lookUp: { operation: orders.find,", "lookUp: { operation: tickets.submit,");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("(orders.add)")
                .hasMessageContaining("lookUp.operation 'tickets.submit' is an EXECUTE operation");
    }

    @Test
    void aLookUpParameterMustBeDeclaredByTheQuery() throws IOException {
        String broken = shopWith("orders.find, param: number", "orders.find, param: code");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("lookUp.param 'code' is not one of the"
                + " operation's params");
    }

    @Test
    void aWindowParameterMustBeDeclared() throws IOException {
        String broken = shopWith("window: { start: from,", "window: { start: since,");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("window.start 'since' is not one of the "
                + "operation's params");
    }

    @Test
    void aNestedFieldNeedsItsParent() throws IOException {
        String broken = shopWith("      - { name: lines, type: array, label: { zh: 明细 } }\n", "");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("field 'lines.sku' is nested under 'lines'");
    }

    @Test
    void duplicateOperationIdsAreRefused() throws IOException {
        String broken = shopWith("id: orders.short", "id: orders.list");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("operation id 'orders.list' is declared twice");
    }

    private static String wireWith(String from, String to) throws IOException {
        try (InputStream in = DefinitionReaderTest.class.getClassLoader()
                .getResourceAsStream("definitions/wire.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains(from);
            return yaml.replace(from, to);
        }
    }

    @Test
    void anUnknownPagingTypeIsRefusedWithTheTypesThereAre() throws IOException {
        String broken = wireWith("type: offset-limit,", "type: seek,");
        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.definition.paging.unknownType");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("不认识的分页方式“seek”")
                            .contains("$.operations[2].paging.type");
                })
                .hasMessageContaining("'broken.yaml' at $.operations[2].paging.type: unknown paging type 'seek'")
                .hasMessageContaining("page-number, offset-limit, cursor, next-url, none");
    }

    @Test
    void theRemovedBodyStyleIsRefusedPointingToFormJsonField() throws IOException {
        String broken = shopWith("body: form-json-field, field: bizcontent,", "body: form-bizcontent,");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[4].request.body: unknown body style 'form-bizcontent'")
                .hasMessageContaining("use form-json-field and name that field with field");
    }

    @Test
    void aFormJsonFieldBodyNeedsItsField() throws IOException {
        String broken = shopWith("body: form-json-field, field: bizcontent,", "body: form-json-field,");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("$.operations[4].request")
                .hasMessageContaining("field").hasMessageContaining("(rule: required)");
    }

    @Test
    void aPathPlaceholderWithoutAPathParameterIsRefused() throws IOException {
        String broken = wireWith("path: /orders/{id}\n", "path: /orders/{id}/{line}\n");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("'broken.yaml' at $.operations[0].request.path: the path placeholder 'line'"
                        + " has no path parameter")
                .hasMessageContaining("Declare name: line with in: path under the params of operation orders.get");
    }

    @Test
    void aPathParameterMissingFromThePathIsRefused() throws IOException {
        String broken = wireWith("path: /orders/{id}\n", "path: /orders\n");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[0].params[0].in: parameter 'id' is declared in: path");
    }

    @Test
    void aParameterWithoutPlaceInARequestWithoutBodyIsRefused() throws IOException {
        String broken = wireWith("{ name: X-Trace, in: header,", "{ name: X-Trace,");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[0].params[1].in: parameter 'X-Trace' has no place");
    }

    @Test
    void aHeaderTheHttpClientOwnsIsRefused() throws IOException {
        String broken = wireWith("headers: { Accept: application/json }", "headers: { Host: example.com }");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[0].request.headers.Host: the header 'Host' is set by the"
                        + " platform's HTTP client");
    }

    @Test
    void aPagingPropertyOfAnotherTypeIsRefused() throws IOException {
        String broken = wireWith("type: offset-limit, offset: start,",
                "type: offset-limit, page: start, offset: start,");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[2].paging.page: paging type offset-limit has no property 'page'");
    }

    @Test
    void noPagingTakesNoPagingProperties() throws IOException {
        String broken = wireWith("paging: { type: none }", "paging: { type: none, maxSize: 10 }");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[6].paging.maxSize: paging type none has no property 'maxSize'");
    }

    @Test
    void aCursorParameterMustBeDeclared() throws IOException {
        String broken = wireWith("type: cursor, param: after,", "type: cursor, param: since,");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("$.operations[3].paging.param: the paging parameter 'since' is not a parameter"
                        + " of operation orders.cursor");
    }

    @Test
    void aCheckNamingAnUnknownOperationIsRefusedWithTheQueries() throws IOException {
        String broken = wireWith("check: orders.once", "check: orders.all");
        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("'broken.yaml' at $.check: the connection test's operation 'orders.all' is not"
                        + " an operation of this connector")
                .hasMessageContaining("orders.get, orders.pages");
    }

    @Test
    void aCheckNamingAnExecuteOperationIsRefusedBecauseATestMustNotWrite() throws IOException {
        String broken = wireWith("check: orders.once", "check: orders.delete");
        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.message(Locale.CHINESE))
                        .contains("是写入接口，测试连接不能写数据"))
                .hasMessageContaining("'orders.delete' is an EXECUTE operation, and a connection test must not"
                        + " write");
    }

    @Test
    void aCheckThatNeedsAValueIsRefused() throws IOException {
        String broken = wireWith("check: orders.once", "check: orders.get");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("needs values for id");
    }

    @Test
    void withoutCheckTheFirstQueryThatNeedsNoValuesIsTheConnectionTest() throws IOException {
        assertThat(readShop().check()).isNull();
        assertThat(readShop().checkOperation()).hasValueSatisfying(op -> assertThat(op.id())
                .isEqualTo("orders.short"));
    }

    @Test
    void pagingWithoutTypeIsPageNumber() throws IOException {
        PagingSpec paging = readShop().operation("orders.list").orElseThrow().paging();
        assertThat(paging.type()).isEqualTo(PagingType.PAGE_NUMBER);
        assertThat(paging.runtimeParams()).containsExactly("page", "size");
    }

    @Test
    void textThatIsNotYamlIsRefusedWithTheFile() {
        assertThatThrownBy(() -> read("id: [unclosed")).hasMessageContaining("'broken.yaml' is not valid YAML/JSON");
    }

    @Test
    void aDefinitionNamingAnUninstalledAuthSchemeIsRefusedByTheRegistry() throws IOException {
        ConnectorDefinition shop = readShop();
        assertThatThrownBy(() -> ConnectorRegistry.of(java.util.List.of(shop), java.util.List.of()))
                .hasMessageContaining("no auth scheme 'test-token' is installed");
    }
}
