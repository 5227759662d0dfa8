package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.DefinitionReader;
import io.yunqiao.connector.OutgoingRequest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Definitions with a given auth block, read like any file, and a fake runtime for their schemes. */
final class AuthFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private AuthFixtures() {
    }

    /** A small definition whose {@code auth:} is the YAML given (indented by the caller as under {@code auth:}). */
    static ConnectorDefinition definition(String authYaml) {
        String yaml = """
                id: test-api
                name: { zh: 测试接口 }
                vendor: Test
                version: "1.0"
                auth:
                %s
                connection:
                  - { name: baseUrl, label: { zh: 地址 }, type: url, required: true }
                  - { name: appKey, label: { zh: 应用 }, required: true }
                  - { name: appSecret, label: { zh: 密钥 }, type: password, required: true, secret: true }
                  - { name: token, label: { zh: 令牌 }, type: password, secret: true }
                  - { name: user, label: { zh: 用户 } }
                  - { name: account, label: { zh: 账套 } }
                operations:
                  - id: things.list
                    role: QUERY
                    title: { zh: 查询 }
                    request: { method: GET, path: /things, body: query }
                    records: data
                    key: id
                    fields: [ { name: id, label: { zh: 编号 } } ]
                """.formatted(authYaml.stripTrailing().indent(2).stripTrailing());
        return DefinitionReader.read("test-api.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static AuthScheme scheme(String authYaml) {
        return DeclarativeAuth.scheme(definition(authYaml));
    }

    static Connection connection(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", "http://api.test/v1", "appKey", "key-1",
                "appSecret", "secret-1"));
        values.putAll(overrides);
        return new Connection("c1", "测试连接", "test-api", values);
    }

    static OutgoingRequest get(String path) {
        return new OutgoingRequest("GET", "http://api.test/v1", path, null);
    }

    /** A runtime with a settable clock, a fixed nonce, canned answers and a record of what was sent. */
    static final class FakeContext implements AuthContext {

        final List<HttpRequest> sent = new ArrayList<>();
        final Deque<JsonNode> answers = new ArrayDeque<>();
        Instant now = Instant.parse("2026-11-28T02:00:00Z");
        String nonce = "12345";
        RuntimeException refusal;

        FakeContext answering(String... json) {
            for (String answer : json) {
                try {
                    answers.add(JSON.readTree(answer));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            return this;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ObjectMapper json() {
            return JSON;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now, ZoneOffset.UTC);
        }

        @Override
        public String nonce() {
            return nonce;
        }

        @Override
        public JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            sent.add(request.build());
            if (refusal != null) {
                throw refusal;
            }
            if (answers.isEmpty()) {
                throw new AssertionError("no answer prepared for " + purpose);
            }
            // the answers come round again: a second login gets the same answers as the first
            JsonNode answer = answers.poll();
            answers.add(answer);
            return answer;
        }

        @Override
        public JsonNode sendForToken(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            return sendForJson(connection, purpose, fix, request);
        }

        /** The body of a sent request, as text. */
        static String body(HttpRequest request) {
            var subscriber = java.net.http.HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            request.bodyPublisher().orElseThrow().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(java.nio.ByteBuffer item) {
                    subscriber.onNext(List.of(item));
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
            return subscriber.getBody().toCompletableFuture().join();
        }
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
}
