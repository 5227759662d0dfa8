package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.Presence;
import java.time.Duration;
import io.yunqiao.problem.StoredMessage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What sending a record comes to: "already exists" after a possible send, and a lost answer settled by look-up. */
class RecordVerdictTest {

    private static ExecuteResult answer(ErrorClass errorClass, int status, boolean possiblySent) {
        return new ExecuteResult(errorClass == null, errorClass, null, "the answer", status, "{}", null, null,
                Duration.ZERO, possiblySent);
    }

    private static final ExecuteResult TIMEOUT = answer(ErrorClass.RETRYABLE, 0, true);

    private static Supplier<Presence> lookUp(Presence presence, AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return presence;
        };
    }

    @Test
    void aTimeoutAfterWhichTheTargetStoredTheRecordIsWrittenByLookUp() {
        AtomicInteger asked = new AtomicInteger();
        RecordWriter.Verdict verdict = RecordWriter.verdict(TIMEOUT, true, lookUp(Presence.PRESENT, asked));
        assertThat(verdict.status()).isEqualTo(RecordStatus.SUCCESS);
        assertThat(StoredMessage.render(verdict.message(), Locale.ENGLISH)).contains("look-up found the record");
        assertThat(StoredMessage.render(verdict.message(), Locale.SIMPLIFIED_CHINESE)).contains("算作已写入");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aTimeoutWhoseRecordTheTargetDoesNotHoldIsFailed() {
        RecordWriter.Verdict verdict = RecordWriter.verdict(TIMEOUT, true,
                lookUp(Presence.ABSENT, new AtomicInteger()));
        assertThat(verdict.status()).isEqualTo(RecordStatus.FAILED);
    }

    @Test
    void aTimeoutWithoutALookUpIsUnconfirmedNeverFailed() {
        RecordWriter.Verdict verdict = RecordWriter.verdict(TIMEOUT, true,
                lookUp(Presence.UNKNOWN, new AtomicInteger()));
        assertThat(verdict.status()).isEqualTo(RecordStatus.UNCONFIRMED);
        assertThat(StoredMessage.render(verdict.message(), Locale.ENGLISH)).contains("the next run sends it again");
        assertThat(StoredMessage.render(verdict.message(), Locale.SIMPLIFIED_CHINESE)).contains("下次运行会再次发送");
    }

    @Test
    void alreadyExistsAfterAPossibleSendIsWritten() {
        AtomicInteger asked = new AtomicInteger();
        RecordWriter.Verdict verdict = RecordWriter.verdict(answer(ErrorClass.ALREADY_EXISTS, 409, true), true,
                lookUp(Presence.UNKNOWN, asked));
        assertThat(verdict.status()).isEqualTo(RecordStatus.SUCCESS);
        assertThat(asked).hasValue(0);
    }

    @Test
    void alreadyExistsWithoutAnyPossibleSendIsFailed() {
        RecordWriter.Verdict verdict = RecordWriter.verdict(answer(ErrorClass.ALREADY_EXISTS, 409, true), false,
                lookUp(Presence.UNKNOWN, new AtomicInteger()));
        assertThat(verdict.status()).isEqualTo(RecordStatus.FAILED);
    }

    @Test
    void aServerErrorIsAnAnswerFailedButPossiblySentAndNotLookedUp() {
        ExecuteResult serverError = answer(ErrorClass.RETRYABLE, 500, true);
        AtomicInteger asked = new AtomicInteger();
        assertThat(RecordWriter.mayHaveApplied(serverError)).isTrue();
        assertThat(RecordWriter.verdict(serverError, true, lookUp(Presence.PRESENT, asked)).status())
                .isEqualTo(RecordStatus.FAILED);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aConnectionRefusedIsNeitherPossiblySentNorLookedUp() {
        ExecuteResult refused = answer(ErrorClass.RETRYABLE, 0, false);
        AtomicInteger asked = new AtomicInteger();
        assertThat(RecordWriter.mayHaveApplied(refused)).isFalse();
        assertThat(RecordWriter.verdict(refused, false, lookUp(Presence.PRESENT, asked)).status())
                .isEqualTo(RecordStatus.FAILED);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aThrottleAnswerIsARefusalNotAPossibleSend() {
        assertThat(RecordWriter.mayHaveApplied(answer(ErrorClass.THROTTLED, 429, true))).isFalse();
    }

    @Test
    void aSuccessIsWrittenWithTheTargetsMessageAndNeverLookedUp() {
        AtomicInteger asked = new AtomicInteger();
        RecordWriter.Verdict verdict = RecordWriter.verdict(answer(null, 200, true), false,
                lookUp(Presence.ABSENT, asked));
        assertThat(verdict.status()).isEqualTo(RecordStatus.SUCCESS);
        assertThat(verdict.message()).isEqualTo("the answer");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aGarbledAnswerToARequestThatReachedTheTargetIsALostAnswerSettledByLookUp() {
        // a 200 whose body could not be read: the target may have stored the record
        ExecuteResult garbled = answer(ErrorClass.RETRYABLE, 200, true);
        AtomicInteger asked = new AtomicInteger();
        assertThat(RecordWriter.answerLost(garbled)).isTrue();
        assertThat(RecordWriter.verdict(garbled, true, lookUp(Presence.PRESENT, asked)).status())
                .isEqualTo(RecordStatus.SUCCESS);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aServerErrorIsAnAnswerNotALostOne() {
        assertThat(RecordWriter.answerLost(answer(ErrorClass.RETRYABLE, 503, true))).isFalse();
    }

    @Test
    void aValidationRefusalIsFailedNeitherPossiblySentNorLookedUp() {
        ExecuteResult refused = answer(ErrorClass.VALIDATION, 400, true);
        AtomicInteger asked = new AtomicInteger();
        assertThat(RecordWriter.mayHaveApplied(refused)).isFalse();
        assertThat(RecordWriter.answerLost(refused)).isFalse();
        RecordWriter.Verdict verdict = RecordWriter.verdict(refused, false, lookUp(Presence.PRESENT, asked));
        assertThat(verdict.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(verdict.message()).isEqualTo("the answer");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aSuccessIsNeverAPossibleSendToRepeat() {
        assertThat(RecordWriter.mayHaveApplied(answer(null, 200, true))).isFalse();
    }
}
