package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A record log stores its request and response compressed when that pays, and answers them as the text they were.
 */
class RecordLogBodiesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    /** A Jackyun-like customer request of about 2 KB, as repetitive as real JSON bodies are. */
    private static String customerRequest() {
        StringBuilder body = new StringBuilder("{\"method\":\"erp.customer.create\",\"bizcontent\":{\"customers\":[");
        for (int i = 0; i < 12; i++) {
            body.append(i == 0 ? "" : ",").append("{\"customerCode\":\"GYS").append(1000 + i)
                    .append("\",\"nickname\":\"供应商 ").append(i).append(" 号\",\"phone\":\"1380000").append(4000 + i)
                    .append("\",\"address\":\"上海市浦东新区世纪大道 ").append(100 + i).append(" 号\",\"memo\":\"由云桥同步\"}");
        }
        return body.append("]}}").toString();
    }

    private static RecordLog log(String request, String response) {
        return new RecordLog(1, null, RecordStatus.SUCCESS, 1, request, response, null, null, null, 5, NOW);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aLargeBodyIsStoredCompressedAndReadBackUnchanged() {
        String request = customerRequest();
        String response = "{\"code\":200,\"msg\":\"success\",\"result\":{\"data\":" + request + "}}";

        RecordLog log = log(request, response);

        assertThat(log.getRequest()).isEqualTo(request);
        assertThat(log.getResponse()).isEqualTo(response);
        assertThat(log.request(Locale.ENGLISH)).isEqualTo(request);
        assertThat(log.storedBodyBytes()).isLessThan((utf8(request) + utf8(response)) / 3);
    }

    @Test
    void aSmallBodyIsKeptAsText() {
        RecordLog log = log("{\"customerCode\":\"GYS1001\"}", "{\"code\":200}");

        assertThat(log.getRequest()).isEqualTo("{\"customerCode\":\"GYS1001\"}");
        assertThat(log.getResponse()).isEqualTo("{\"code\":200}");
        assertThat(log.storedBodyBytes()).isEqualTo(utf8("{\"customerCode\":\"GYS1001\"}") + utf8("{\"code\":200}"));
    }

    @Test
    void aBodyCompressingWouldNotShrinkIsKeptAsText() {
        // 80 characters that do not repeat: zstd's frame would be larger than the text
        String noise = "q7Wz1Kp9Lx3Vb5Nm8Hc2Jd4Fg6Ts0Ry$Ue!Io@Pa#Sl%Dk^Fj&Gh*Zx(Cv)Bn_Mq+Wr=Et[Yu]Ip{Ao}Sd";

        RecordLog log = log(noise, null);

        assertThat(log.getRequest()).isEqualTo(noise);
        assertThat(log.storedBodyBytes()).isEqualTo(utf8(noise));
    }

    @Test
    void aMostlyChineseBodyIsComparedByItsBytesNotItsCharacters() {
        // a body of about 240 bytes in fewer characters, like a customer add with a Chinese name: compressing saves
        // bytes although the result is longer than the character count
        String request = "{\"version\":\"v1.0\",\"method\":\"crm.customer.add\",\"bizcontent\":\"{\\\"customerCode\\\":"
                + "\\\"GYS0001\\\",\\\"nickname\\\":\\\"杭州通达服饰有限公司杭州通达服饰有限公司杭州通达服饰有限公司\\\"}\","
                + "\"appkey\":\"100200\",\"sign\":\"******\"}";

        RecordLog log = log(request, null);

        assertThat(log.getRequest()).isEqualTo(request);
        assertThat(log.storedBodyBytes()).isLessThan(utf8(request));
    }

    @Test
    void utf8LengthCountsWhatTheDatabaseStores() {
        for (String text : new String[] {"abc", "供应商", "é ü", "😀 emoji", ""}) {
            assertThat(RecordLog.utf8Length(text)).as(text).isEqualTo(utf8(text));
        }
    }

    @Test
    void absentBodiesStayAbsent() {
        RecordLog log = log(null, null);

        assertThat(log.getRequest()).isNull();
        assertThat(log.getResponse()).isNull();
        assertThat(log.storedBodyBytes()).isZero();
    }
}
