package io.yunqiao.web.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.security.Role;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The connector catalog, server-side: every installed connector with its operations, parameters and fields, and a
 * search that narrows them by id or label in either language.
 */
@SharedPlatform
class ConnectorCatalogViewIT {

    private static final String ADD_CUSTOMER = "crm.customer.add";
    private static final String PURCHASE_BILLS = "jdy/pur/pur_inbound_list";

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectorRegistry registry;

    @BeforeEach
    void openTheCatalogAsAReader() {
        MockUi.start(context, "reader", Role.VIEWER);
        UI.getCurrent().navigate("connectors");
    }

    @AfterEach
    void stop() {
        MockUi.stop();
    }

    private static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("catalog-search")), text);
    }

    private static boolean shown(String id) {
        return !_find(Details.class, spec -> spec.withId(id)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldPathsOf(String operationId) {
        Grid<FieldDefinition> grid = (Grid<FieldDefinition>) _get(Component.class,
                spec -> spec.withId("catalog-fields-" + operationId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).name()).toList();
    }

    @Test
    void eachConnectorSaysWhereItsDefinitionComesFrom() {
        // then a built-in connector says it is built in, so an administrator knows it is not changed here
        Details jackyun = _get(Details.class, spec -> spec.withId("catalog-connector-jackyun"));
        assertThat(jackyun.getElement().getTextRecursively()).contains("来源：平台内置");
    }

    @Test
    void aReaderDoesNotSeeThePluginsFolderAndAnAdministratorDoes() {
        // given a reader, then no plugins panel
        assertThat(_find(Details.class, spec -> spec.withId("catalog-plugins"))).isEmpty();

        // when an administrator opens the catalog, then the plugins folder is described (this test has no jars)
        MockUi.stop();
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("connectors");
        Details plugins = _get(Details.class, spec -> spec.withId("catalog-plugins"));
        assertThat(plugins.getSummaryText()).isEqualTo("插件目录：已加载 0 个 jar，跳过 0 个");
        assertThat(plugins.getElement().getTextRecursively()).contains("插件目录中没有 jar");
    }

    @Test
    void listsEveryInstalledConnectorWithEachOfItsOperations() {
        // then both seed connectors are there, and every installed connector and operation has its panel
        assertThat(registry.definitions()).extracting(ConnectorDefinition::id).contains("kingdee-jdy", "jackyun");
        for (ConnectorDefinition connector : registry.definitions()) {
            Details section = _get(Details.class, spec -> spec.withId("catalog-connector-" + connector.id()));
            assertThat(section.getElement().getTextRecursively()).contains(connector.name().zh());
            for (OperationDefinition operation : connector.operations()) {
                assertThat(shown("catalog-operation-" + operation.id())).as(operation.id()).isTrue();
            }
        }
    }

    @Test
    void anOperationShowsItsParametersAndFieldsWithTheirLabels() {
        // when the purchase bills operation is looked at
        Details panel = _get(Details.class, spec -> spec.withId("catalog-operation-" + PURCHASE_BILLS));

        // then its paging and window are described, and its grids list every parameter and field
        OperationDefinition operation = registry.operation("kingdee-jdy", PURCHASE_BILLS);
        assertThat(panel.getElement().getTextRecursively()).contains(operation.title().zh())
                .contains(operation.paging().size()).contains(operation.window().start());
        assertThat(fieldPathsOf(PURCHASE_BILLS)).containsExactlyElementsOf(
                operation.fields().stream().map(FieldDefinition::name).toList());
        @SuppressWarnings("unchecked")
        Grid<Object> params = (Grid<Object>) _get(Component.class,
                spec -> spec.withId("catalog-params-" + PURCHASE_BILLS));
        assertThat(GridKt._size(params)).isEqualTo(operation.params().size());
    }

    @Test
    void searchingAChineseFieldLabelShowsOnlyTheOperationsHavingSuchAField() {
        // when someone searches for the Jackyun field label 客户编号 (customer code)
        search("客户编号");

        // then the add-customer operation is shown and opened with just the matching field; Kingdee is hidden
        assertThat(shown("catalog-operation-" + ADD_CUSTOMER)).isTrue();
        assertThat(_get(Details.class, spec -> spec.withId("catalog-operation-" + ADD_CUSTOMER)).isOpened()).isTrue();
        assertThat(fieldPathsOf(ADD_CUSTOMER)).containsExactly("customerCode");
        assertThat(shown("catalog-operation-" + PURCHASE_BILLS)).isFalse();
        assertThat(shown("catalog-connector-kingdee-jdy")).isFalse();
    }

    @Test
    void searchingAnEnglishLabelFindsTheKingdeeField() {
        // when someone searches for "supplier number" in lower case
        search("supplier number");

        // then the purchase bills operation is shown with its supplier number field, and Jackyun is hidden
        assertThat(shown("catalog-operation-" + PURCHASE_BILLS)).isTrue();
        assertThat(fieldPathsOf(PURCHASE_BILLS)).contains("supplierid_number").doesNotContain("billno");
        assertThat(shown("catalog-connector-jackyun")).isFalse();
    }

    @Test
    void searchingAnOperationIdShowsThatOperationWithAllItsFields() {
        // when someone searches for an operation's id
        search(ADD_CUSTOMER);

        // then it is shown with every field, and operations of other connectors are not
        assertThat(shown("catalog-operation-" + ADD_CUSTOMER)).isTrue();
        assertThat(fieldPathsOf(ADD_CUSTOMER)).hasSize(registry.operation("jackyun", ADD_CUSTOMER).fields().size());
        assertThat(shown("catalog-operation-" + PURCHASE_BILLS)).isFalse();
    }

    @Test
    void aSearchWithoutMatchSaysSoAndClearingItShowsEverythingAgain() {
        // when the search matches nothing
        search("没有这个字段-xyz");

        // then no connector is shown and the page says so
        _assertNone(Details.class, spec -> spec.withId("catalog-connector-jackyun"));
        assertThat(_get(Span.class, spec -> spec.withId("catalog-no-match")).getText()).contains("没有这个字段-xyz");

        // and when the search is cleared, everything is back
        search("");
        assertThat(shown("catalog-connector-jackyun")).isTrue();
        assertThat(shown("catalog-operation-" + PURCHASE_BILLS)).isTrue();
        assertThat(fieldPathsOf(ADD_CUSTOMER)).hasSize(registry.operation("jackyun", ADD_CUSTOMER).fields().size());
        _assertNone(Span.class, spec -> spec.withId("catalog-no-match"));
    }
}
