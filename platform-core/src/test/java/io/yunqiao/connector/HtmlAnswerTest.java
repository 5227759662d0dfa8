package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A web page in place of the API's answer, summarised for people rather than quoted. */
class HtmlAnswerTest {

    private static String chinese(int status, String body) {
        return StoredMessage.render(HtmlAnswer.summary(status, body).orElseThrow(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aServerErrorPageReadsAsTheStatusInWordsWithItsTitle() {
        // given a gateway's 500 page with a title, when summarised, then it names the status and the title, no markup
        String page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway &amp; more</title>"
                + "<style>body{color:red}</style></head><body><h1>nginx</h1></body></html>";
        assertThat(chinese(500, page))
                .isEqualTo("对方系统返回 HTTP 500 服务器错误（返回的是网页，不是接口数据），页面写着：502 Bad Gateway & more");
        assertThat(StoredMessage.render(HtmlAnswer.summary(500, page).orElseThrow(), Locale.ENGLISH))
                .isEqualTo("The other system answered HTTP 500 server error (a web page, not API data), the page"
                        + " says: 502 Bad Gateway & more");
    }

    @Test
    void withoutATitleTheFirstHeadingOrTheTextIsShown() {
        // given pages without a title, when summarised, then their heading, else their visible text, is shown
        assertThat(chinese(500, "<html><body><h1>500 Internal Server Error</h1></body></html>"))
                .endsWith("页面写着：500 Internal Server Error");
        assertThat(chinese(403, "<html><script>var x = 1;</script><p>Access   denied</p></html>"))
                .isEqualTo("对方系统返回 HTTP 403 请求被拒绝（返回的是网页，不是接口数据），页面写着：Access denied");
        assertThat(chinese(200, "<html><body></body></html>")).isEqualTo("对方系统返回 HTTP 200，但内容是网页，不是接口数据");
    }

    @Test
    void aLongTitleIsCutAndItsControlCharactersGo() {
        // given a title of 300 characters with a line break, when summarised, then 100 characters and an ellipsis
        String title = "x\n" + "y".repeat(298);
        String said = HtmlAnswer.title("<html><title>" + title + "</title></html>");
        assertThat(said).hasSize(HtmlAnswer.MAX_TITLE + 1).endsWith("…").doesNotContain("\n");
    }

    @Test
    void anAnswerThatIsNoWebPageIsNotSummarised() {
        // given plain text, broken JSON or XML, when asked for a summary, then there is none
        assertThat(HtmlAnswer.summary(500, "Internal error")).isEmpty();
        assertThat(HtmlAnswer.summary(200, "{\"code\":200,\"resu")).isEmpty();
        assertThat(HtmlAnswer.summary(500, "<?xml version=\"1.0\"?><error>boom</error>")).isEmpty();
        assertThat(HtmlAnswer.summary(500, null)).isEmpty();
    }
}
