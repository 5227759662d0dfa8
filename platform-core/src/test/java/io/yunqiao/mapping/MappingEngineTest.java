package io.yunqiao.mapping;

import static io.yunqiao.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every engine does with a mapping: compile once, evaluate per record, never throw for a record. */
class MappingEngineTest {

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void mapsABillsSupplierToACustomer(String engineId) {
        // given the bill → customer mapping and a bill with two lines
        Mapping mapping = MappingEngines.named(engineId).compile(MappingFixtures.billToCustomer());

        // when the bill is mapped
        MappingResult result = mapping.evaluate(MappingFixtures.bill(), MappingFixtures.context());

        // then the customer carries the supplier, its address, the mapped type and a reminder naming the bill
        assertThat(result.error()).isNull();
        assertThat(result.output()).isEqualTo(json("""
                {
                  "customerCode": "GYS-0042",
                  "nickname": "杭州云桥商贸有限公司",
                  "phone": "0571-88886666",
                  "state": "浙江省",
                  "city": "杭州市",
                  "district": "西湖区",
                  "address": "浙江省杭州市西湖区文三路 100 号",
                  "customerType": "VIP",
                  "specialReminding": "采购入库单 CGRK-20240305-0001，2024-03-05 16:00:00，2 行: A4 复印纸、订书机"
                }"""));
    }

    @Test
    void bothEnginesGiveTheSameCustomer() {
        // given the same mapping compiled by every engine
        List<JsonNode> outputs = new ArrayList<>();

        // when each maps the same bill
        for (String id : MappingEngines.ids()) {
            outputs.add(MappingEngines.named(id).compile(MappingFixtures.billToCustomer())
                    .evaluate(MappingFixtures.bill(), MappingFixtures.context()).output());
        }

        // then they agree
        assertThat(outputs).hasSize(2).doesNotContainNull();
        assertThat(outputs.get(0)).isEqualTo(outputs.get(1));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void reportsTheLineAndColumnOfASyntaxError(String engineId) {
        // given a mapping whose second line has a stray bracket
        String secondLine = "  \"customerCode\": supplierid_number ]";
        String expression = "{\n" + secondLine + "\n}";

        // when it is compiled, then the error points at the bracket
        assertThatThrownBy(() -> MappingEngines.named(engineId).compile(expression))
                .isInstanceOfSatisfying(MappingSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(secondLine.indexOf(']') + 1);
                    assertThat(e.position()).isEqualTo(expression.indexOf(']'));
                    assertThat(e.getMessage()).startsWith("JSONata 语法错误 at line 2, column " + e.column() + ": ")
                            .contains(e.detail()).contains("]");
                });
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void refusesAnExpressionNestedTooDeeplyForTheParserAsASyntaxError(String engineId) {
        // given parentheses nested far deeper than any mapping needs (the parsers recurse per level)
        String expression = "(".repeat(20_000) + "1" + ")".repeat(20_000);

        // when it is compiled, then it is a syntax error, not a StackOverflowError escaping to the caller
        assertThatThrownBy(() -> MappingEngines.named(engineId).compile(expression))
                .isInstanceOf(MappingSyntaxException.class).hasMessageContaining("nested too deeply");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void refusesAnEmptyExpression(String engineId) {
        assertThatThrownBy(() -> MappingEngines.named(engineId).compile("  \n"))
                .isInstanceOf(MappingSyntaxException.class).hasMessageContaining("表达式为空");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void answersNoOutputWhenTheExpressionYieldsUndefined(String engineId) {
        // given a mapping of a field the record does not have
        Mapping mapping = MappingEngines.named(engineId).compile("no_such_field");

        // when it is evaluated
        MappingResult result = mapping.evaluate(MappingFixtures.bill(), MappingContext.none());

        // then there is neither an output nor an error
        assertThat(result.hasOutput()).isFalse();
        assertThat(result.isFailure()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void answersJsonNullAsAnOutput(String engineId) {
        // given a mapping that yields JSON null, when it is evaluated
        Mapping mapping = MappingEngines.named(engineId).compile("null");
        MappingResult result = mapping.evaluate(json("{}"), MappingContext.none());

        // then null is the output: it is not the same as no output
        assertThat(result.hasOutput()).isTrue();
        assertThat(result.output().isNull()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void keepsJsonNullInsideTheOutput(String engineId) {
        // given a record with a null field, when a mapping copies it
        MappingResult result = MappingEngines.named(engineId).compile("{\"remark\": remark, \"id\": id}")
                .evaluate(json("{\"remark\": null, \"id\": \"7\"}"), MappingContext.none());

        // then the null stays a null
        assertThat(result.output()).isEqualTo(json("{\"remark\": null, \"id\": \"7\"}"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void writesIntegralNumbersAsIntegers(String engineId) {
        // given arithmetic whose result is integral, when it is evaluated
        MappingResult result = MappingEngines.named(engineId).compile("{\"qty\": 10 / 2, \"price\": 1 / 4}")
                .evaluate(json("{}"), MappingContext.none());

        // then the integral result is written without a fraction, the other one as it is
        assertThat(result.output().toString()).isEqualTo("{\"qty\":5,\"price\":0.25}");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void turnsATypeErrorIntoARecordError(String engineId) {
        // given a mapping that adds a number to text
        Mapping mapping = MappingEngines.named(engineId).compile("{\"total\": billno + 1}");

        // when it is evaluated, then the record fails with a message instead of an exception
        MappingResult result = mapping.evaluate(MappingFixtures.bill(), MappingContext.none());

        assertThat(result.isFailure()).isTrue();
        assertThat(result.hasOutput()).isFalse();
        assertThat(result.error()).startsWith("JSONata 计算错误");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void turnsARunawayRecursionIntoARecordError(String engineId) {
        // given a recursion without an end
        Mapping mapping = MappingEngines.named(engineId).compile("($f := function($n) { 1 + $f($n + 1) }; $f(0))");

        // when it is evaluated, then the record fails and the thread lives on
        MappingResult result = mapping.evaluate(json("{}"), MappingContext.none());

        assertThat(result.error()).contains("递归太深");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void stopsAnEndlessLoopAtTheTimeLimit(String engineId) {
        // given a tail recursion that never ends (Dashjoin runs it in constant stack, so only the clock stops it)
        CompiledMapping mapping = (CompiledMapping) MappingEngines.named(engineId)
                .compile("($loop := function($n) { $loop($n + 1) }; $loop(0))");
        long started = System.nanoTime();

        // when it is evaluated with a budget of 300 ms, then it fails soon after
        assertThatThrownBy(() -> mapping.evaluateOrThrow(json("{}"), null, MappingContext.none(),
                new EvaluationLimits(300, Integer.MAX_VALUE))).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void mapsEveryRecordCorrectlyFrom16ThreadsAtOnce(String engineId) throws Exception {
        // given one compiled mapping and 4,000 bills, each with its own supplier, amount and date
        Mapping mapping = MappingEngines.named(engineId).compile(MappingFixtures.billToCustomer()
                .replace("\"specialReminding\"", "\"amount\": \"金额 \" & totalamount, \"specialReminding\""));
        List<JsonNode> bills = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            ObjectNode bill = (ObjectNode) MappingFixtures.bill();
            bill.put("supplierid_number", "GYS-" + i);
            bill.put("billno", "CGRK-" + i);
            bill.put("transtype", i % 2 + 1);
            bill.put("createtime", String.valueOf(1_709_625_600_000L + i * 86_400_000L));
            bill.put("totalamount", 12_345_678.5 + i);
            bills.add(bill);
        }

        // when 16 threads map them all at the same time
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<JsonNode>> outputs = new ArrayList<>();
        try {
            List<Callable<JsonNode>> tasks = bills.stream()
                    .<Callable<JsonNode>>map(bill -> () -> mapping.evaluate(bill, MappingFixtures.context()).output())
                    .toList();
            outputs.addAll(threads.invokeAll(tasks, 2, TimeUnit.MINUTES));
        } finally {
            threads.shutdownNow();
        }

        // then every customer belongs to its own bill
        for (int i = 0; i < bills.size(); i++) {
            JsonNode customer = outputs.get(i).get();
            String day = java.time.LocalDate.of(2024, 3, 5).plusDays(i).toString();
            assertThat(customer.get("customerCode").asText()).isEqualTo("GYS-" + i);
            assertThat(customer.get("customerType").asText()).isEqualTo(i % 2 == 0 ? "普通供应商" : "VIP");
            assertThat(customer.get("amount").asText()).isEqualTo("金额 " + (12_345_678 + i) + ".5");
            assertThat(customer.get("specialReminding").asText())
                    .startsWith("采购入库单 CGRK-" + i + "，" + day + " 16:00:00，");
        }
    }
}
