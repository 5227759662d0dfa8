package io.yunqiao.mapping;

import static io.yunqiao.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The functions every mapping can call, the same in every engine. */
class MappingFunctionsTest {

    /** Beijing time is UTC+8 all year (no daylight saving since 1991). */
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private static final MappingContext WITH_TABLES = new MappingContext(
            ValueMaps.of(Map.of("客户类别", Map.of("RETAIL", "3", "2", "VIP"))), StagedRecords.none());

    private static MappingResult evaluate(String engineId, String expression, String record, MappingContext context) {
        return MappingEngines.named(engineId).compile(expression).evaluate(json(record), context);
    }

    private static MappingResult evaluate(String engineId, String expression, String record) {
        return evaluate(engineId, expression, record, WITH_TABLES);
    }

    private static long beijingMillis(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(BEIJING).toEpochMilli();
    }

    // $valueMap(table, key)

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapTranslatesASourceValue(String engineId) {
        MappingResult result = evaluate(engineId, "$valueMap('客户类别', type)", "{\"type\": \"RETAIL\"}");

        assertThat(result.output()).isEqualTo(json("\"3\""));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapLooksUpANumberByItsText(String engineId) {
        MappingResult result = evaluate(engineId, "$valueMap('客户类别', type)", "{\"type\": 2}");

        assertThat(result.output()).isEqualTo(json("\"VIP\""));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapYieldsUndefinedForAKeyTheTableLacks(String engineId) {
        // given a key the table does not map, when it is mapped into a field
        MappingResult result = evaluate(engineId, "{\"id\": id, \"type\": $valueMap('客户类别', type)}",
                "{\"id\": \"1\", \"type\": \"WHOLESALE\"}");

        // then the field is left out (the target validator reports it if it is required)
        assertThat(result.output()).isEqualTo(json("{\"id\": \"1\"}"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapFailsTheRecordNamingAnUnknownTable(String engineId) {
        MappingResult result = evaluate(engineId, "$valueMap('客户等级', type)", "{\"type\": \"RETAIL\"}");

        assertThat(result.isFailure()).isTrue();
        assertThat(result.error()).contains("$valueMap").contains("'客户等级'").contains("不存在");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapPassesOnTheMessageOfTablesThatRefuseAnUnknownName(String engineId) {
        // given value maps that only find out about an unknown table when asked for a key
        ValueMaps refusing = (table, key) -> {
            throw new IllegalArgumentException("value map '" + table + "' does not exist");
        };

        // when a mapping reads such a table
        MappingResult result = evaluate(engineId, "$valueMap('客户等级', type)", "{\"type\": \"RETAIL\"}",
                new MappingContext(refusing, StagedRecords.none()));

        // then the record fails with that message
        assertThat(result.error()).contains("$valueMap").contains("value map '客户等级' does not exist");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void valueMapYieldsUndefinedForAnAbsentKey(String engineId) {
        MappingResult result = evaluate(engineId, "$valueMap('客户类别', type)", "{}");

        assertThat(result.isFailure()).isFalse();
        assertThat(result.hasOutput()).isFalse();
    }

    // $lookup(solution, field, value)

    private static final MappingContext WITH_STAGED_CUSTOMERS = new MappingContext(ValueMaps.none(),
            new MappingFixtures.StagedInMemory(Map.of("客户同步", List.of(
                    json("{\"code\": \"C-1\", \"name\": \"甲\", \"contact\": {\"phone\": \"111\"}}"),
                    json("{\"code\": \"C-2\", \"name\": \"乙\", \"contact\": {\"phone\": \"222\"}}")))));

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void lookupFindsARecordStagedByAnotherSolution(String engineId) {
        MappingResult result = evaluate(engineId, "$lookup('客户同步', 'code', customer).name",
                "{\"customer\": \"C-2\"}", WITH_STAGED_CUSTOMERS);

        assertThat(result.output()).isEqualTo(json("\"乙\""));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void lookupMatchesANestedField(String engineId) {
        MappingResult result = evaluate(engineId, "$lookup('客户同步', 'contact.phone', phone).code",
                "{\"phone\": 111}", WITH_STAGED_CUSTOMERS);

        assertThat(result.output()).isEqualTo(json("\"C-1\""));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void lookupYieldsUndefinedWhenNothingMatches(String engineId) {
        MappingResult result = evaluate(engineId, "{\"name\": $lookup('客户同步', 'code', customer).name, \"n\": 1}",
                "{\"customer\": \"C-9\"}", WITH_STAGED_CUSTOMERS);

        assertThat(result.output()).isEqualTo(json("{\"n\": 1}"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void lookupFailsTheRecordForASolutionTheStoreDoesNotKnow(String engineId) {
        MappingResult result = evaluate(engineId, "$lookup('订单同步', 'code', customer)", "{\"customer\": \"C-1\"}",
                WITH_STAGED_CUSTOMERS);

        assertThat(result.error()).contains("$lookup").contains("solution '订单同步' does not exist");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void theBuiltInLookupOfAnObjectKeyStillWorks(String engineId) {
        MappingResult result = evaluate(engineId, "$lookup(address, 'city')", "{\"address\": {\"city\": \"杭州\"}}");

        assertThat(result.output()).isEqualTo(json("\"杭州\""));
    }

    // the dates of Chinese business systems, in Beijing time

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void parseMillisReadsADateAndADateTimeInBeijingTime(String engineId) {
        MappingResult result = evaluate(engineId, "[$parseMillis(d), $parseMillis(t)]",
                "{\"d\": \"2024-03-05\", \"t\": \"2024-03-05 08:30:15\"}");

        assertThat(result.output()).isEqualTo(json("[" + beijingMillis(2024, 3, 5, 0, 0, 0) + ", "
                + beijingMillis(2024, 3, 5, 8, 30, 15) + "]"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void parseSecondsReadsADateTimeInBeijingTime(String engineId) {
        MappingResult result = evaluate(engineId, "$parseSeconds(t)", "{\"t\": \"2024-03-05 08:30:15\"}");

        assertThat(result.output().longValue()).isEqualTo(beijingMillis(2024, 3, 5, 8, 30, 15) / 1000);
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void formatDateTellsSecondsFromMillisecondsBySize(String engineId) {
        // given the same instant as epoch seconds, epoch milliseconds and numeric text
        long millis = beijingMillis(2024, 3, 5, 23, 59, 59);
        String record = "{\"s\": " + millis / 1000 + ", \"ms\": " + millis + ", \"text\": \"" + millis + "\"}";

        // when each is formatted without a unit
        MappingResult result = evaluate(engineId, "[$formatDateTime(s), $formatDateTime(ms), $formatDate(text)]",
                record);

        // then all name the same Beijing day
        assertThat(result.output()).isEqualTo(json(
                "[\"2024-03-05 23:59:59\", \"2024-03-05 23:59:59\", \"2024-03-05\"]"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void formatDateFollowsAnExplicitUnit(String engineId) {
        // given a small number of milliseconds, which the size rule would read as seconds
        MappingResult result = evaluate(engineId, "[$formatDateTime(n, 'ms'), $formatDateTime(n, 's')]",
                "{\"n\": 86400000}");

        // then the unit decides
        assertThat(result.output()).isEqualTo(json("[\"1970-01-02 08:00:00\", \"1972-09-27 08:00:00\"]"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void dateHelpersYieldUndefinedForAbsentOrEmptyValues(String engineId) {
        MappingResult result = evaluate(engineId,
                "{\"a\": $formatDate(missing), \"b\": $formatDateTime(empty), \"c\": $parseMillis(empty),"
                        + " \"d\": $parseSeconds(nothing), \"e\": 1}",
                "{\"empty\": \"\"}");

        assertThat(result.output()).isEqualTo(json("{\"e\": 1}"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void parseMillisFailsTheRecordForAnotherDateFormat(String engineId) {
        MappingResult result = evaluate(engineId, "$parseMillis(d)", "{\"d\": \"2024/03/05\"}");

        assertThat(result.error()).contains("$parseMillis").contains("'2024/03/05'").contains("yyyy-MM-dd");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void parseMillisRefusesADayTheCalendarLacks(String engineId) {
        MappingResult result = evaluate(engineId, "$parseMillis('2023-02-29')", "{}");

        assertThat(result.error()).contains("'2023-02-29'");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void formatDateFailsTheRecordForTextThatIsNoNumber(String engineId) {
        MappingResult result = evaluate(engineId, "$formatDate(d)", "{\"d\": \"yesterday\"}");

        assertThat(result.error()).contains("$formatDate").contains("'yesterday'");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void formatDateFailsTheRecordForAnUnknownUnit(String engineId) {
        MappingResult result = evaluate(engineId, "$formatDate(1709625600, 'min')", "{}");

        assertThat(result.error()).contains("$formatDate").contains("\"s\"").contains("\"ms\"");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void functionsRefuseTheWrongNumberOfArguments(String engineId) {
        MappingResult result = evaluate(engineId, "$valueMap('客户类别')", "{}");

        assertThat(result.error()).contains("$valueMap(table, key)").contains("2");
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void helpersWorkInChainsAndAsArgumentsOfHigherOrderFunctions(String engineId) {
        MappingResult result = evaluate(engineId,
                "{\"chained\": created ~> $formatDate(), \"mapped\": $map(days, $formatDate)}",
                "{\"created\": 1709625600000, \"days\": [1709625600, 1709712000]}");

        assertThat(result.output()).isEqualTo(json(
                "{\"chained\": \"2024-03-05\", \"mapped\": [\"2024-03-05\", \"2024-03-06\"]}"));
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void theBuiltInToMillisWithAPictureStillWorks(String engineId) {
        MappingResult result = evaluate(engineId, "$toMillis('2024-03-05', '[Y0001]-[M01]-[D01]')", "{}");

        assertThat(result.output().longValue())
                .isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @ParameterizedTest
    @MethodSource("io.yunqiao.mapping.MappingFixtures#engines")
    void recordErrorsOfFunctionsNameTheirFunction(String engineId) {
        Optional<String> error = Optional.ofNullable(
                evaluate(engineId, "{\"a\": 1, \"b\": $formatDate({})}", "{}").error());

        assertThat(error).hasValueSatisfying(message -> assertThat(message).contains("$formatDate(epoch, unit?)"));
    }
}
