package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        assertThat(LinkHeader.next(List.of("<https://a.example/o?page=1>; rel=\"prev\", "
                + "<https://a.example/o?page=3>; rel=\"next\", <https://a.example/o?page=9>; rel=\"last\"")))
                .isEqualTo("https://a.example/o?page=3");
    }

    @Test
    void readsUnquotedAndMultipleRelationTypes() {
        assertThat(LinkHeader.next(List.of("<https://a.example/o?c=x,y>; title=\"a; b\"; rel=next")))
                .isEqualTo("https://a.example/o?c=x,y");
        assertThat(LinkHeader.next(List.of("</o?page=2>; rel=\"last next\""))).isEqualTo("/o?page=2");
    }

    @Test
    void looksInEveryLinkHeader() {
        assertThat(LinkHeader.next(List.of("<https://a.example/o?page=1>; rel=\"first\"",
                "<https://a.example/o?page=2>; rel=\"next\""))).isEqualTo("https://a.example/o?page=2");
    }

    @Test
    void answersNothingWithoutANextLink() {
        assertThat(LinkHeader.next(List.of("<https://a.example/o?page=1>; rel=\"prev\""))).isNull();
        assertThat(LinkHeader.next(List.of())).isNull();
        assertThat(LinkHeader.next(List.of("garbage"))).isNull();
    }
}
