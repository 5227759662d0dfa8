package io.yunqiao.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bodies indented for reading, with JSON carried inside strings shown decoded. */
class PrettyJsonTest {

    @Test
    void aStringHoldingAJsonObjectIsShownAsThatObject() {
        // given a Jackyun request whose bizcontent is JSON in a string
        String logged = "{\"method\":\"crm.customer.add\",\"bizcontent\":\"{\\\"customerCode\\\":\\\"GYS0001\\\","
                + "\\\"tags\\\":[\\\"a\\\"]}\"}";

        // when it is shown, then bizcontent reads as an indented object, with no escaped quotes
        assertThat(PrettyJson.of(logged)).isEqualTo("""
                {
                  "method" : "crm.customer.add",
                  "bizcontent" : {
                    "customerCode" : "GYS0001",
                    "tags" : [ "a" ]
                  }
                }""");
    }

    @Test
    void stringsThatOnlyLookLikeJsonAndPlainValuesStayAsTheyAre() {
        // given strings in brackets that are no JSON, a JSON scalar in a string and numbers
        String logged = "{\"note\":\"[draft] order {1}\",\"count\":\"42\",\"n\":7}";

        // when shown, then they are unchanged
        assertThat(PrettyJson.of(logged)).contains("\"note\" : \"[draft] order {1}\"", "\"count\" : \"42\"",
                "\"n\" : 7");
    }

    @Test
    void aBodyThatIsNoJsonIsShownAsLogged() {
        // given an HTML error page, when shown, then it is the page as it came
        String page = "<html><body><h1>500 Internal Server Error</h1></body></html>";
        assertThat(PrettyJson.of(page)).isEqualTo(page);
        assertThat(PrettyJson.of(null)).isEmpty();
    }
}
