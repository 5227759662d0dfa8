package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Applies a definition's success conditions and error rules to one answer. */
final class AnswerClassifier {

    private AnswerClassifier() {
    }

    static Outcome noAnswer(ErrorRules rules, Throwable failure) {
        String what = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return Outcome.failed(rules.transportClass(), null, "no answer (" + what + ")");
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
                    .orElseGet(() -> "the answer is not a JSON object: " + clip(body)));
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
                message != null ? message : "the answer does not meet the success rule: " + clip(body));
    }

    private static String describe(String message, int status, String body) {
        if (message != null) {
            return message;
        }
        // a web page in place of the API's answer is summarised, not quoted: its markup means nothing to a clerk
        return HtmlAnswer.summary(status, body)
                .orElseGet(() -> "HTTP " + status + (body == null || body.isEmpty() ? "" : ": " + clip(body)));
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

    static String clip(String body) {
        if (body == null) {
            return "(empty)";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
