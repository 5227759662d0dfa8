package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.problem.StoredMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * Applies a definition's success conditions and error rules to one answer. The messages it writes are stored coded
 * messages ({@link StoredMessage}), read in the reader's language; a vendor's own message stays as the vendor wrote
 * it.
 */
public final class AnswerClassifier {

    private AnswerClassifier() {
    }

    static Outcome noAnswer(ErrorRules rules, Throwable failure) {
        return Outcome.failed(rules.transportClass(), null,
                StoredMessage.of("connector.noAnswer", reason(failure)).store());
    }

    /**
     * Why no answer came, in words for people (a time-out, a refused connection, an unknown host) as a stored coded
     * message; an unusual failure keeps the Java client's own words, which an operator can look up.
     */
    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return StoredMessage.of("connector.noAnswer.unknownHost",
                        unknown.getMessage() == null ? "" : unknown.getMessage()).store();
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return StoredMessage.of("connector.noAnswer.connectTimeout").store();
        }
        if (failure instanceof HttpTimeoutException) {
            return StoredMessage.of("connector.noAnswer.timeout").store();
        }
        if (failure instanceof ConnectException) {
            return StoredMessage.of("connector.noAnswer.refused").store();
        }
        if (failure instanceof InterruptedException) {
            return StoredMessage.of("connector.noAnswer.interrupted").store();
        }
        return StoredMessage.of("connector.noAnswer.other", failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage()).store();
    }

    /**
     * @param json the parsed body, or {@code null} when the body is not JSON
     */
    static Outcome classify(List<SuccessCondition> success, ErrorRules rules, int status, String body,
            JsonNode json) {
        String vendorCode = json == null ? null : firstText(json, rules.code());
        String message = json == null ? null : firstText(json, rules.message());
        ErrorClass byStatus = lookup(rules.httpStatus(), status);
        if (byStatus != null) {
            return Outcome.failed(byStatus, vendorCode, describe(message, status, body));
        }
        if (status < 200 || status > 299) {
            ErrorClass byCode = lookup(rules.classes(), vendorCode);
            ErrorClass fallback = status >= 500 ? ErrorClass.RETRYABLE : ErrorClass.OTHER;
            return Outcome.failed(byCode != null ? byCode : fallback, vendorCode, describe(message, status, body));
        }
        if (json == null || !json.isObject()) {
            return Outcome.failed(rules.malformedClass(), null, HtmlAnswer.summary(status, body)
                    .orElseGet(() -> StoredMessage.of("connector.answer.notObject", clipped(body)).store()));
        }
        if (success.stream().allMatch(condition -> condition.holdsFor(json))) {
            return Outcome.ok(message);
        }
        // A message rule is the more specific one: vendors reuse a generic code for several errors.
        ErrorClass errorClass = byMessage(rules.messageContains(), message);
        if (errorClass == null) {
            errorClass = lookup(rules.classes(), vendorCode);
        }
        return Outcome.failed(errorClass != null ? errorClass : ErrorClass.OTHER, vendorCode,
                message != null ? message : StoredMessage.of("connector.answer.notSuccess", clipped(body)).store());
    }

    private static String describe(String message, int status, String body) {
        if (message != null) {
            return message;
        }
        // a web page in place of the API's answer is summarised, not quoted: its markup means nothing to a clerk
        return HtmlAnswer.summary(status, body)
                .orElseGet(() -> body == null || body.isEmpty()
                        ? StoredMessage.of("connector.answer.httpEmpty", status).store()
                        : StoredMessage.of("connector.answer.http", status, clip(body)).store());
    }

    /** The first meaningful value among the paths: a zero code means "no error", so a later path may say more. */
    private static String firstText(JsonNode json, List<String> paths) {
        String zero = null;
        for (String path : paths) {
            String text = JsonPaths.text(json, path);
            if (text != null && !"0".equals(text)) {
                return text;
            }
            zero = zero == null ? text : zero;
        }
        return zero;
    }

    private static <T> ErrorClass lookup(Map<ErrorClass, List<T>> table, Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        for (Map.Entry<ErrorClass, List<T>> entry : table.entrySet()) {
            for (T candidate : entry.getValue()) {
                if (String.valueOf(candidate).equals(text)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private static ErrorClass byMessage(Map<ErrorClass, List<String>> table, String message) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<ErrorClass, List<String>> entry : table.entrySet()) {
            if (entry.getValue().stream().anyMatch(message::contains)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The first 300 characters of an answer, for a message; "(empty)" in the reader's language when none came. */
    static String clipped(String body) {
        return body == null || body.isEmpty() ? StoredMessage.of("connector.answer.empty").store() : clip(body);
    }

    static String clip(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
