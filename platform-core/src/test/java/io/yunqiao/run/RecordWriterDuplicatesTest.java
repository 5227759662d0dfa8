package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.solution.LogLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Records whose target key the solution has written already: skipped as duplicates without a writer thread or a
 * request, and recorded together, in one transaction, whatever the in-flight bound.
 */
class RecordWriterDuplicatesTest {

    private static final long SOLUTION = 7;
    private static final long RUN = 70;

    private final ConnectorClient client = mock(ConnectorClient.class);
    private final Outcomes outcomes = mock(Outcomes.class);
    private final StagedContents contents = mock(StagedContents.class);
    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final RecordWriter writer = new RecordWriter(client, outcomes, writers, 200,
            Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC), mock(EngineMetrics.class), contents,
            mock(StagedClaims.class));
    /** Every record maps to the customer of its supplier: the bills of supplier S-1 share one target key. */
    private final RecordWriter.Target target = new RecordWriter.Target(null, "customer.create",
            record -> new Prepared(record, "S-1", null), null, null, LogLevel.ALL);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aBatchOfBillsOfAnAlreadyWrittenCustomerIsRecordedAsSkippedInOneTransactionWithoutARequest()
            throws InterruptedException {
        // given 100 pending bills of supplier S-1, whose customer an earlier run wrote
        List<SourceRecord> batch = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            SourceRecord record = mock(SourceRecord.class);
            when(record.getId()).thenReturn(id);
            batch.add(record);
        }
        when(contents.reader(batch)).thenReturn(record -> JsonNodeFactory.instance.objectNode()
                .put("billno", "B-" + record.getId()));
        AtomicInteger claims = new AtomicInteger();
        when(outcomes.claimPending(eq(SOLUTION), eq(RUN), anyInt(), anyString()))
                .thenAnswer(call -> claims.getAndIncrement() == 0 ? batch : List.of());
        when(outcomes.writtenKeys(eq(SOLUTION), anyCollection())).thenReturn(Set.of("S-1"));
        when(outcomes.recordAll(anyLong(), anyLong(), any(), any()))
                .thenAnswer(call -> new RecordWriter.Written(0, call.<List<?>>getArgument(2).size(), 0, 0));

        // when the writer writes the backlog
        RecordWriter.Written written = writer.writeWhilePending(SOLUTION, RUN, target, "me", () -> true);

        // then all 100 are skipped, recorded in one go (more than the 40 the in-flight bound lets wait), none sent
        assertThat(written).isEqualTo(new RecordWriter.Written(0, 100, 0, 0));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordOutcome>> recorded = ArgumentCaptor.forClass(List.class);
        verify(outcomes, times(1)).recordAll(eq(SOLUTION), eq(RUN), recorded.capture(), eq(LogLevel.ALL));
        assertThat(recorded.getValue()).hasSize(100)
                .allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(RecordStatus.SKIPPED));
        verify(client, never()).execute(any(), any(), any());
    }
}
