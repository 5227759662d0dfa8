package io.yunqiao.connectors.jackyun.sandbox;

import static io.yunqiao.connectors.jackyun.sandbox.NewCustomerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerQueryTest {

    static void assertRefused(String bizcontent, Duration maxWindow, String fragment) {
        assertThatThrownBy(() -> CustomerQuery.from(json(bizcontent), maxWindow))
                .isInstanceOfSatisfying(GatewayRefusal.class,
                        r -> assertThat(r.subCode()).isEqualTo(GatewayRefusal.INVALID_PARAMETER))
                .hasMessageContaining(fragment);
    }

    @Test
    void defaultsToTheFirstPageOfFiftyWithoutTotalOrWindow() {
        // given an empty bizcontent
        // when read
        CustomerQuery query = CustomerQuery.from(json("{}"), Duration.ZERO);
        // then it asks for page 0 of 50, no total, no window
        assertThat(query).isEqualTo(new CustomerQuery(null, null, 0, 50, false));
    }

    @Test
    void readsTheWindowInChinaStandardTime() {
        // given a window written in Shanghai time, numbers as strings and hasTotal as 1
        CustomerQuery query = CustomerQuery.from(json("{\"gmtModifiedBegin\":\"2026-11-28 10:00:00\","
                + "\"gmtModifiedEnd\":\"2026-11-28 11:00:00\",\"pageIndex\":\"2\",\"pageSize\":200,\"hasTotal\":1}"),
                Duration.ZERO);
        // when read
        // then the instants are 8 hours behind in UTC
        assertThat(query).isEqualTo(new CustomerQuery(Instant.parse("2026-11-28T02:00:00Z"),
                Instant.parse("2026-11-28T03:00:00Z"), 2, 200, true));
    }

    @Test
    void refusesAPageSizeAbove200() {
        assertRefused("{\"pageSize\":201}", Duration.ZERO, "pageSize");
    }

    @Test
    void refusesANegativePageIndex() {
        assertRefused("{\"pageIndex\":-1}", Duration.ZERO, "pageIndex");
    }

    @Test
    void refusesAWindowStartInAnotherFormat() {
        assertRefused("{\"gmtModifiedBegin\":\"2026/11/28 10:00\"}", Duration.ZERO, "gmtModifiedBegin");
    }

    @Test
    void refusesAWindowThatEndsBeforeItBegins() {
        assertRefused("{\"gmtModifiedBegin\":\"2026-11-28 10:00:01\",\"gmtModifiedEnd\":\"2026-11-28 10:00:00\"}",
                Duration.ZERO, "gmtModifiedBegin");
    }

    @Test
    void refusesAWindowLongerThanTheConfiguredMaximum() {
        assertRefused("{\"gmtModifiedBegin\":\"2026-11-27 10:00:00\",\"gmtModifiedEnd\":\"2026-11-28 10:00:01\"}",
                Duration.ofHours(24), "24小时");
    }

    @Test
    void acceptsAWindowOfExactlyTheMaximum() {
        // given a window of exactly 24 hours under a 24-hour maximum
        // when read
        // then it is accepted
        assertThat(CustomerQuery.from(json("{\"gmtModifiedBegin\":\"2026-11-27 10:00:00\","
                + "\"gmtModifiedEnd\":\"2026-11-28 10:00:00\"}"), Duration.ofHours(24)).begin()).isNotNull();
    }
}
