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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngines;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What a record becomes when the target answers "already exists" for it, under each already-exists policy: the
 * writer with a stand-in client, a real policy and a real mapping.
 */
class ExistingPolicyWriteTest {

    private static final long SOLUTION = 8;
    private static final long RUN = 80;
    private static final String ADD = "customer.add";
    private static final String UPDATE = "customer.update";
    private static final String TAKEN = "客户编号已存在: C-1（customerId 10000001）";

    private static final OperationDefinition UPDATE_OPERATION = new OperationDefinition(UPDATE,
            OperationRole.EXECUTE, new LocalizedText("客户修改", null), null, null, null, null, null, null, null, null,
            null, null, null, List.of(
                    new FieldDefinition("customerCode", new LocalizedText("客户编号", null), "string", true, null, null),
                    new FieldDefinition("nickname", new LocalizedText("客户名称", null), "string", false, null, null)),
            null, null);

    private final ConnectorClient client = mock(ConnectorClient.class);
    private final Outcomes outcomes = mock(Outcomes.class);
    private final StagedContents contents = mock(StagedContents.class);
    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final RecordWriter writer = new RecordWriter(client, outcomes, writers, 200,
            Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC), mock(EngineMetrics.class), contents,
            mock(StagedClaims.class));

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    private static ExecuteResult answer(ErrorClass errorClass, String message, String request) {
        return new ExecuteResult(errorClass == null, errorClass, errorClass == null ? null : "0050030003", message,
                200, request, "{\"msg\":\"" + message + "\"}", null, Duration.ZERO, false);
    }

    private static ExistingPolicy policy(Policy policy, String updateMapping) {
        return policy == Policy.FAIL ? ExistingPolicy.FAIL : new ExistingPolicy(policy, UPDATE,
                updateMapping == null ? null : MappingEngines.defaultEngine().compile(updateMapping), UPDATE_OPERATION,
                MappingContext.none());
    }

    /** Maps a supplier to the customer add's body, keyed by its code; the policy keeps what it needs. */
    private static RecordWriter.Target target(ExistingPolicy policy) {
        RecordPreparation preparation = new RecordPreparation() {
            @Override
            public Prepared prepare(JsonNode record) {
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("customerCode", record.path("code").asText())
                        .put("nickname", record.path("name").asText());
                return policy.keep(record, new Prepared(body, record.path("code").asText(), null));
            }

            @Override
            public ExistingPolicy existing() {
                return policy;
            }
        };
        return new RecordWriter.Target(null, ADD, preparation, null,
                WriteGuards.writeRetry("test", new SolutionSpec.Retry(1, 0, 1.0, 0)), LogLevel.ALL);
    }

    /** Writes one pending supplier C-1 (sent before or not) and answers the outcome recorded for it. */
    private RecordOutcome writeOneSupplier(RecordWriter.Target target, boolean sentBefore)
            throws InterruptedException {
        SourceRecord record = mock(SourceRecord.class);
        when(record.getId()).thenReturn(1L);
        when(record.isSent()).thenReturn(sentBefore);
        List<SourceRecord> batch = List.of(record);
        when(contents.reader(batch)).thenReturn(r -> JsonNodeFactory.instance.objectNode().put("code", "C-1")
                .put("name", "杭州甲公司"));
        AtomicInteger claims = new AtomicInteger();
        when(outcomes.claimPending(eq(SOLUTION), eq(RUN), anyInt(), anyString()))
                .thenAnswer(call -> claims.getAndIncrement() == 0 ? batch : List.of());
        when(outcomes.writtenKeys(eq(SOLUTION), anyCollection())).thenReturn(Set.of());
        List<RecordOutcome> recorded = new ArrayList<>();
        when(outcomes.recordAll(anyLong(), anyLong(), any(), any())).thenAnswer(call -> {
            recorded.addAll(call.getArgument(2));
            return RecordWriter.Written.NONE;
        });
        writer.writeWhilePending(SOLUTION, RUN, target, "me", () -> true);
        assertThat(recorded).hasSize(1);
        return recorded.get(0);
    }

    private void theAddAnswersAlreadyExists() {
        when(client.execute(any(), eq(ADD), any())).thenReturn(answer(ErrorClass.ALREADY_EXISTS, TAKEN,
                "{\"customerCode\":\"C-1\"}"));
    }

    private static String zh(RecordOutcome outcome) {
        return StoredMessage.render(outcome.message(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void underSkipACustomerTheTargetAlreadyHoldsIsSkippedWithTheTargetsAnswerAndNoSecondRequest()
            throws InterruptedException {
        theAddAnswersAlreadyExists();

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.SKIP, null)), false);

        assertThat(outcome.status()).isEqualTo(RecordStatus.SKIPPED);
        assertThat(StoredMessage.read(outcome.message())).get().extracting(StoredMessage::code)
                .isEqualTo("record.existing.skipped");
        assertThat(zh(outcome)).contains(TAKEN).contains("已存在");
        assertThat(outcome.errorClass()).isNull();
        verify(client, never()).execute(any(), eq(UPDATE), any());
    }

    @Test
    void underUpdateACustomerTheTargetAlreadyHoldsIsSentThroughTheUpdateWithItsOwnMapping()
            throws InterruptedException {
        theAddAnswersAlreadyExists();
        when(client.execute(any(), eq(UPDATE), any())).thenAnswer(call -> answer(null, "成功",
                call.<JsonNode>getArgument(2).toString()));

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.UPDATE,
                "{\"customerCode\": code, \"nickname\": name & \"（已更新）\"}")), false);

        assertThat(outcome.status()).isEqualTo(RecordStatus.SUCCESS);
        assertThat(StoredMessage.read(outcome.message())).get().extracting(StoredMessage::code)
                .isEqualTo("record.existing.updated");
        assertThat(zh(outcome)).contains(TAKEN).contains(UPDATE);
        // the log shows the update that was sent, not the refused add
        assertThat(outcome.request()).contains("杭州甲公司（已更新）");
        assertThat(outcome.attempts()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(client).execute(any(), eq(UPDATE), sent.capture());
        assertThat(sent.getValue().path("nickname").asText()).isEqualTo("杭州甲公司（已更新）");
    }

    @Test
    void underUpdateAnUpdateTheTargetRefusesFailsTheRecordWithTheUpdatesOwnError() throws InterruptedException {
        theAddAnswersAlreadyExists();
        when(client.execute(any(), eq(UPDATE), any())).thenReturn(answer(ErrorClass.VALIDATION,
                "客户已停用，不能修改", "{\"customerCode\":\"C-1\"}"));

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.UPDATE,
                "{\"customerCode\": code, \"nickname\": name}")), false);

        assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.VALIDATION.name());
        assertThat(StoredMessage.read(outcome.message())).get().extracting(StoredMessage::code)
                .isEqualTo("record.existing.updateFailed");
        assertThat(zh(outcome)).contains(TAKEN).contains("客户已停用，不能修改");
    }

    @Test
    void underUpdateAnUpdateBodyMissingARequiredFieldIsNotSentAndFailsTheRecordNamingTheField()
            throws InterruptedException {
        theAddAnswersAlreadyExists();

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.UPDATE, "{\"nickname\": name}")), false);

        assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.VALIDATION.name());
        assertThat(StoredMessage.read(outcome.message())).get().extracting(StoredMessage::code)
                .isEqualTo("record.existing.updateInvalid");
        assertThat(zh(outcome)).contains("customerCode");
        verify(client, never()).execute(any(), eq(UPDATE), any());
    }

    @Test
    void underFailACustomerTheTargetAlreadyHoldsFailsAsBefore() throws InterruptedException {
        theAddAnswersAlreadyExists();

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.FAIL, null)), false);

        assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(outcome.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS.name());
        assertThat(outcome.message()).isEqualTo(TAKEN);
    }

    @Test
    void alreadyExistsForARecordThatMayHaveBeenSentBeforeIsWrittenWhateverThePolicy() throws InterruptedException {
        theAddAnswersAlreadyExists();

        RecordOutcome outcome = writeOneSupplier(target(policy(Policy.UPDATE,
                "{\"customerCode\": code, \"nickname\": name}")), true);

        assertThat(outcome.status()).isEqualTo(RecordStatus.SUCCESS);
        assertThat(StoredMessage.render(outcome.message(), java.util.Locale.ENGLISH)).contains("may have created it");
        verify(client, never()).execute(any(), eq(UPDATE), any());
    }

    @Test
    void underSkipTheOtherBillsOfACustomerTheTargetAlreadyHoldsAreSkippedWithoutARequest()
            throws InterruptedException {
        // given three pending bills of the same supplier C-1, which the target already holds
        theAddAnswersAlreadyExists();
        List<SourceRecord> batch = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            SourceRecord record = mock(SourceRecord.class);
            when(record.getId()).thenReturn(id);
            batch.add(record);
        }
        when(contents.reader(batch)).thenReturn(r -> JsonNodeFactory.instance.objectNode().put("code", "C-1")
                .put("name", "杭州甲公司"));
        AtomicInteger claims = new AtomicInteger();
        when(outcomes.claimPending(eq(SOLUTION), eq(RUN), anyInt(), anyString()))
                .thenAnswer(call -> claims.getAndIncrement() == 0 ? batch : List.of());
        when(outcomes.writtenKeys(eq(SOLUTION), anyCollection())).thenReturn(Set.of());
        List<RecordOutcome> recorded = new ArrayList<>();
        when(outcomes.recordAll(anyLong(), anyLong(), any(), any())).thenAnswer(call -> {
            recorded.addAll(call.getArgument(2));
            return RecordWriter.Written.NONE;
        });

        // when they are written under SKIP
        writer.writeWhilePending(SOLUTION, RUN, target(policy(Policy.SKIP, null)), "me", () -> true);

        // then all three are skipped and only the first was sent
        assertThat(recorded).hasSize(3).allSatisfy(o -> assertThat(o.status()).isEqualTo(RecordStatus.SKIPPED));
        verify(client, org.mockito.Mockito.times(1)).execute(any(), eq(ADD), any());
    }

    @Test
    void aPolicyThatDoesNotUpdateKeepsNoSourceRecordInTheBatch() {
        JsonNode record = JsonNodeFactory.instance.objectNode().put("code", "C-1");
        Prepared prepared = new Prepared(record, "C-1", null);

        assertThat(policy(Policy.SKIP, null).keep(record, prepared).source()).isNull();
        assertThat(policy(Policy.UPDATE, "{\"customerCode\": code}").keep(record, prepared).source())
                .isSameAs(record);
    }
}
