package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.solution.LogLevel;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failure rules of a run's pipeline, with the fetcher and the database stood in for: the writer starts while the
 * fetch goes on, a fetch that stops early still gets what it staged written, and a writer that fails stops the
 * fetcher and is the run's failure.
 */
class RunPipelineTest {

    private static final int HAND_OFF_PAGES = 2;

    private final Fetcher fetcher = mock(Fetcher.class);
    private final StagedClaims claims = mock(StagedClaims.class);
    private final Outcomes outcomes = mock(Outcomes.class);
    private final ClusterNodes nodes = mock(ClusterNodes.class);
    private final RunRepository runs = mock(RunRepository.class);
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final EngineThreads threads = new EngineThreads(2, java.time.Duration.ofSeconds(30),
            new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(org.quartz.Scheduler.class), mock(EntityManagerFactory.class));
    private final RunPipeline pipeline = new RunPipeline(fetcher, mock(ConnectorClient.class), outcomes, claims,
            mock(StagedContents.class), threads, mock(EngineMetrics.class), nodes, runs, transactions,
            Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC), 200, String.valueOf(HAND_OFF_PAGES),
            mock(ChosenDryRun.class));
    private final Run run = new Run(7, 1, RunTrigger.MANUAL, false, Instant.EPOCH, "node", "me");
    private final RecordWriter.Target target = new RecordWriter.Target(null, "customer.create", null, null, null,
            LogLevel.ALL);
    /** The ids the writer claimed, page by page, in order. */
    private final List<List<Long>> claimed = Collections.synchronizedList(new ArrayList<>());

    RunPipelineTest() {
        ReflectionTestUtils.setField(run, "id", 42L);
        when(runs.findById(42L)).thenReturn(Optional.of(run));
        doAnswer(call -> {
            call.<Consumer<Object>>getArgument(0).accept(null);
            return null;
        }).when(transactions).executeWithoutResult(any());
        when(nodes.self()).thenReturn("me");
        when(nodes.alive()).thenReturn(Set.of("me"));
        // nothing else pending after the fetch: the drain ends at once
        when(outcomes.claimPending(anyLong(), anyLong(), anyInt(), anyString())).thenReturn(List.of());
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdown();
    }

    private static HandOff.Page page(long... ids) {
        List<Staging.StagedRecord> records = new ArrayList<>();
        for (long id : ids) {
            records.add(new Staging.StagedRecord(id, JsonNodeFactory.instance.objectNode().put("id", id)));
        }
        return new HandOff.Page(records, Instant.EPOCH);
    }

    /** The writer claims the handed-off records; another node has taken them all already, so nothing is sent. */
    private void claimsFindNothingLeft(CountDownLatch firstClaim) {
        when(claims.claim(eq(42L), any(), eq("me"))).thenAnswer(call -> {
            claimed.add(List.copyOf(call.<List<Long>>getArgument(1)));
            firstClaim.countDown();
            return List.of();
        });
    }

    private void fetcherDoes(FetchScript script) throws InterruptedException {
        when(fetcher.fetch(any(), any(), any(), any(), any(), any())).thenAnswer(call ->
                script.fetch(call.getArgument(5)));
    }

    private interface FetchScript {
        String fetch(HandOff handOff) throws InterruptedException;
    }

    @Test
    void theWriterTakesTheFirstPageWhileTheFetchGoesOn() throws Exception {
        // given a fetcher that hands off one page, then waits until the writer has claimed it before the next
        CountDownLatch firstClaim = new CountDownLatch(1);
        claimsFindNothingLeft(firstClaim);
        fetcherDoes(handOff -> {
            handOff.put(page(1, 2));
            assertThat(firstClaim.await(10, TimeUnit.SECONDS)).as("the writer took page 1 during the fetch").isTrue();
            handOff.put(page(3));
            return null;
        });

        // when the run fetches and writes
        String fetchFailure = pipeline.fetchAndWrite(run, null, null, null, null, target);

        // then page 1 was claimed on its own (the fetch was still going on), then page 3
        assertThat(fetchFailure).isNull();
        assertThat(claimed).containsExactly(List.of(1L, 2L), List.of(3L));
    }

    @Test
    void aFetchThatStopsEarlyStillHasWhatItStagedWritten() throws Exception {
        // given a fetcher that stages three pages, then cannot fetch the fourth
        claimsFindNothingLeft(new CountDownLatch(1));
        fetcherDoes(handOff -> {
            handOff.put(page(1));
            handOff.put(page(2));
            handOff.put(page(3));
            return "fetching page 4 failed";
        });

        // when the run fetches and writes
        String fetchFailure = pipeline.fetchAndWrite(run, null, null, null, null, target);

        // then the failure is answered for the verdict, after the writer claimed every staged page, in order
        assertThat(fetchFailure).isEqualTo("fetching page 4 failed");
        assertThat(claimed.stream().flatMap(List::stream)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aWriterThatFailsStopsTheFetcherAndItsFailureIsTheRuns() throws Exception {
        // given a database that refuses the writer's claim, and a fetcher with many pages to hand off
        when(claims.claim(eq(42L), any(), eq("me"))).thenThrow(new IllegalStateException("database refused"));
        AtomicInteger handedOff = new AtomicInteger();
        fetcherDoes(handOff -> {
            for (long page = 1; page <= 1_000; page++) {
                // pages of a whole batch each, so that the writer takes one page at a time
                long[] ids = LongStream.range(page * 1_000, page * 1_000 + 200).toArray();
                if (!handOff.put(page(ids))) {
                    return null;
                }
                handedOff.incrementAndGet();
            }
            return null;
        });

        // when the run fetches and writes, then the writer's failure ends it
        assertThatThrownBy(() -> pipeline.fetchAndWrite(run, null, null, null, null, target))
                .isInstanceOf(IllegalStateException.class).hasMessage("database refused");

        // and the fetcher stopped at once: no more than a full hand-off and the page the writer had taken
        assertThat(handedOff.get()).isLessThanOrEqualTo(HAND_OFF_PAGES + 1);
    }
}
