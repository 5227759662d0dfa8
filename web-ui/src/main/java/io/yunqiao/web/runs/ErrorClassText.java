package io.yunqiao.web.runs;

import io.yunqiao.connector.ErrorClass;
import java.util.Arrays;
import java.util.function.Function;

/**
 * An error class ({@code ALREADY_EXISTS}, {@code RETRYABLE} …) as a person reads it: its name in the UI language and
 * what to do next ("已存在 — 目标里已有这条数据：…"). The code itself stays in the stored log and the REST API.
 */
public final class ErrorClassText {

    private ErrorClassText() {
    }

    /**
     * The words for {@code code}; a code that is no known class (an older or foreign log) is shown as it is, so
     * nothing is hidden. {@code translate} is the screen's {@code getTranslation}.
     */
    public static String of(String code, Function<String, String> translate) {
        if (code == null || code.isBlank()) {
            return null;
        }
        boolean known = Arrays.stream(ErrorClass.values()).anyMatch(c -> c.name().equals(code));
        return known ? translate.apply("runs.errorClass." + code) : code;
    }
}
