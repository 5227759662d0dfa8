package io.yunqiao.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping table (映射表): JSONata object constructors read into rows and written back without loss. */
class MappingTableTest {

    private static final String SEED = """
            {
              "customerCode": supplierid_number,
              "nickname": supplierid_name,
              "contacts": empid_name,
              "customerTypeName": "供应商",
              "specialReminding": "来自金蝶采购入库单 " & billno
            }""";

    @Test
    void aFieldPathIsASourceRow() {
        MappingRow row = MappingTable.read("{ \"qty\": material_entity.qty }").rows().get(0);

        assertThat(row.kind()).isEqualTo(MappingRow.Kind.SOURCE);
        assertThat(row.target()).isEqualTo("qty");
        assertThat(row.path()).isEqualTo("material_entity.qty");
    }

    @Test
    void aBackquotedNameIsPartOfASourcePath() {
        MappingRow row = MappingTable.read("{ \"no\": `order-no`.`单号` }").rows().get(0);

        assertThat(row.kind()).isEqualTo(MappingRow.Kind.SOURCE);
        assertThat(row.path()).isEqualTo("order-no.单号");
        assertThat(MappingRow.source("no", "order-no.单号").expression()).isEqualTo("`order-no`.单号");
    }

    @Test
    void textNumbersAndBooleansAreConstantRows() {
        List<MappingRow> rows = MappingTable.read("""
                { "type": "供应商", "escaped": 'a\\'b\\n', "count": -12.5, "active": true }""").rows();

        assertThat(rows).extracting(MappingRow::kind).containsOnly(MappingRow.Kind.CONSTANT);
        assertThat(rows).extracting(r -> r.constant().toString())
                .containsExactly("\"供应商\"", "\"a'b\\n\"", "-12.5", "true");
    }

    @Test
    void aValueMapCallOfAPathIsAValueMapRow() {
        MappingRow row = MappingTable.read("{ \"type\": $valueMap(\"客户类别\", transtype) }").rows().get(0);

        assertThat(row.kind()).isEqualTo(MappingRow.Kind.VALUE_MAP);
        assertThat(row.table()).isEqualTo("客户类别");
        assertThat(row.path()).isEqualTo("transtype");
    }

    @Test
    void aFormatFunctionOfAPathIsAFormatRow() {
        List<MappingRow> rows = MappingTable.read("""
                { "a": $formatDate(createtime), "b": $formatDateTime(audittime), "c": $number(qty),
                  "d": $string(billno) }""").rows();

        assertThat(rows).extracting(MappingRow::kind).containsOnly(MappingRow.Kind.FORMAT);
        assertThat(rows).extracting(MappingRow::format).containsExactly(MappingRow.Format.DATE,
                MappingRow.Format.DATE_TIME, MappingRow.Format.NUMBER, MappingRow.Format.TEXT);
        assertThat(rows).extracting(MappingRow::path).containsExactly("createtime", "audittime", "qty", "billno");
    }

    @Test
    void anythingElseIsAnExpressionRowWithItsExactText() {
        String value = "/* 单号 */ \"来自 \" & billno & $substring(\"a,b}\", 0, 1)";
        List<MappingRow> rows = MappingTable.read("{\n  \"note\": " + value + "  ,\n  \"f\": $formatDate(a, \"ms\"),"
                + " \"v\": $valueMap(\"t\", a & b), \"s\": $f(a) & $g(b) }").rows();

        assertThat(rows).extracting(MappingRow::kind).containsOnly(MappingRow.Kind.EXPRESSION);
        assertThat(rows.get(0).expression()).isEqualTo(value);
    }

    @Test
    void valuesWithNestedBracesBracketsStringsAndCommentsAreOneRowEach() {
        String expression = """
                /* 客户 */ {
                  "lines": material_entity.{ "qty": qty, "name": `名称` },
                  "first": material_entity[0].qty,
                  "text": "逗号, 和 } 括号" & '单引号 " , ',
                  "calc": ($x := 1, 2; $x) /* 备注, 逗号 */
                }
                """;

        MappingTable table = MappingTable.read(expression);

        assertThat(table.rows()).extracting(MappingRow::target).containsExactly("lines", "first", "text", "calc");
        assertThat(table.rows().get(3).expression()).isEqualTo("($x := 1, 2; $x) /* 备注, 逗号 */");
        assertThat(table.write()).isEqualTo(expression);
    }

    @ParameterizedTest
    @MethodSource("templateMappings")
    void everyShippedTemplateMappingReadsAndWritesBackByteForByte(String mapping) {
        MappingTable table = MappingTable.read(mapping);

        assertThat(table.rows()).isNotEmpty();
        assertThat(table.write()).isEqualTo(mapping);
        assertThat(table.withRows(table.rows()).write()).isEqualTo(mapping);
        assertThat(MappingTable.read(table.write()).rows()).isEqualTo(table.rows());
    }

    @Test
    void theSeedMappingReadsAsSourceConstantAndExpressionRows() {
        MappingTable table = MappingTable.read(SEED);

        assertThat(table.rows()).extracting(MappingRow::kind).containsExactly(MappingRow.Kind.SOURCE,
                MappingRow.Kind.SOURCE, MappingRow.Kind.SOURCE, MappingRow.Kind.CONSTANT, MappingRow.Kind.EXPRESSION);
        assertThat(table.row("specialReminding")).get().extracting(MappingRow::expression)
                .isEqualTo("\"来自金蝶采购入库单 \" & billno");
    }

    @Test
    void changingOneRowChangesOnlyItsValue() {
        MappingTable table = MappingTable.read(SEED);

        String written = table.with(MappingRow.valueMap("contacts", "业务员", "empid_number")).write();

        assertThat(written).isEqualTo(SEED.replace("empid_name", "$valueMap(\"业务员\", empid_number)"));
    }

    @Test
    void aNewRowIsWrittenOnItsOwnLineWithTheIndentationOfTheFirst() {
        MappingTable table = MappingTable.read(SEED);

        String written = table.with(MappingRow.format("createDate", MappingRow.Format.DATE, "createtime")).write();

        assertThat(written).isEqualTo(SEED.replace("billno\n}", "billno,\n  \"createDate\": $formatDate(createtime)\n}"));
        assertThat(MappingTable.read(written).rows()).hasSize(6);
    }

    @Test
    void removingARowKeepsTheOthersAsWritten() {
        String written = MappingTable.read(SEED).without("contacts").without("specialReminding").write();

        assertThat(written).isEqualTo("""
                {
                  "customerCode": supplierid_number,
                  "nickname": supplierid_name,
                  "customerTypeName": "供应商"
                }""");
    }

    @Test
    void aTableBuiltFromNothingReadsBackTheSame() {
        List<MappingRow> rows = List.of(MappingRow.source("customerCode", "supplierid_number"),
                MappingRow.constant("customerTypeName", "供应商 \"A\""),
                MappingRow.constant("level", new BigDecimal("3")),
                MappingRow.constant("active", false),
                MappingRow.valueMap("type", "客户类别", "transtype"),
                MappingRow.format("created", MappingRow.Format.DATE_TIME, "createtime"),
                MappingRow.expression("note", "\"单号 \" & billno"));

        String written = MappingTable.empty().withRows(rows).write();

        assertThat(written).isEqualTo("""
                {
                  "customerCode": supplierid_number,
                  "customerTypeName": "供应商 \\"A\\"",
                  "level": 3,
                  "active": false,
                  "type": $valueMap("客户类别", transtype),
                  "created": $formatDateTime(createtime),
                  "note": "单号 " & billno
                }""");
        assertThat(MappingTable.read(written).rows()).isEqualTo(rows);
        assertThat(MappingEngines.defaultEngine().compile(written)).isNotNull();
    }

    @Test
    void aSpotInTheTextIsFoundInTheRowWhoseValueHoldsIt() {
        MappingTable table = MappingTable.read(SEED);

        assertThat(table.targetAt(4, 15)).contains("contacts");
        assertThat(table.targetAt(6, 23)).contains("specialReminding");
        assertThat(table.targetAt(1, 1)).isEmpty();
        assertThat(table.targetAt(4, 3)).isEmpty();
        assertThat(table.targetAt(99, 1)).isEmpty();
    }

    @Test
    void aBlankExpressionIsAnEmptyTableAndStaysAsItWas() {
        MappingTable table = MappingTable.read("  \n");

        assertThat(table.rows()).isEmpty();
        assertThat(table.write()).isEqualTo("  \n");
    }

    @Test
    void anEmptyObjectTakesNewRows() {
        assertThat(MappingTable.read("{}").with(MappingRow.source("a", "b")).write()).isEqualTo("{\n  \"a\": b\n}");
        assertThat(MappingTable.read("{ }").rows()).isEmpty();
        assertThat(MappingTable.read("{\n  \n}").with(MappingRow.source("a", "b")).write()).isEqualTo("{\n  \"a\": b\n}");
    }

    @Test
    void anExpressionThatIsNotOneObjectConstructorHasNoTable() {
        for (String expression : List.of("($x := 1; { \"a\": $x })", "a ? { \"b\": 1 } : { \"b\": 2 }",
                "{ \"a\": 1 }.a", "billno", "{ \"a\": 1 } { \"b\": 2 }")) {
            assertThatThrownBy(() -> MappingTable.read(expression)).as(expression)
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo(
                            "problem.table.notObject"));
        }
    }

    @Test
    void aComputedOrRepeatedKeyHasNoTable() {
        assertThatThrownBy(() -> MappingTable.read("{ name: 1 }")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("problem.table.notField"));
        assertThatThrownBy(() -> MappingTable.read("{ \"a\": 1,\n \"a\": 2 }")).isInstanceOfSatisfying(
                Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("problem.table.duplicateKey");
                    assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains("“a”").contains("第 2 行第 2 列");
                });
    }

    @Test
    void anUnbalancedExpressionNamesWhereTheTableStopped() {
        assertThatThrownBy(() -> MappingTable.read("{\n  \"a\": \"oops,\n  \"b\": c\n}"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("problem.table.unbalanced");
                    assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains("第 2 行第 8 列");
                });
        assertThatThrownBy(() -> MappingTable.read("{ \"a\": (b }")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> MappingTable.read("{ \"a\": b ]}")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> MappingTable.read("{ \"a\": b /* }")).isInstanceOf(Problem.class);
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() {
        String deep = "{ \"a\": " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }";

        assertThatThrownBy(() -> MappingTable.read(deep)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("problem.table.tooLarge"));
        String lessDeep = "{ \"a\": " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + " }";
        assertThatThrownBy(() -> MappingTable.read(lessDeep)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("problem.table.tooDeep"));
    }

    @Test
    void aHugeButValidTableReadsInOnePass() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 5_000; i++) {
            text.append(i == 0 ? "" : ",").append("\n  \"f").append(i).append("\": source_").append(i);
        }
        text.append("\n}");

        MappingTable table = MappingTable.read(text.toString());

        assertThat(table.rows()).hasSize(5_000);
        assertThat(table.write()).isEqualTo(text.toString());
        assertThatThrownBy(() -> MappingTable.read("{\"a\": \"" + "x".repeat(MappingTable.MAX_LENGTH) + "\"}"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_LARGE));
    }

    @Test
    void aRowThatIsNotOneValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> MappingRow.expression("phone", "a, b")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains("“phone”").contains("第 1 行第 2 列"));
        assertThatThrownBy(() -> MappingRow.expression("phone", "\"open")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> MappingRow.expression("phone", "  ")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("problem.table.rowEmpty"));
    }

    @Test
    void aPlainPathTypedAsAnExpressionIsShownAsASourceRow() {
        assertThat(MappingRow.expression("a", " supplierid_name ").kind()).isEqualTo(MappingRow.Kind.SOURCE);
    }

    @Test
    void aTrailingCommaIsKeptInTheText() {
        String expression = "{ \"a\": 1, }";

        MappingTable table = MappingTable.read(expression);

        assertThat(table.rows()).hasSize(1);
        assertThat(table.write()).isEqualTo(expression);
    }

    static Stream<String> templateMappings() throws IOException {
        Path templates = Path.of("..", "connectors", "kingdee-jdy", "src", "main", "resources", "META-INF", "yunqiao",
                "templates");
        ObjectMapper json = new ObjectMapper();
        List<String> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(json.readTree(file.toFile()), mappings);
            }
        }
        assertThat(mappings).as("template mappings").hasSizeGreaterThanOrEqualTo(3);
        return mappings.stream();
    }

    private static void collect(JsonNode node, List<String> mappings) {
        node.properties().forEach(e -> {
            if (e.getKey().equals("mapping") && e.getValue().isTextual()) {
                mappings.add(e.getValue().asText());
            } else {
                collect(e.getValue(), mappings);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collect(element, mappings));
        }
    }
}
