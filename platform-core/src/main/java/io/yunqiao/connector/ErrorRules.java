package io.yunqiao.connector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a failed answer is classified. Declared once per connector and refined per operation.
 *
 * @param code            dotted paths of the vendor's error code, most specific first (e.g. {@code subCode}, {@code code})
 * @param message         dotted paths of the vendor's error message, first non-empty wins
 * @param classes         vendor codes per class
 * @param messageContains message fragments per class, for vendors that share one code among several errors;
 *                        checked before {@code classes}
 * @param httpStatus      HTTP statuses per class; an unlisted 5xx is {@link ErrorClass#RETRYABLE}, any other
 *                        unlisted non-2xx {@link ErrorClass#OTHER}
 * @param malformed       the class of an answer that is not the JSON the vendor promises (default RETRYABLE)
 * @param transport       the class of a timeout or a dropped connection (default RETRYABLE)
 */
public record ErrorRules(
        List<String> code,
        List<String> message,
        Map<ErrorClass, List<String>> classes,
        Map<ErrorClass, List<String>> messageContains,
        Map<ErrorClass, List<Integer>> httpStatus,
        ErrorClass malformed,
        ErrorClass transport) {

    public ErrorRules {
        code = code == null ? List.of() : List.copyOf(code);
        message = message == null ? List.of() : List.copyOf(message);
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        messageContains = messageContains == null ? Map.of() : Map.copyOf(messageContains);
        httpStatus = httpStatus == null ? Map.of() : Map.copyOf(httpStatus);
    }

    ErrorClass malformedClass() {
        return malformed == null ? ErrorClass.RETRYABLE : malformed;
    }

    ErrorClass transportClass() {
        return transport == null ? ErrorClass.RETRYABLE : transport;
    }

    static ErrorRules none() {
        return new ErrorRules(null, null, null, null, null, null, null);
    }

    /** These rules with the non-empty parts of {@code override} taking precedence. */
    ErrorRules refinedBy(ErrorRules override) {
        if (override == null) {
            return this;
        }
        return new ErrorRules(
                override.code.isEmpty() ? code : override.code,
                override.message.isEmpty() ? message : override.message,
                merge(classes, override.classes),
                merge(messageContains, override.messageContains),
                merge(httpStatus, override.httpStatus),
                override.malformed != null ? override.malformed : malformed,
                override.transport != null ? override.transport : transport);
    }

    private static <T> Map<ErrorClass, List<T>> merge(Map<ErrorClass, List<T>> base, Map<ErrorClass, List<T>> top) {
        Map<ErrorClass, List<T>> merged = new EnumMap<>(ErrorClass.class);
        merged.putAll(base);
        merged.putAll(top);
        return merged;
    }
}
