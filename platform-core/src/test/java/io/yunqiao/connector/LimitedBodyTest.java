package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * An answer is kept in the chunks it arrived in, never copied into one array, and still reads as one answer: parsed
 * as a stream, shown as text, clipped for messages.
 */
class LimitedBodyTest {

    private static final String ANSWER = "{\"rows\":[{\"name\":\"供应商甲\"},{\"name\":\"供应商乙\"}]}";

    /** The answer's bytes as the HTTP client hands them over: in chunks of three bytes, splitting characters. */
    private static LimitedBody.Bytes received(String answer) throws Exception {
        HttpResponse.BodySubscriber<LimitedBody.Bytes> body = LimitedBody.atMost(1024).apply(new Info());
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += 3) {
            body.onNext(List.of(ByteBuffer.wrap(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 3)))));
        }
        body.onComplete();
        return body.getBody().toCompletableFuture().get();
    }

    @Test
    void anAnswerInManyChunksParsesAsOneJsonDocument() throws Exception {
        LimitedBody.Bytes answer = received(ANSWER);

        try (InputStream stream = answer.stream()) {
            assertThat(new ObjectMapper().readTree(stream)).isEqualTo(new ObjectMapper().readTree(ANSWER));
        }
    }

    @Test
    void itsTextJoinsCharactersSplitAcrossChunks() throws Exception {
        assertThat(received(ANSWER).text()).isEqualTo(ANSWER);
    }

    @Test
    void itsHeadIsTheFirstCharactersOnly() throws Exception {
        assertThat(received(ANSWER).head(20)).isEqualTo(ANSWER.substring(0, 20));
        assertThat(received("短").head(20)).isEqualTo("短");
    }

    @Test
    void anEmptyAnswerIsEmpty() throws Exception {
        assertThat(received("").isEmpty()).isTrue();
    }

    private static final class Info implements HttpResponse.ResponseInfo {

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
