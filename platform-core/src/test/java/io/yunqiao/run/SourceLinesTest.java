package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One record per line (明细拆分): how a fetched record becomes its lines, and what cannot become one. */
class SourceLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode BILL = json("{'id':'9','billno':'CGRK-1','material_entity':["
            + "{'seq':'1','materialid_number':'M-01','qty':2},{'seq':'2','materialid_number':'M-02','qty':5}]}");

    private static SourceLines byPosition() {
        return SourceLines.of(new SolutionSpec.Split("material_entity", null));
    }

    private static SourceLines bySeq() {
        return SourceLines.of(new SolutionSpec.Split("material_entity", "seq"));
    }

    private static String english(String stored) {
        return StoredMessage.render(stored, Locale.ENGLISH);
    }

    @Test
    void aBillWithTwoLinesBecomesTwoRecordsEachWithOneLineObjectAndTheParentsFields() {
        // when a bill with two lines is split
        SourceLines.Split split = byPosition().split(BILL, "9", "CGRK-1");

        // then each line keeps the bill's fields, and the array is replaced by that one line (paths stay the same)
        assertThat(split.refusals()).isEmpty();
        assertThat(split.lines()).hasSize(2);
        JsonNode second = split.lines().get(1).content();
        assertThat(second.get("billno").asText()).isEqualTo("CGRK-1");
        assertThat(second.get("material_entity").isObject()).isTrue();
        assertThat(second.at("/material_entity/qty").asInt()).isEqualTo(5);
    }

    @Test
    void withoutALineKeyTheLinesAreToldApartByTheirPositionFromOne() {
        SourceLines.Split split = byPosition().split(BILL, "9", "CGRK-1");

        assertThat(split.lines()).extracting(SourceLines.Line::key).containsExactly("9#1", "9#2");
        assertThat(split.lines()).extracting(SourceLines.Line::code).containsExactly("CGRK-1#1", "CGRK-1#2");
    }

    @Test
    void aNamedLineKeyIsReadInsideEachLine() {
        JsonNode bill = json("{'id':'9','billno':'B','material_entity':[{'id':'L7'},{'id':'L3'}]}");

        SourceLines.Split split = SourceLines.of(new SolutionSpec.Split("material_entity", "id"))
                .split(bill, "9", "B");

        assertThat(split.lines()).extracting(SourceLines.Line::key).containsExactly("9#L7", "9#L3");
        assertThat(split.lines()).extracting(SourceLines.Line::code).containsExactly("B#L7", "B#L3");
    }

    @Test
    void aNestedPathIsReplacedWhereItIsAndTheRestOfItsObjectStays() {
        JsonNode order = json("{'id':'1','data':{'shop':'S','lines':[{'sku':'A'},{'sku':'B'}]}}");

        SourceLines.Split split = SourceLines.of(new SolutionSpec.Split("data.lines", null)).split(order, "1", null);

        assertThat(split.lines()).hasSize(2);
        assertThat(split.lines().get(1).content().at("/data/lines/sku").asText()).isEqualTo("B");
        assertThat(split.lines().get(1).content().at("/data/shop").asText()).isEqualTo("S");
        assertThat(split.lines().get(1).code()).isNull();
    }

    @Test
    void splittingLeavesTheFetchedRecordAsItWas() {
        JsonNode before = BILL.deepCopy();

        byPosition().split(BILL, "9", "CGRK-1");

        assertThat(BILL).isEqualTo(before);
    }

    @Test
    void aRecordWithoutTheArrayIsRefusedWholeNamingTheBillAndThePath() {
        JsonNode bill = json("{'id':'9','billno':'CGRK-1'}");

        SourceLines.Split split = byPosition().split(bill, "9", "CGRK-1");

        assertThat(split.lines()).isEmpty();
        assertThat(split.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.empty()).isFalse();
            assertThat(refusal.content()).isEqualTo(bill);
            assertThat(english(refusal.message())).contains("CGRK-1", "material_entity");
            assertThat(StoredMessage.read(refusal.message()).orElseThrow().code()).isEqualTo("record.split.missing");
        });
    }

    @Test
    void aRecordWhosePathHoldsNoArrayIsRefusedSayingWhatItHolds() {
        JsonNode bill = json("{'id':'9','billno':'CGRK-1','material_entity':{'qty':1}}");

        SourceLines.Split split = byPosition().split(bill, "9", "CGRK-1");

        assertThat(split.refusals()).singleElement().satisfies(refusal -> {
            assertThat(StoredMessage.read(refusal.message()).orElseThrow().code()).isEqualTo("record.split.notArray");
            assertThat(english(refusal.message())).contains("CGRK-1", "material_entity", "object");
            assertThat(StoredMessage.render(refusal.message(), Locale.SIMPLIFIED_CHINESE)).contains("不是数组");
        });
    }

    @Test
    void anEmptyArrayIsABillWithNoLinesToWriteNotAFailure() {
        JsonNode bill = json("{'id':'9','billno':'CGRK-1','material_entity':[]}");

        SourceLines.Split split = byPosition().split(bill, "9", "CGRK-1");

        assertThat(split.lines()).isEmpty();
        assertThat(split.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.empty()).isTrue();
            assertThat(StoredMessage.read(refusal.message()).orElseThrow().code()).isEqualTo("record.split.empty");
        });
    }

    @Test
    void aLineWithoutItsLineKeyIsRefusedAloneAndTheOtherLinesStay() {
        JsonNode bill = json("{'id':'9','billno':'B','material_entity':[{'seq':'1'},{'qty':3},{'seq':'3'}]}");

        SourceLines.Split split = bySeq().split(bill, "9", "B");

        assertThat(split.lines()).extracting(SourceLines.Line::key).containsExactly("9#1", "9#3");
        assertThat(split.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.content().at("/material_entity/qty").asInt()).isEqualTo(3);
            assertThat(english(refusal.message())).contains("Line 2", "seq", "B");
        });
    }

    @Test
    void aRepeatedLineKeyRefusesTheLaterLineInsteadOfOverwritingTheFirst() {
        JsonNode bill = json("{'id':'9','billno':'B','material_entity':[{'seq':'1','qty':1},{'seq':'1','qty':2}]}");

        SourceLines.Split split = bySeq().split(bill, "9", "B");

        assertThat(split.lines()).singleElement().satisfies(line ->
                assertThat(line.content().at("/material_entity/qty").asInt()).isEqualTo(1));
        assertThat(StoredMessage.read(split.refusals().get(0).message()).orElseThrow().code())
                .isEqualTo("record.split.duplicateLineKey");
    }

    @Test
    void aLineKeyTooLongToStoreIsRefused() {
        JsonNode bill = json("{'id':'9','material_entity':[{'seq':'" + "x".repeat(400) + "'}]}");

        SourceLines.Split split = bySeq().split(bill, "9", null);

        assertThat(split.lines()).isEmpty();
        assertThat(StoredMessage.read(split.refusals().get(0).message()).orElseThrow().code())
                .isEqualTo("record.split.keyTooLong");
    }

    @Test
    void aChangedLineChangesTheContentHashOfThatLineOnly() {
        // given the bill as fetched before, and again with the quantity of its second line changed
        JsonNode changed = BILL.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.at("/material_entity/1")).put("qty", 6);

        // when both are split
        List<SourceLines.Line> before = byPosition().split(BILL, "9", "CGRK-1").lines();
        List<SourceLines.Line> after = byPosition().split(changed, "9", "CGRK-1").lines();

        // then staging sees the first line unchanged (a duplicate) and only the second as new content
        assertThat(ContentHash.of(after.get(0).content())).isEqualTo(ContentHash.of(before.get(0).content()));
        assertThat(ContentHash.of(after.get(1).content())).isNotEqualTo(ContentHash.of(before.get(1).content()));
    }

    @Test
    void withoutASplitEveryRecordIsOneLineAsItIs() {
        SourceLines.Split split = SourceLines.of(null).split(BILL, "9", "CGRK-1");

        assertThat(split.lines()).singleElement().satisfies(line -> {
            assertThat(line.key()).isEqualTo("9");
            assertThat(line.content()).isSameAs(BILL);
        });
    }

    @Test
    void aSampleShowsTheLinesAndKeepsARecordThatCannotBeSplitWhole() {
        JsonNode unsplittable = json("{'id':'8','billno':'X'}");

        List<JsonNode> lines = byPosition().lines(List.of(BILL, unsplittable));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo(unsplittable);
    }

    @Test
    void theFirstLineOfASampleIsItsFirstElementEvenWithoutItsLineKey() {
        // given a bill whose first line lacks the line key the split names
        JsonNode bill = json("{'billno':'CGRK-2','material_entity':[{'qty':1},{'seq':'2','qty':5}]}");

        // when the first line is taken for a sample
        JsonNode first = bySeq().firstLine(bill);

        // then it is the bill with the array replaced by its first element, and the bill is left as it was
        assertThat(first.at("/material_entity/qty").asInt()).isEqualTo(1);
        assertThat(first.get("billno").asText()).isEqualTo("CGRK-2");
        assertThat(bill.get("material_entity").isArray()).isTrue();
    }

    @Test
    void aRecordWithoutLinesIsItsOwnFirstLine() {
        JsonNode unsplittable = json("{'id':'8','billno':'X','material_entity':[]}");

        assertThat(byPosition().firstLine(unsplittable)).isSameAs(unsplittable);
        assertThat(SourceLines.NONE.firstLine(BILL)).isSameAs(BILL);
    }
}
