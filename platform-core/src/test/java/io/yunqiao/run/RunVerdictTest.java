package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** How a run's end is decided and announced: by its counts when it did its work, by its failure when it could not. */
class RunVerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private final RunRepository runs = mock(RunRepository.class);
    private final Outcomes outcomes = mock(Outcomes.class);
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final RunVerdict verdict = new RunVerdict(runs, outcomes, transactions,
            Clock.fixed(NOW, ZoneOffset.UTC), events);

    /** A run of 10 records with these counts, as the database holds it; transactions simply run. */
    private Run run(int written, int skipped, int failed) {
        Run run = new Run(7, 1, RunTrigger.MANUAL, false, NOW.minusSeconds(60), "node", "instance");
        ReflectionTestUtils.setField(run, "id", 42L);
        // the counts as the database added them up (RunRepository.addCounts)
        ReflectionTestUtils.setField(run, "fetched", 10);
        ReflectionTestUtils.setField(run, "written", written);
        ReflectionTestUtils.setField(run, "skipped", skipped);
        ReflectionTestUtils.setField(run, "failed", failed);
        when(runs.findById(42L)).thenReturn(Optional.of(run));
        when(runs.lockById(42L)).thenReturn(Optional.of(run));
        when(transactions.execute(any())).thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0)
                .doInTransaction(null));
        return run;
    }

    @Test
    void aRunThatDidItsWorkEndsByItsCountsAndIsAnnouncedAfterItsEndIsCommitted() {
        // given a run in which 3 of 10 records failed
        Run run = run(7, 0, 3);

        // when it finishes
        verdict.finish(42, null);

        // then it ends PARTIAL by the rule of RunEnding, and the end is announced after the transaction
        assertThat(run.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.error(Locale.ENGLISH)).startsWith("3 of 10 records failed");
        assertThat(run.getError()).startsWith("10 条记录中有 3 条失败");
        assertThat(run.getEndedAt()).isEqualTo(NOW);
        InOrder order = inOrder(transactions, events);
        order.verify(transactions).execute(any());
        ArgumentCaptor<RunEnded> ended = ArgumentCaptor.forClass(RunEnded.class);
        order.verify(events).publishEvent(ended.capture());
        assertThat(ended.getValue().status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void aRunWithRecordsLeftUnconfirmedIsPartialNotSuccess() {
        Run run = run(9, 0, 0);
        when(outcomes.unconfirmedOf(42)).thenReturn(1L);

        verdict.finish(42, null);

        assertThat(run.getStatus()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.error(Locale.ENGLISH)).contains("1 records got no answer");
    }

    @Test
    void aFetchThatStoppedEarlyFailsTheRunSayingWhatWasStillWritten() {
        Run run = run(10, 0, 0);

        verdict.finish(42, "fetching page 3 failed");

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error(Locale.ENGLISH)).isEqualTo("fetching page 3 failed; records fetched before it were written.");
    }

    @Test
    void aRunThatCouldNotDoItsWorkFailsWithItsReasonAndIsAnnounced() {
        Run run = run(0, 0, 0);

        verdict.fail(42, Problem.coded(Problem.Kind.INVALID, "target.connection", "problem.run.connectionDeleted", 1,
                "5"));

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error(Locale.ENGLISH)).startsWith("The target connection 5 was deleted");
        ArgumentCaptor<RunEnded> ended = ArgumentCaptor.forClass(RunEnded.class);
        verify(events).publishEvent(ended.capture());
        assertThat(ended.getValue().error()).isEqualTo(run.getError());
    }

    @Test
    void aRefusalIsTheRunsErrorInTheReadersLanguage() {
        Problem noSource = Problem.coded(Problem.Kind.INVALID, "source", "problem.solution.sourceMissing");

        String stored = RunVerdict.failureOf(42, noSource);

        assertThat(StoredMessage.render(stored, Locale.ENGLISH)).isEqualTo(noSource.message(Locale.ENGLISH));
        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(noSource.message(Locale.SIMPLIFIED_CHINESE));
        assertThat(RunVerdict.expected(noSource)).isTrue();
    }

    @Test
    void aConnectorFailureNamesTheOperationTheKindAndTheVendorsWordsInEitherLanguage() {
        ConnectorException refused = new ConnectorException(ErrorClass.AUTH, null, "customer.create", "40001", 401,
                "wrong secret", null);

        String stored = RunVerdict.failureOf(42, refused);

        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE))
                .contains("customer.create", "认证失败", "HTTP 401", "对方代码 40001", "wrong secret")
                .doesNotContain("AUTH");
        assertThat(StoredMessage.render(stored, Locale.ENGLISH))
                .contains("customer.create", "authentication refused", "HTTP 401", "vendor code 40001", "wrong secret");
        assertThat(RunVerdict.expected(refused)).isTrue();
    }

    @Test
    void anUnexpectedFailureSendsTheReaderToTheLogByRunNumberWithoutTheExceptionsText() {
        IllegalStateException unexpected = new IllegalStateException("a writer failed: database refused");

        String shown = StoredMessage.render(RunVerdict.failureOf(42, unexpected), Locale.SIMPLIFIED_CHINESE);

        assertThat(shown).contains("42").doesNotContain("IllegalStateException", "database refused");
        assertThat(RunVerdict.expected(unexpected)).isFalse();
    }

    @Test
    void anInterruptionWithoutThePlatformsStopIsAFailureWhileWriting() {
        assertThat(StoredMessage.render(RunVerdict.failureOf(42, new InterruptedException()), Locale.ENGLISH))
                .startsWith("Interrupted while writing");
    }

    @Test
    void aRunItsNodeStoppedEndsInterruptedWithTheReasonAndIsAnnounced() {
        Run run = run(4, 0, 0);

        verdict.interrupt(42, io.yunqiao.problem.StoredMessage.of("run.interrupted.nodeStopped", "node-a", "node-b")
                .store());

        assertThat(run.getStatus()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(run.error(Locale.ENGLISH)).contains("node-a was stopped deliberately", "node-b");
        assertThat(run.getEndedAt()).isEqualTo(NOW);
        ArgumentCaptor<RunEnded> ended = ArgumentCaptor.forClass(RunEnded.class);
        verify(events).publishEvent(ended.capture());
        assertThat(ended.getValue().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void aRunAnotherNodeAlreadyEndedKeepsItsEndAndIsNotAnnouncedAgain() {
        // given a run the other nodes took for dead: ended INTERRUPTED while its node was cut off
        Run run = run(4, 0, 0);
        run.end(RunStatus.INTERRUPTED, StoredMessage.of("run.interrupted.nodeDied", "node", "43", "node-b").store(),
                NOW.minusSeconds(5));

        // when its node comes back and finishes it
        verdict.finish(42, null);

        // then the interruption stands, with its time, and nobody hears of a second end
        assertThat(run.getStatus()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(run.getEndedAt()).isEqualTo(NOW.minusSeconds(5));
        verify(events, never()).publishEvent(any());
    }
}
