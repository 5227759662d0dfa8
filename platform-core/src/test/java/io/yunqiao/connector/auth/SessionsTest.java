package io.yunqiao.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How sessions (tokens) are shared between threads, refreshed and forgotten. */
class SessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private record Session(String token, Instant expiresAt) {
    }

    private final Sessions<Session> cache = new Sessions<>(Session::expiresAt);
    private final AtomicInteger logins = new AtomicInteger();
    private final Connection connection = new Connection("c1", "金蝶演示", "kingdee-jdy", Map.of("clientId", "a"));

    private Session login() {
        return new Session("T" + logins.incrementAndGet(), NOW.plusSeconds(3600));
    }

    @Test
    void logsInOnceWhenManyThreadsAskAtOnce() throws Exception {
        // given 16 threads that ask for the session of one connection at the same moment, and a slow login
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Session>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache.get(connection, NOW, () -> {
                    sleep(100);
                    return login();
                });
            }));
        }

        // when they all go
        start.countDown();
        List<String> tokens = new ArrayList<>();
        for (Future<Session> result : results) {
            tokens.add(result.get(10, TimeUnit.SECONDS).token());
        }
        pool.shutdown();

        // then one login served them all
        assertThat(logins).hasValue(1);
        assertThat(tokens).containsOnly("T1");
    }

    @Test
    void logsInAgainOnceTheSessionHasExpired() {
        // given a session that expires in an hour
        assertThat(cache.get(connection, NOW, this::login).token()).isEqualTo("T1");

        // when asked for shortly before and right at expiry
        String before = cache.get(connection, NOW.plusSeconds(3599), this::login).token();
        String after = cache.get(connection, NOW.plusSeconds(3600), this::login).token();

        // then the old session serves until it expires, then a new login happens
        assertThat(before).isEqualTo("T1");
        assertThat(after).isEqualTo("T2");
    }

    @Test
    void invalidatingForgetsTheSessionSoTheNextCallLogsIn() {
        // given a cached session this thread used
        cache.get(connection, NOW, this::login);

        // when the call with it failed and the cache is invalidated
        boolean retry = cache.invalidate(connection);

        // then a retry is worthwhile and logs in afresh
        assertThat(retry).isTrue();
        assertThat(cache.get(connection, NOW, this::login).token()).isEqualTo("T2");
    }

    @Test
    void invalidatingKeepsANewerSessionAnotherThreadAlreadyFetched() throws Exception {
        // given this thread used T1, and another thread failed with T1 too and already logged in again (T2)
        cache.get(connection, NOW, this::login);
        Thread other = new Thread(() -> {
            cache.get(connection, NOW, this::login);
            cache.invalidate(connection);
            cache.get(connection, NOW, this::login);
        });
        other.start();
        other.join();
        assertThat(logins).hasValue(2);

        // when this thread's failed call invalidates
        boolean retry = cache.invalidate(connection);

        // then it retries with T2, without a third login
        assertThat(retry).isTrue();
        assertThat(cache.get(connection, NOW, this::login).token()).isEqualTo("T2");
        assertThat(logins).hasValue(2);
    }

    @Test
    void invalidatingWithNothingCachedSaysARetryIsPointless() {
        // given a connection that never logged in, when invalidated, then there is nothing to retry with
        assertThat(cache.invalidate(connection)).isFalse();
    }

    @Test
    void anEditedConnectionLogsInAfresh() {
        // given a cached session
        cache.get(connection, NOW, this::login);

        // when the connection's values change
        Connection edited = new Connection("c1", "金蝶演示", "kingdee-jdy", Map.of("clientId", "b"));

        // then the old session is not reused
        assertThat(cache.get(edited, NOW, this::login).token()).isEqualTo("T2");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
