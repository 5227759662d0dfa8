package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The bounded hand-off between a run's fetcher and its writer: back-pressure, order, the end of the fetch. */
class HandOffTest {

    private static final Instant STAGED = Instant.parse("2026-12-03T04:00:00Z");

    private static HandOff.Page page(long... ids) {
        List<Staging.StagedRecord> records = new ArrayList<>();
        for (long id : ids) {
            records.add(new Staging.StagedRecord(id, JsonNodeFactory.instance.objectNode().put("id", id)));
        }
        return new HandOff.Page(records, STAGED);
    }

    /** The ids of a page taken from the hand-off, or {@code null} for none. */
    private static List<Long> ids(HandOff.Page page) {
        return page == null ? null : page.records().stream().map(Staging.StagedRecord::id).toList();
    }

    /** Puts a page in another thread, as the fetcher does. */
    private static CompletableFuture<Boolean> putInTheBackground(HandOff handOff, HandOff.Page page) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return handOff.put(page);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Whether the producer is still waiting after a while: it cannot have got through if it waits. */
    private static boolean stillWaiting(CompletableFuture<Boolean> put) throws Exception {
        try {
            put.get(300, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    @Test
    void aFullHandOffMakesTheFetcherWaitUntilTheWriterTakesAPage() throws Exception {
        // given a hand-off of two pages, full
        HandOff handOff = new HandOff(2);
        assertThat(handOff.put(page(1))).isTrue();
        assertThat(handOff.put(page(2))).isTrue();

        // when the fetcher hands off a third page
        CompletableFuture<Boolean> third = putInTheBackground(handOff, page(3));

        // then it waits, and goes on once the writer has taken a page
        assertThat(stillWaiting(third)).as("the fetcher waits while the hand-off is full").isTrue();
        assertThat(ids(handOff.take())).containsExactly(1L);
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWriterThatStopsReleasesAWaitingFetcherAndRefusesLaterPages() throws Exception {
        // given a full hand-off and a fetcher waiting to hand off another page
        HandOff handOff = new HandOff(1);
        handOff.put(page(1));
        CompletableFuture<Boolean> waiting = putInTheBackground(handOff, page(2));
        assertThat(stillWaiting(waiting)).isTrue();

        // when the writer fails and abandons the hand-off
        handOff.abandon();

        // then the fetcher is told to stop, now and for any later page
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(handOff.put(page(3))).isFalse();
        assertThat(handOff.abandoned()).isTrue();
    }

    @Test
    void pagesAreTakenInTheOrderTheyWereHandedOff() throws Exception {
        HandOff handOff = new HandOff(3);
        handOff.put(page(1, 2));
        handOff.put(page(3));
        handOff.put(page(4, 5, 6));

        assertThat(ids(handOff.take())).containsExactly(1L, 2L);
        assertThat(ids(handOff.take())).containsExactly(3L);
        assertThat(ids(handOff.take())).containsExactly(4L, 5L, 6L);
    }

    @Test
    void afterTheEndOfTheFetchTheWriterTakesWhatIsLeftThenHearsTheEnd() throws Exception {
        // given two pages handed off, then the end of the fetch
        HandOff handOff = new HandOff(4);
        handOff.put(page(1));
        handOff.put(page(2));
        handOff.finish();

        // then the writer still gets both pages, and then the end
        assertThat(ids(handOff.take())).containsExactly(1L);
        assertThat(ids(handOff.take())).containsExactly(2L);
        assertThat(handOff.take()).isNull();
    }

    @Test
    void aWriterWaitingForAPageHearsTheEndOfTheFetch() throws Exception {
        // given a writer waiting on an empty hand-off
        HandOff handOff = new HandOff(2);
        CompletableFuture<HandOff.Page> taking = CompletableFuture.supplyAsync(() -> {
            try {
                return handOff.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> taking.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        // when the fetch ends
        handOff.finish();

        // then the writer stops waiting, with nothing to take
        assertThat(taking.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aPageThatMadeNothingPendingTakesNoRoom() throws Exception {
        HandOff handOff = new HandOff(1);
        assertThat(handOff.put(page())).isTrue();
        assertThat(handOff.put(page(7))).as("the empty page took no room").isTrue();
        handOff.finish();

        assertThat(ids(handOff.take())).containsExactly(7L);
        assertThat(handOff.take()).isNull();
    }

    @Test
    void aFetcherWaitingOnAFullHandOffStopsWhenInterrupted() throws Exception {
        // given a fetcher thread waiting on a full hand-off
        HandOff handOff = new HandOff(1);
        handOff.put(page(1));
        List<Throwable> thrown = new ArrayList<>();
        Thread fetcher = new Thread(() -> {
            try {
                handOff.put(page(2));
            } catch (InterruptedException e) {
                thrown.add(e);
            }
        });
        fetcher.start();
        Thread.sleep(200);

        // when the platform's stop interrupts it
        fetcher.interrupt();
        fetcher.join(5_000);

        // then it stops waiting
        assertThat(fetcher.isAlive()).isFalse();
        assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
    }

    @Test
    void aHandOffHoldsAtLeastOnePage() {
        assertThatThrownBy(() -> new HandOff(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noPageIsHandedOffAfterTheEndOfTheFetch() throws Exception {
        HandOff handOff = new HandOff(1);
        handOff.finish();
        assertThatThrownBy(() -> handOff.put(page(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWriterMayTakeAWaitingPageWithoutWaitingAndThatMakesRoom() throws Exception {
        // given a full hand-off of one page and a fetcher waiting with the next
        HandOff handOff = new HandOff(1);
        assertThat(handOff.poll()).as("nothing waiting: no page, no wait").isNull();
        handOff.put(page(1));
        CompletableFuture<Boolean> waiting = putInTheBackground(handOff, page(2));
        assertThat(stillWaiting(waiting)).isTrue();

        // when the writer takes the waiting page without waiting
        assertThat(ids(handOff.poll())).containsExactly(1L);

        // then the fetcher goes on, and its page is next
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ids(handOff.poll())).containsExactly(2L);
    }
}
