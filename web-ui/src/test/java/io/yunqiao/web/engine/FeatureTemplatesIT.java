package io.yunqiao.web.engine;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.TemplateCopy;
import io.yunqiao.template.Templates;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.shell.Notices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * The templates that use split, group, detail lookups and value maps, each copied onto the mounted sandboxes'
 * connections and run as shipped (only widened to the sandbox's whole 30 days and unthrottled, as SeedSolutionIT
 * does): records are written, a second run writes nothing new, nothing fails.
 */
@SharedPlatform
class FeatureTemplatesIT {

    private static final String LINES = "kingdee-pur-inbound-lines-to-jackyun-goods";
    private static final String V2_LINES = "kingdee-v2-pur-inbound-lines-to-jackyun-goods";
    private static final String BY_SUPPLIER = "kingdee-pur-inbound-by-supplier-to-jackyun-customer";
    private static final String TRANSTYPE = "kingdee-pur-inbound-transtype-to-jackyun-customer";
    private static final String WITH_MATERIAL = "kingdee-pur-inbound-lines-with-material-to-jackyun-goods";
    private static final String AUDITED = "kingdee-audited-bill-customers-to-jackyun";
    private static final String TABLE = "金蝶采购业务类型";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectorClient client;

    @Autowired
    ValueMapTables valueMaps;

    @Autowired
    ApplicationContext context;

    @Autowired
    RecordLogRepository logs;

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        forgetTheShippedTable();
        kingdee = connected.kingdee();
        jackyun = connected.jackyun();
    }

    /** The value map the template ships is the platform's data: other classes must not find it. */
    @AfterEach
    void forgetTheShippedTable() {
        MockUi.stop();
        if (valueMaps.names().contains(TABLE)) {
            valueMaps.delete(TABLE, true);
        }
    }

    /** The template copied onto {@code source} and Jackyun, widened to the sandbox's 30 days, unthrottled. */
    private SolutionView copied(String template, long source) {
        SolutionView copy = templates.copy(template, "复制 " + template, source, jackyun);
        SolutionSpec s = copy.spec();
        return solutions.update(copy.id(), new SolutionSpec(s.name(), s.description(), s.source(),
                new SolutionSpec.Window("P31D", 300, 744), s.target(), s.dedupe(), new SolutionSpec.RateLimit(0),
                s.retry(), s.schedule(), s.alerts(), s.logLevel(), s.split(), s.group(), s.details(), s.existing())
                .withFilter(s.filter()), "whole data set");
    }

    private Run run(SolutionView solution) {
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFailed()).isZero();
        return run;
    }

    /** Every bill of the V1 sandbox, read independently through the connector. */
    private List<JsonNode> allBills(long connection, String operation) {
        return allBills(connection, operation, Map.of());
    }

    /** Every bill of the V1 sandbox that {@code params} select, read independently through the connector. */
    private List<JsonNode> allBills(long connection, String operation, Map<String, Object> params) {
        List<JsonNode> bills = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        QueryPage answer;
        do {
            answer = client.query(connections.runtime(connection), operation, params, page);
            bills.addAll(answer.records());
            page = answer.next();
        } while (answer.hasMore());
        return bills;
    }

    private static Map<String, Integer> addCalls(JsonNode snapshot) {
        Map<String, Integer> calls = new TreeMap<>();
        snapshot.get("addCalls").properties().forEach(e -> calls.put(e.getKey(), e.getValue().asInt()));
        return calls;
    }

    private JsonNode goods() {
        return sandboxes.get("/jackyun/_admin/goods");
    }

    @Test
    void theBillLinesTemplateWritesOneGoodsItemPerDistinctMaterialAndASecondRunNothingNew() {
        // given the bill-lines template copied onto the sandboxes
        SolutionView solution = copied(LINES, kingdee);
        List<JsonNode> bills = allBills(kingdee, "jdy/pur/pur_inbound_list");
        Set<String> materials = new HashSet<>();
        int lines = 0;
        for (JsonNode bill : bills) {
            for (JsonNode line : bill.get("material_entity")) {
                materials.add(line.get("materialid_number").asText());
                lines++;
            }
        }

        // when it runs
        Run first = run(solution);

        // then every line was read, and one goods item per distinct material was added once, named and priced
        assertThat(first.getFetched()).isEqualTo(lines);
        assertThat(first.getWritten()).isEqualTo(materials.size());
        JsonNode goods = goods();
        assertThat(addCalls(goods).keySet()).isEqualTo(materials);
        assertThat(addCalls(goods).values()).containsOnly(1);
        for (JsonNode item : goods.get("goods")) {
            assertThat(item.get("goodsName").asText()).isNotBlank();
            assertThat(item.get("unitName").asText()).isNotBlank();
            assertThat(item.get("purchasePrice").asText()).matches("\\d+\\.\\d{2}");
            assertThat(item.get("remark").asText()).startsWith("来自金蝶采购入库单 CGRK");
        }

        // when it runs again, then nothing new is written
        Run second = run(solution);
        assertThat(second.getWritten()).isZero();
        assertThat(addCalls(goods())).isEqualTo(addCalls(goods));
    }

    @Test
    void theDetailLookupTemplateGivesEachGoodsItemItsMaterialsCategoryAndRetailPriceAndASecondRunNothingNew() {
        // given the detail-lookup template copied onto the sandboxes, and every material of the Kingdee catalogue
        SolutionView solution = copied(WITH_MATERIAL, kingdee);
        Map<String, JsonNode> materialsByNumber = new HashMap<>();
        allBills(kingdee, "jdy/basedata/material_list")
                .forEach(m -> materialsByNumber.put(m.get("number").asText(), m));
        Set<String> materials = new HashSet<>();
        allBills(kingdee, "jdy/pur/pur_inbound_list").forEach(bill -> bill.get("material_entity")
                .forEach(line -> materials.add(line.get("materialid_number").asText())));

        // when it runs
        Run first = run(solution);

        // then one goods item per distinct material was added once, with the category and retail price of that
        // material, which only the lookup gave (the bill lines carry neither)
        assertThat(first.getWritten()).isEqualTo(materials.size());
        JsonNode goods = goods();
        assertThat(addCalls(goods).keySet()).isEqualTo(materials);
        assertThat(addCalls(goods).values()).containsOnly(1);
        for (JsonNode item : goods.get("goods")) {
            JsonNode material = materialsByNumber.get(item.get("goodsNo").asText());
            assertThat(item.get("categoryName").asText()).isNotBlank()
                    .isEqualTo(material.get("parent_name").asText());
            assertThat(item.get("retailPrice").asText()).isEqualTo(material.get("retailprice").asText());
        }

        // when it runs again, then nothing new is written
        assertThat(run(solution).getWritten()).isZero();
        assertThat(addCalls(goods())).isEqualTo(addCalls(goods));
    }

    @Test
    void theV2BillLinesTemplateWritesTheSameGoodsThroughTheSignedGateway() {
        // given the V2 bill-lines template copied onto a V2 connection of the sandbox
        long v2 = connections.create(new ConnectionDraft("金蝶沙箱 V2", "kingdee-jdy-v2", Map.of(
                "baseUrl", sandboxes.kingdee(), "clientId", "yunqiao-v2-demo", "clientSecret", "demo-secret-v2",
                "appKey", "demo-app-key", "appSecret", "demo-app-secret"))).id();
        SolutionView solution = copied(V2_LINES, v2);
        Set<String> materials = new HashSet<>();
        allBills(kingdee, "jdy/pur/pur_inbound_list").forEach(bill -> bill.get("material_entity")
                .forEach(line -> materials.add(line.get("materialid_number").asText())));

        // when it runs twice
        Run first = run(solution);
        Run second = run(solution);

        // then one goods item per distinct material was added, once
        assertThat(first.getWritten()).isEqualTo(materials.size());
        assertThat(addCalls(goods()).keySet()).isEqualTo(materials);
        assertThat(addCalls(goods()).values()).containsOnly(1);
        assertThat(second.getWritten()).isZero();
    }

    @Test
    void theGroupedTemplateWritesOneCustomerPerSupplierListingItsBillsWithinTheBound() {
        // given the grouped template copied onto the sandboxes
        SolutionView solution = copied(BY_SUPPLIER, kingdee);
        Map<String, Set<String>> billsBySupplier = new HashMap<>();
        for (JsonNode bill : allBills(kingdee, "jdy/pur/pur_inbound_list")) {
            billsBySupplier.computeIfAbsent(bill.get("supplierid_number").asText(), s -> new HashSet<>())
                    .add(bill.get("billno").asText());
        }

        // when it runs
        Run first = run(solution);

        // then each supplier became one customer, added once, whose reminder counts and lists its bills
        assertThat(first.getFetched()).isEqualTo(1000);
        JsonNode customers = sandboxes.customers();
        assertThat(addCalls(customers).keySet()).isEqualTo(billsBySupplier.keySet());
        assertThat(addCalls(customers).values()).containsOnly(1);
        for (JsonNode customer : customers.get("customers")) {
            Set<String> own = billsBySupplier.get(customer.get("customerCode").asText());
            String reminder = customer.get("specialReminding").asText();
            String prefix = "金蝶采购入库单 " + own.size() + " 张：";
            assertThat(reminder).startsWith(prefix);
            String listed = reminder.substring(prefix.length());
            assertThat(listed.length()).isLessThanOrEqualTo(200);
            // the last number may be cut by the bound; every whole one is the supplier's
            String[] numbers = listed.split("、");
            for (int i = 0; i < numbers.length - 1; i++) {
                assertThat(own).contains(numbers[i]);
            }
        }

        // when it runs again, then nothing new is written
        Run second = run(solution);
        assertThat(second.getWritten()).isZero();
        assertThat(addCalls(sandboxes.customers())).isEqualTo(addCalls(customers));
    }

    @Test
    void theAuditedBillCustomersTemplateWritesTheBillsCustomersAndCountsTheBillsWithoutOneAsSkippedNotFailed() {
        // given the audited-bill customers template copied onto the sandboxes, and the audited bills: only
        // drop-ship bills carry a customer, the others a blank one
        SolutionView solution = copied(AUDITED, kingdee);
        assertThat(solution.spec().filter()).contains("customerid_number");
        List<JsonNode> audited = allBills(kingdee, "jdy/pur/pur_inbound_list", Map.of("billstatus", "C"));
        Set<String> customers = new HashSet<>();
        int withoutCustomer = 0;
        for (JsonNode bill : audited) {
            String customer = bill.path("customerid_number").asText();
            if (customer.isEmpty()) {
                withoutCustomer++;
            } else {
                customers.add(customer);
            }
        }
        assertThat(withoutCustomer).isPositive();
        assertThat(customers).isNotEmpty();

        // when it runs (run() asserts SUCCESS and zero failures)
        Run first = run(solution);

        // then each customer was added once; every other bill is skipped: left out by the filter when it has no
        // customer, a duplicate of a customer already written when it has one
        assertThat(first.getFetched()).isEqualTo(audited.size());
        assertThat(first.getWritten()).isEqualTo(customers.size());
        assertThat(first.getSkipped()).isEqualTo(audited.size() - customers.size());
        assertThat(addCalls(sandboxes.customers()).keySet()).isEqualTo(customers);
        assertThat(addCalls(sandboxes.customers()).values()).containsOnly(1);
        List<RecordLog> leftOut = logs.findByRunIdAndStatusOrderById(first.getId(), RecordStatus.SKIPPED,
                Pageable.unpaged()).stream().filter(log -> log.getMessage().contains("不符合筛选条件")).toList();
        assertThat(leftOut).hasSize(withoutCustomer).allSatisfy(log -> {
            assertThat(log.getRequest()).isNull();
            assertThat(log.message(Locale.ENGLISH)).contains("Left out by the record filter");
        });

        // when it runs again, then nothing new is written and still nothing fails
        assertThat(run(solution).getWritten()).isZero();
    }

    @Test
    void theValueMapTemplateCreatesItsTableAndWritesTheMappedCustomerType() {
        // given no table 金蝶采购业务类型, and the value-map template copied onto the sandboxes
        SolutionView solution = copied(TRANSTYPE, kingdee);
        assertThat(valueMaps.get(TABLE)).containsExactly(Map.entry("普通采购", "普通供应商"),
                Map.entry("直运采购", "直运供应商"));
        Map<String, Set<String>> typesBySupplier = new HashMap<>();
        for (JsonNode bill : allBills(kingdee, "jdy/pur/pur_inbound_list")) {
            typesBySupplier.computeIfAbsent(bill.get("supplierid_number").asText(), s -> new HashSet<>())
                    .add(valueMaps.get(TABLE).get(bill.get("transtype").asText()));
        }

        // when it runs
        run(solution);

        // then each supplier's customer has the customer type its bills' business type maps to
        JsonNode customers = sandboxes.customers();
        assertThat(customers.get("count").asInt()).isEqualTo(typesBySupplier.size());
        for (JsonNode customer : customers.get("customers")) {
            assertThat(typesBySupplier.get(customer.get("customerCode").asText()))
                    .contains(customer.get("customerTypeName").asText());
        }

        // when it runs again, then nothing new is written
        assertThat(run(solution).getWritten()).isZero();
    }

    @Test
    void aSecondCopyKeepsAnEditedTableAsItIsAndTheRestApiSaysSo() throws Exception {
        // given the table made by a first copy, then edited by the tenant
        templates.copy(TRANSTYPE, "第一份", kingdee, jackyun);
        valueMaps.edit(TABLE, Map.of("普通采购", "一般供应商"), List.of());

        // when the template is copied again through the REST API
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/templates/" + TRANSTYPE + "/copy"))
                .header("Authorization", RunFixtures.basic("admin", SandboxAdmin.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"第二份\",\"sourceConnection\":" + kingdee
                        + ",\"targetConnection\":" + jackyun + "}")).build(), HttpResponse.BodyHandlers.ofString());

        // then the copy is made, the answer names the table kept as it was, and the tenant's entry stays
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("name").asText()).isEqualTo("第二份");
        assertThat(body.path("id").asLong()).isPositive();
        assertThat(body.at("/valueMaps/kept/0").asText()).isEqualTo(TABLE);
        assertThat(body.at("/valueMaps/created")).isEmpty();
        assertThat(valueMaps.get(TABLE)).containsEntry("普通采购", "一般供应商");
    }

    @Test
    void aCopyWithTheSameEntriesReportsNothingAndARefusedCopyCreatesNoTable() {
        // given a first copy, which created the table
        TemplateCopy first = templates.copyTemplate(TRANSTYPE, "第一份", kingdee, jackyun);
        assertThat(first.valueMapsCreated()).containsExactly(TABLE);
        // when copied again with the table unchanged, then nothing is created or reported kept
        TemplateCopy second = templates.copyTemplate(TRANSTYPE, "第二份", kingdee, jackyun);
        assertThat(second.valueMapsCreated()).isEmpty();
        assertThat(second.valueMapsKept()).isEmpty();

        // given the table gone; when a copy is refused for its name (already taken)
        valueMaps.delete(TABLE, true);
        assertThatThrownBy(() -> templates.copyTemplate(TRANSTYPE, "第一份", kingdee, jackyun))
                .isInstanceOf(Problem.class);
        // then no table was created either
        assertThat(valueMaps.names()).doesNotContain(TABLE);
    }

    @Test
    void everyShippedTemplateShipsTheValueMapsItsMappingReads() {
        // given every shipped template; when the tables its mapping reads are listed
        Pattern call = Pattern.compile("\\$valueMap\\(\\s*\"([^\"]+)\"");
        for (SolutionTemplate template : templates.list().stream().filter(SolutionTemplate::builtIn).toList()) {
            Matcher m = call.matcher(template.solution().target().mapping());
            // then each is shipped with the template, so that the copy runs out of the box
            while (m.find()) {
                assertThat(template.valueMaps()).as(template.id()).containsKey(m.group(1));
            }
        }
    }

    @Test
    void theCopyWizardListsTheTemplatesValueMapsAndSaysWhichItKeptAsTheyWere() {
        // given the table made by a first copy, then edited by the tenant
        templates.copy(TRANSTYPE, "第一份", kingdee, jackyun);
        valueMaps.edit(TABLE, Map.of("直运采购", "代发供应商"), List.of());
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("templates");

        // when the administrator opens the value-map template's copy wizard
        _click(_get(Button.class, spec -> spec.withId("copy-" + TRANSTYPE)));

        // then the wizard names the table the template brings
        assertThat(_get(Div.class, spec -> spec.withId("copy-value-maps")).getText()).contains(TABLE, "保持原样");

        // when the copy is confirmed
        _setValue(_get(TextField.class, spec -> spec.withId("copy-name")), "第二份");
        _click(_get(Button.class, spec -> spec.withId("copy-confirm")));

        // then the copy is made, a notice says the table was kept as it was, and the tenant's entry stays
        assertThat(solutions.list()).extracting(SolutionView::name).contains("第二份");
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(Notices.text(n))
                .contains(TABLE, "已保持原样"));
        assertThat(valueMaps.get(TABLE)).containsEntry("直运采购", "代发供应商");
    }
}
