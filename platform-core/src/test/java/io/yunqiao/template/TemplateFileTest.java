package io.yunqiao.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The template file: what an export writes reads back the same, and every kind of bad file is refused by name. */
class TemplateFileTest {

    private static final SolutionSpec SPEC = new SolutionSpec("采购入库单 → 客户", "说明",
            new SolutionSpec.Source(null, "erp", "bills.list", Map.of("status", TextNode.valueOf("C")), 50),
            null, new SolutionSpec.Target(null, "crm", "customer.add", "{\"code\": supplier}"),
            new SolutionSpec.Dedupe("code"), null, null, new SolutionSpec.Schedule("0 0/10 * * * ?", false), null);

    private static final SolutionTemplate TEMPLATE = new SolutionTemplate("erp-bills-to-crm", 3,
            new LocalizedText("采购入库单 → 客户", "Bills → customers"), new LocalizedText("每张单据的供应商成为客户", null),
            "客户", List.of("ERP", "采购入库单"),
            List.of(new TemplateInput("source.params.status", new LocalizedText("单据状态", null),
                    TextNode.valueOf("C"), true)),
            SPEC, Map.of("付款方式", Map.of("现金", "CASH")), List.of("客户类别"), TemplateOrigin.PUBLISHED, "database",
            new SolutionTemplate.Publication("admin", Instant.parse("2026-12-01T08:00:00Z"), "加了付款方式"));

    private static final String MINIMAL_SOLUTION = "\"solution\": {\"source\": {\"connector\": \"erp\", \"operation\":"
            + " \"bills.list\"}, \"target\": {\"connector\": \"crm\", \"operation\": \"customer.add\", \"mapping\":"
            + " \"{}\"}}";

    private static SolutionTemplate read(String text) {
        return TemplateFile.read(text, InputLimits.DEFAULTS);
    }

    private static void refused(ThrowingCallable reading, String code, String... inChinese) {
        assertThatThrownBy(reading).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains(inChinese);
        });
    }

    @Test
    void anExportReadsBackAsTheSameTemplate() {
        // given a template's export
        String file = TemplateFile.write(TEMPLATE);
        // when it is read as an import
        SolutionTemplate back = read(file);
        // then everything but where it came from is the same
        assertThat(back.origin()).isEqualTo(TemplateOrigin.IMPORTED);
        assertThat(back.as(3, TemplateOrigin.PUBLISHED, "database", TEMPLATE.published())).isEqualTo(TEMPLATE);
        assertThat(file).startsWith("{").contains("\"format\" : \"yunqiao-template/1\"");
    }

    @Test
    void aYamlFileIsReadLikeJson() {
        // given the same template written as YAML
        String yaml = """
                id: erp-bills-to-crm
                title: { zh: 采购入库单 → 客户 }
                tags: [ERP]
                solution:
                  source: { connector: erp, operation: bills.list }
                  target: { connector: crm, operation: customer.add, mapping: "{}" }
                """;
        // when read, then it is a template
        SolutionTemplate template = read(yaml);
        assertThat(template.id()).isEqualTo("erp-bills-to-crm");
        assertThat(template.tags()).containsExactly("ERP");
        assertThat(template.version()).isEqualTo(1);
    }

    @Test
    void whatIsNotATemplateIsRefusedSayingWhatItLooksLike() {
        refused(() -> read("[1, 2]"), "problem.template.notTemplate", "不是云桥的方案模板文件");
        refused(() -> read("{\"name\": \"x\"}"), "problem.template.notTemplate", "不是云桥的方案模板文件");
        refused(() -> read("{\"name\": \"x\", \"source\": {}, \"target\": {}}"), "problem.template.isSolutionExport",
                "集成方案的导出文件");
        refused(() -> read("id: acme\noperations: []\n"), "problem.template.isConnectorDefinition", "连接器定义文件");
    }

    @Test
    void aFileThatDoesNotParseNamesTheLine() {
        refused(() -> read("{\n\"id\": \"x\",\n\"title\": \n}"), "problem.template.unreadable", "第 4 行");
    }

    @Test
    void aConnectionIdInTheFileIsRefusedNamingThePlace() {
        // given a file whose target names a connection of some installation
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, " + MINIMAL_SOLUTION
                .replace("\"operation\": \"customer.add\"", "\"connection\": 7, \"operation\": \"customer.add\"") + "}";
        // when imported, then refused naming the field
        refused(() -> read(file), "problem.template.carriesConnection", "$.solution.target.connection");
    }

    @Test
    void anAlertRecipientOrSecretInTheFileIsRefused() {
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, " + MINIMAL_SOLUTION.replace("\"solution\": {",
                "\"solution\": {\"alerts\": {\"onFailure\": true, \"webhookSecret\": \"SEC123\"}, ") + "}";
        refused(() -> read(file), "problem.template.carriesAlerts", "$.solution.alerts.webhookSecret");
    }

    @Test
    void aFileBreakingTheSchemaIsRefusedWithThePlace() {
        // given a template whose id has capitals and whose title has no Chinese
        String file = "{\"id\": \"Bad_Id\", \"title\": {\"en\": \"x\"}, " + MINIMAL_SOLUTION + "}";
        // when imported, then refused with the places, in Chinese
        refused(() -> read(file), "problem.template.schema", "$.id", "$.title");
    }

    @Test
    void anUnknownFormatMarkerIsRefused() {
        String file = "{\"format\": \"yunqiao-template/9\", \"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, "
                + MINIMAL_SOLUTION + "}";
        refused(() -> read(file), "problem.template.formatUnknown", "yunqiao-template/9");
    }

    @Test
    void aFileLargerThanTheImportLimitIsRefusedBeforeReading() {
        String file = "{\"id\": \"t1\", \"x\": \"" + "字".repeat(400_000) + "\"}";
        refused(() -> read(file), "problem.template.fileTooLarge", "模板文件太大");
    }

    @Test
    void aSolutionFieldOfTheWrongKindNamesItsPlace() {
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, " + MINIMAL_SOLUTION.replace("\"solution\": {",
                "\"solution\": {\"rateLimit\": \"fast\", ") + "}";
        refused(() -> read(file), "problem.template.solutionUnreadable", "$.solution.rateLimit");
    }
}
