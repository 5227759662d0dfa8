package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewCustomerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertRefused(String bizcontent, String... fragments) {
        assertThatThrownBy(() -> NewCustomer.from(json(bizcontent)))
                .isInstanceOfSatisfying(GatewayRefusal.class,
                        r -> assertThat(r.subCode()).isEqualTo(GatewayRefusal.INVALID_PARAMETER))
                .message().contains(fragments);
    }

    @Test
    void keepsTheDictionaryFieldsInDictionaryOrder() {
        // given a bizcontent with fields in another order, a number and an unknown field
        JsonNode biz = json("{\"phone\":\"13800000000\",\"nickname\":\"杭州\",\"age\":30,\"customerCode\":\"C1\","
                + "\"unknownThing\":\"x\"}");
        // when read
        NewCustomer customer = NewCustomer.from(biz);
        // then the known fields are kept as text in dictionary order and the unknown one is ignored
        assertThat(customer.customerCode()).isEqualTo("C1");
        assertThat(customer.fields()).containsExactly(
                Map.entry("customerCode", "C1"), Map.entry("nickname", "杭州"),
                Map.entry("age", "30"), Map.entry("phone", "13800000000"));
    }

    @Test
    void hasThirtyDictionaryFields() {
        // given the dictionary
        // when counted
        // then it has the 30 fields of the vendor's field dictionary
        assertThat(NewCustomer.DICTIONARY).hasSize(30).containsKeys("customerCode", "nickname", "customerTypeName");
    }

    @Test
    void requiresANickname() {
        assertRefused("{\"customerCode\":\"C1\"}", "缺少必填字段", "nickname");
    }

    @Test
    void requiresACustomerCode() {
        assertRefused("{\"nickname\":\"杭州\"}", "缺少必填字段", "customerCode");
    }

    @Test
    void treatsAnEmptyNicknameAsMissing() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"  \"}", "nickname");
    }

    @Test
    void acceptsGenderZeroOrOneOnly() {
        // given gender 1 and gender 2
        // when read
        // then 1 is kept and 2 is refused naming the field and the allowed values
        assertThat(NewCustomer.from(json("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"gender\":1}")).fields())
                .containsEntry("gender", "1");
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"gender\":\"2\"}", "gender", "0（男）或 1（女）");
    }

    @Test
    void acceptsCalendarTypeZeroOrOneOnly() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"calendarType\":\"lunar\"}", "calendarType");
    }

    @Test
    void refusesAnAgeThatIsNotAWholeNumber() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"age\":\"thirty\"}", "age");
    }

    @Test
    void refusesABirthdayThatIsNotADate() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"birthday\":\"2026-02-30\"}", "birthday",
                "yyyy-MM-dd");
    }

    @Test
    void refusesAnEmailWithoutDomain() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":\"n\",\"email\":\"someone@\"}", "email");
    }

    @Test
    void refusesAnObjectWhereTextIsExpected() {
        assertRefused("{\"customerCode\":\"C1\",\"nickname\":{\"zh\":\"n\"}}", "nickname");
    }
}
