package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Writing a grouped solution's pending records: one target record per group, its outcome every record's. */
class GroupWriterTest {

    private static final long SOLUTION = 7;
    private static final long RUN = 70;
    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private final RecordWriter writer = mock(RecordWriter.class);
    private final Outcomes outcomes = mock(Outcomes.class);
    private final StagedClaims claims = mock(StagedClaims.class);
    private final StagedContents contents = mock(StagedContents.class);
    private final GroupWriter groups = new GroupWriter(writer, outcomes, claims, contents, mock(EngineMetrics.class),
            Clock.fixed(NOW, ZoneOffset.UTC));
    /** The body sent for a group, as the mapping made it. */
    private final AtomicReference<JsonNode> mapped = new AtomicReference<>();
    private final RecordWriter.Target target = new RecordWriter.Target(null, "customer.create", record -> {
        mapped.set(record);
        return new Prepared(record, record.get("supplier").asText(), null);
    }, null, null, LogLevel.ALL);
    private final SourceShapes.Shape shape = new SourceShapes.Shape(SourceLines.NONE, SourceGroups.of(
            new SolutionSpec.Group("supplier", "bills", 0), MappingEngines.defaultEngine(), 500), MappingContext.none());

    /** Two bills of supplier S-1, pending and claimed as one group. */
    private List<SourceRecord> groupOfTwo() {
        List<SourceRecord> group = List.of(record(1, "S-1"), record(2, "S-1"));
        when(contents.reader(group)).thenReturn(record -> JsonNodeFactory.instance.objectNode()
                .put("billno", "B-" + record.getId()).put("supplier", record.getGroupKey()));
        AtomicInteger claimed = new AtomicInteger();
        when(claims.claimGroup(eq(SOLUTION), eq(RUN), eq(500), anyString()))
                .thenAnswer(call -> claimed.getAndIncrement() == 0 ? group : List.of());
        when(outcomes.recordAll(anyLong(), anyLong(), any(), any()))
                .thenAnswer(call -> new RecordWriter.Written(call.<List<?>>getArgument(2).size(), 0, 0, 0));
        return group;
    }

    private static SourceRecord record(long id, String groupKey) {
        SourceRecord record = mock(SourceRecord.class);
        when(record.getId()).thenReturn(id);
        when(record.getGroupKey()).thenReturn(groupKey);
        return record;
    }

    private static RecordOutcome success(long id) {
        return new RecordOutcome(id, RecordStatus.SUCCESS, 1, true, "S-1", "{}", "{\"code\":200}", null, null, "ok",
                5, NOW);
    }

    @Test
    void aGroupIsSentOnceMappedFromItsFirstRecordWithEveryRecordUnderInto() throws InterruptedException {
        List<SourceRecord> group = groupOfTwo();
        when(writer.send(eq(SOLUTION), eq(target), eq(group.get(0)), any(), any())).thenReturn(success(1));

        groups.drain(SOLUTION, RUN, target, shape, "me");

        assertThat(mapped.get().get("billno").asText()).isEqualTo("B-1");
        assertThat(mapped.get().get("bills")).extracting(bill -> bill.get("billno").asText())
                .containsExactly("B-1", "B-2");
        verify(writer).send(eq(SOLUTION), eq(target), eq(group.get(0)), any(), any());
    }

    @Test
    void everyRecordOfTheGroupIsRecordedWithTheGroupsOutcomeInOneTransaction() throws InterruptedException {
        List<SourceRecord> group = groupOfTwo();
        when(writer.send(eq(SOLUTION), eq(target), eq(group.get(0)), any(), any())).thenReturn(success(1));

        RecordWriter.Written written = groups.drain(SOLUTION, RUN, target, shape, "me");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordOutcome>> recorded = ArgumentCaptor.forClass(List.class);
        verify(outcomes).recordAll(eq(SOLUTION), eq(RUN), recorded.capture(), eq(LogLevel.ALL));
        assertThat(recorded.getValue()).extracting(RecordOutcome::sourceRecordId).containsExactly(1L, 2L);
        assertThat(recorded.getValue()).extracting(RecordOutcome::status).containsOnly(RecordStatus.SUCCESS);
        assertThat(recorded.getValue()).extracting(RecordOutcome::response).containsOnly("{\"code\":200}");
        assertThat(written.written()).isEqualTo(2);
    }

    @Test
    void aGroupWhoseTargetKeyWasWrittenBeforeIsSkippedWithoutARequest() throws InterruptedException {
        groupOfTwo();
        when(outcomes.writtenKeys(eq(SOLUTION), anyCollection())).thenReturn(Set.of("S-1"));

        groups.drain(SOLUTION, RUN, target, shape, "me");

        verify(writer, never()).send(anyLong(), any(), any(), any(), any());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordOutcome>> recorded = ArgumentCaptor.forClass(List.class);
        verify(outcomes).recordAll(eq(SOLUTION), eq(RUN), recorded.capture(), any());
        assertThat(recorded.getValue()).extracting(RecordOutcome::status).containsOnly(RecordStatus.SKIPPED);
    }

    @Test
    void aGroupWhoseSendingBeganAndBrokeGoesBackToTheQueueAsPossiblySent() {
        // given a group whose request went out, then the writer failed before an outcome was known
        List<SourceRecord> group = groupOfTwo();
        when(writer.send(eq(SOLUTION), eq(target), eq(group.get(0)), any(), any())).thenAnswer(call -> {
            call.<Set<Long>>getArgument(4).add(1L);
            throw new IllegalStateException("the database went away");
        });

        // when it is written, then the failure is the run's and both records are queued again as possibly sent
        assertThatThrownBy(() -> groups.drain(SOLUTION, RUN, target, shape, "me"))
                .hasMessageContaining("went away");
        verify(outcomes).unclaim(List.of(1L, 2L));
        verify(outcomes, never()).recordAll(anyLong(), anyLong(), any(), any());
    }

    @Test
    void aGroupThatFailsBeforeSendingGoesBackToTheQueueAsItWas() {
        groupOfTwo();
        when(outcomes.writtenKeys(eq(SOLUTION), anyCollection())).thenThrow(new IllegalStateException("no database"));

        assertThatThrownBy(() -> groups.drain(SOLUTION, RUN, target, shape, "me")).hasMessageContaining("database");
        verify(outcomes).unclaimUnsent(List.of(1L, 2L));
        verify(outcomes, never()).unclaim(any());
    }

    @Test
    void aRecordStagedBeforeItsSolutionGroupedGetsItsKeyAndGoesBackToBeClaimedWithItsGroup()
            throws InterruptedException {
        SourceRecord old = record(5, null);
        when(contents.reader(List.of(old))).thenReturn(record -> JsonNodeFactory.instance.objectNode()
                .put("supplier", "S-9"));
        AtomicInteger claimed = new AtomicInteger();
        when(claims.claimGroup(anyLong(), anyLong(), anyInt(), anyString()))
                .thenAnswer(call -> claimed.getAndIncrement() == 0 ? List.of(old) : List.of());

        groups.drain(SOLUTION, RUN, target, shape, "me");

        verify(claims).grouped(5L, "S-9", RUN);
        verify(writer, never()).send(anyLong(), any(), any(), any(), any());
    }

    @Test
    void aRecordWithoutAGroupKeyFailsNamingTheExpression() throws InterruptedException {
        SourceRecord old = record(5, null);
        when(old.getSourceKey()).thenReturn("K-5");
        when(contents.reader(List.of(old))).thenReturn(record -> JsonNodeFactory.instance.objectNode()
                .put("billno", "B-5"));
        AtomicInteger claimed = new AtomicInteger();
        when(claims.claimGroup(anyLong(), anyLong(), anyInt(), anyString()))
                .thenAnswer(call -> claimed.getAndIncrement() == 0 ? List.of(old) : List.of());
        when(outcomes.recordAll(anyLong(), anyLong(), any(), any())).thenReturn(new RecordWriter.Written(0, 0, 1, 0));

        groups.drain(SOLUTION, RUN, target, shape, "me");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordOutcome>> recorded = ArgumentCaptor.forClass(List.class);
        verify(outcomes).recordAll(eq(SOLUTION), eq(RUN), recorded.capture(), any());
        assertThat(recorded.getValue()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
            assertThat(StoredMessage.render(outcome.message(), Locale.ENGLISH))
                    .contains("K-5", "supplier");
        });
    }
}
