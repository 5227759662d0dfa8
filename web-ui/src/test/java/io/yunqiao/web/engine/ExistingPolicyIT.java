package io.yunqiao.web.engine;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RecordLog;
import io.yunqiao.run.RecordLogRepository;
import io.yunqiao.run.RecordStatus;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.run.TargetOverlaps;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionSpec.Existing;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.MockUi;
import io.yunqiao.web.SharedPlatform;
import io.yunqiao.web.runs.RunFixtures;
import io.yunqiao.web.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * The already-exists policy end to end over real HTTP against the mounted sandboxes: a first solution (the demo)
 * has written the customers to Jackyun, and a second one writes the same customers again: the seed template's copy
 * counts them as already existing (skipped), an update policy sends them through {@code crm.customer.update}, and
 * the copy wizard warns before the copy is made.
 */
@SharedPlatform
class ExistingPolicyIT {

    private static final String SEED = "kingdee-pur-inbound-to-jackyun-customer";
    private static final String UPDATE = "crm.customer.update";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    RecordLogRepository logs;

    @Autowired
    TargetOverlaps overlaps;

    private SandboxAdmin sandboxes;
    private long kingdee;
    private long jackyun;

    @BeforeEach
    void freshSandboxesAndConnections() {
        sandboxes = new SandboxAdmin(port);
        SandboxAdmin.Connected connected = sandboxes.freshPlatform(solutions, connections);
        kingdee = connected.kingdee();
        jackyun = connected.jackyun();
    }

    @AfterEach
    void stopUi() {
        MockUi.stop();
    }

    /** A copy of the seed template on the sandboxes, over the sandbox's whole 30 days, with {@code existing}. */
    private SolutionView seedCopy(String name, Existing existing) {
        SolutionView copied = templates.copy(SEED, name, kingdee, jackyun);
        SolutionSpec s = copied.spec();
        return solutions.update(copied.id(), new SolutionSpec(s.name(), s.description(), s.source(),
                new SolutionSpec.Window("P31D", 300, 744), s.target(), s.dedupe(), new SolutionSpec.RateLimit(0),
                s.retry(), s.schedule(), s.alerts(), s.logLevel(), s.split(), s.group(), s.details(), existing),
                "whole data set");
    }

    /** The demo solution has run: one customer per supplier is at Jackyun. Answers how many. */
    private int theDemoWroteTheCustomers() {
        Run demo = engine.runNow(seedCopy("演示方案", Existing.FAIL).id(), RunTrigger.MANUAL, false);
        assertThat(demo.getStatus()).as(demo.getError()).isEqualTo(RunStatus.SUCCESS);
        int customers = sandboxes.customers().get("count").asInt();
        assertThat(customers).isPositive().isEqualTo(demo.getWritten());
        return customers;
    }

    private List<RecordLog> logsOf(Run run) {
        return logs.findByRunIdOrderById(run.getId(), Pageable.unpaged());
    }

    private static List<String> customerNames(JsonNode customers) {
        List<String> names = new ArrayList<>();
        customers.get("customers").forEach(c -> names.add(c.get("nickname").asText()));
        return names;
    }

    @Test
    void everyShippedTemplateThatAddsCustomersSkipsThoseThatAlreadyExistAndItsExportKeepsThat() {
        // given the shipped templates that add Jackyun customers (master data)
        List<String> adding = templates.list().stream()
                // templates other tests published on the shared platform are not shipped ones
                .filter(t -> t.builtIn() && t.solution().target().operation().equals("crm.customer.add"))
                .map(t -> t.id()).toList();
        assertThat(adding).hasSize(5);
        for (String id : adding) {
            // when one is copied, exported and imported again
            SolutionView copy = templates.copy(id, "复制 " + id, null, null);
            SolutionView imported = solutions.importJson(solutions.export(copy.id()));

            // then the copy and the imported solution skip what already exists
            assertThat(copy.spec().existing()).as(id).isEqualTo(new Existing(Policy.SKIP, null, null));
            assertThat(imported.spec().existing()).as(id).isEqualTo(new Existing(Policy.SKIP, null, null));
        }
    }

    @Test
    void anUpdateMappingThatDoesNotParseIsRefusedByTheRestApiInChineseNamingTheFieldAndNothingIsSaved()
            throws Exception {
        // given a copy of the seed template
        SolutionView copy = templates.copy(SEED, "更新映射有误", kingdee, jackyun);
        ObjectNode spec = JSON.valueToTree(copy.spec());
        spec.putObject("existing").put("policy", "UPDATE").put("operation", UPDATE)
                .put("mapping", "{\n  \"customerCode\": supplierid_number\n  \"nickname\": supplierid_name\n}");

        // when a version with an update mapping missing a comma is saved through the REST API
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/solutions/" + copy.id()))
                .header("Authorization", RunFixtures.basic("admin", SandboxAdmin.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("comment", "更新")
                        .set("solution", spec).toString())).build(), HttpResponse.BodyHandlers.ofString());

        // then it is refused in Chinese at the field, with line and column, and the solution is unchanged
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(answer.body());
        assertThat(refusal.path("code").asText()).isEqualTo("problem.existing.mappingSyntax");
        assertThat(refusal.path("field").asText()).isEqualTo("existing.mapping");
        assertThat(refusal.path("message").asText()).containsPattern("第 \\d+ 行第 \\d+ 列");
        assertThat(solutions.get(copy.id()).version()).isEqualTo(1);
    }

    @Test
    void theSeedTemplateCopiedOntoATargetThatHoldsItsCustomersEndsWithNoFailures() {
        // given the demo solution wrote the customers of every supplier to Jackyun
        int customers = theDemoWroteTheCustomers();

        // when the seed template is copied onto the same connections and run
        SolutionView copy = templates.copy(SEED, "种子方案副本", kingdee, jackyun);
        assertThat(copy.spec().existing().policy()).as("the template's policy survives the copy")
                .isEqualTo(Policy.SKIP);
        Run run = engine.runNow(seedCopy("种子方案副本二", copy.spec().existing()).id(), RunTrigger.MANUAL, false);

        // then no record failed: every bill is counted as skipped, and nothing new was stored at Jackyun
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFetched()).isEqualTo(1000);
        assertThat(run.getFailed()).isZero();
        assertThat(run.getWritten()).isZero();
        assertThat(run.getSkipped()).isEqualTo(1000);
        assertThat(sandboxes.customers().get("count").asInt()).isEqualTo(customers);
        // and the log says why, in the user's words, with the target's own answer
        List<RecordLog> logged = logsOf(run);
        assertThat(logged).allSatisfy(log -> assertThat(log.getStatus()).isEqualTo(RecordStatus.SKIPPED));
        List<RecordLog> existing = logged.stream().filter(log -> log.getMessage().contains("计为已存在")).toList();
        assertThat(existing).hasSizeGreaterThanOrEqualTo(customers).allSatisfy(log -> {
            assertThat(log.getMessage()).contains("客户编号已存在");
            assertThat(log.message(Locale.ENGLISH)).contains("counted as already existing");
            assertThat(log.getErrorClass()).isNull();
        });
    }

    @Test
    void underUpdateTheCustomersTheTargetHoldsAreUpdatedOnceEachThroughTheUpdateOperation() {
        // given the demo solution wrote the customers
        int customers = theDemoWroteTheCustomers();

        // when a copy whose policy updates them runs
        SolutionView updating = seedCopy("更新客户名称", new Existing(Policy.UPDATE, UPDATE,
                "{\"customerCode\": supplierid_number, \"nickname\": supplierid_name & \"（已更新）\"}"));
        Run run = engine.runNow(updating.id(), RunTrigger.MANUAL, false);

        // then every customer was updated once, nothing failed, and the other bills are duplicates
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.getFailed()).isZero();
        assertThat(run.getWritten()).isEqualTo(customers);
        assertThat(run.getSkipped()).isEqualTo(1000 - customers);
        JsonNode stored = sandboxes.customers();
        assertThat(stored.get("count").asInt()).isEqualTo(customers);
        assertThat(customerNames(stored)).allSatisfy(name -> assertThat(name).endsWith("（已更新）"));
        List<Integer> updateCalls = new ArrayList<>();
        stored.get("updateCalls").forEach(calls -> updateCalls.add(calls.asInt()));
        assertThat(updateCalls).hasSize(customers).containsOnly(1);
        // and each written record's log shows the update that was sent and why
        List<RecordLog> updated = logsOf(run).stream().filter(log -> log.getStatus() == RecordStatus.SUCCESS)
                .toList();
        assertThat(updated).hasSize(customers).allSatisfy(log -> {
            assertThat(log.getRequest()).contains("（已更新）").contains(UPDATE);
            assertThat(log.getMessage()).contains("客户编号已存在").contains(UPDATE).contains("更新成功");
        });
    }

    @Test
    void anUpdateTheTargetRefusesFailsTheRecordWithTheUpdatesOwnError() {
        // given the demo solution wrote the customers, and an update mapping whose age the gateway refuses
        theDemoWroteTheCustomers();
        SolutionView updating = seedCopy("更新年龄", new Existing(Policy.UPDATE, UPDATE,
                "{\"customerCode\": supplierid_number, \"age\": \"200\"}"));

        // when it runs
        Run run = engine.runNow(updating.id(), RunTrigger.MANUAL, false);

        // then every record failed with the gateway's answer to the update, which the log shows beside the request
        assertThat(run.getWritten()).isZero();
        assertThat(run.getFailed()).isEqualTo(run.getFetched()).isEqualTo(1000);
        assertThat(logsOf(run)).hasSize(1000).allSatisfy(log -> {
            assertThat(log.getStatus()).isEqualTo(RecordStatus.FAILED);
            assertThat(log.getErrorClass()).isEqualTo("VALIDATION");
            assertThat(log.getMessage()).contains("客户编号已存在").contains("更新失败").contains("age");
            assertThat(log.getRequest()).contains(UPDATE).contains("age").contains("200");
        });
        // and nothing changed at the target
        assertThat(customerNames(sandboxes.customers())).noneSatisfy(name -> assertThat(name).contains("已更新"));
    }

    @Test
    void theSolutionsThatWroteTheSameKeysThroughATargetConnectionAreFound() {
        // given a solution that wrote the customers through the same operation but keyed by name, then (on a Jackyun
        // emptied meanwhile) the demo solution, keyed by customer code as the seed template is
        SolutionView byName = seedCopy("按名称去重", Existing.FAIL);
        SolutionSpec spec = byName.spec();
        solutions.update(byName.id(), new SolutionSpec(spec.name(), null, spec.source(), spec.window(),
                spec.target(), new SolutionSpec.Dedupe("nickname"), spec.rateLimit(), spec.retry(), spec.schedule(),
                spec.alerts()), "by name");
        Run keyedByName = engine.runNow(byName.id(), RunTrigger.MANUAL, false);
        assertThat(keyedByName.getWritten()).isPositive();
        sandboxes.post("/jackyun/_admin/reset", "");
        int customers = theDemoWroteTheCustomers();
        long demo = solutions.list().stream().filter(s -> s.name().equals("演示方案")).findFirst().orElseThrow().id();
        SolutionSpec seed = templates.get(SEED).solution();

        // when the overlaps of the seed template on the Jackyun connection are asked
        List<TargetOverlaps.Overlap> found = overlaps.of(seed, jackyun, null);

        // then only the demo is named, with the keys it wrote; on another connection, or for the demo itself, none
        assertThat(found).containsExactly(new TargetOverlaps.Overlap(demo, "演示方案", customers));
        assertThat(overlaps.of(seed, kingdee, null)).isEmpty();
        assertThat(overlaps.of(seed, jackyun, demo)).isEmpty();
    }

    @Test
    void theCopyWizardWarnsThatTheTargetHoldsTheDemosCustomersAndWhatTheCopyWillDo() {
        // given the demo solution wrote the customers
        int customers = theDemoWroteTheCustomers();
        MockUi.start(context, "admin", Role.ADMIN);
        UI.getCurrent().navigate("templates");

        // when the administrator copies the seed template and picks the Jackyun sandbox as target
        _click(_get(Button.class, spec -> spec.withId("copy-" + SEED)));
        @SuppressWarnings("unchecked")
        ComboBox<ConnectionView> target = (ComboBox<ConnectionView>) _get(Component.class,
                spec -> spec.withId("copy-target"));
        target.clear();
        ComboBoxKt.selectByLabel(target, "吉客云沙箱");

        // then the wizard names the demo and the customers it wrote, and says they will be skipped, not failed
        Div warning = _get(Div.class, spec -> spec.withId("copy-existing-warning"));
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getElement().getTextRecursively()).contains("吉客云沙箱", "演示方案",
                NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(customers), "customerCode",
                "已存在", "跳过");

        // and without a target connection there is nothing to warn of
        target.clear();
        assertThat(warning.isVisible()).isFalse();
    }
}
