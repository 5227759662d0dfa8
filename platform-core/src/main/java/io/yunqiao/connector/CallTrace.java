package io.yunqiao.connector;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request exactly as sent and its answer, with every secret connection value and every value the auth scheme
 * {@linkplain AuthScheme#maskedFields() masks} shown as {@value ConnectorClient#MASK} in the URL, the headers and
 * the body.
 *
 * @param method          the HTTP method
 * @param url             the URL with its query
 * @param headers         the request headers
 * @param body            the request body as text (empty when none)
 * @param status          the HTTP status, 0 when no answer came
 * @param responseHeaders the answer's headers (empty when none)
 * @param responseBody    the answer's body, cut at {@link #BODY_LIMIT} characters ({@code null} when none)
 * @param truncated       whether the answer's body was cut
 * @param elapsed         from sending to the end of the answer
 */
public record CallTrace(String method, String url, Map<String, List<String>> headers, String body, int status,
        Map<String, List<String>> responseHeaders, String responseBody, boolean truncated, Duration elapsed) {

    /** How much of an answer's body a trace keeps: 256 Ki characters. */
    public static final int BODY_LIMIT = 256 * 1024;

    public CallTrace {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
    }
}
