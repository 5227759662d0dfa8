package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** What an {@link AuthScheme} may use: the runtime's HTTP client, JSON mapper and clock. */
public interface AuthContext {

    ObjectMapper json();

    Clock clock();

    /**
     * Sends a request (e.g. to a token endpoint) with the runtime's timeouts and answers its parsed JSON body when
     * the answer meets the connector's success rule.
     *
     * @param purpose what is asked, for messages, e.g. "the token request (POST /auth/user/access_token)": best a
     *                stored coded message ({@link io.yunqiao.problem.StoredMessage#store()}), so that it reads in the
     *                reader's language; plain text is shown as it is
     * @param fix     what the user should check when the vendor refuses, e.g. "check clientId and clientSecret"; a
     *                stored coded message or plain text, as {@code purpose}
     * @throws ConnectorException classified by the connector's error rules (transport, malformed, HTTP status,
     *                            vendor code), naming the connection, the purpose, the vendor's message and the fix
     */
    JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request);

    /**
     * Sends a request to a standard OAuth 2.0 token endpoint, which answers by HTTP status rather than with the
     * vendor's business codes: a 2xx JSON object is a success whatever the connector's success rules say; 400 and
     * 401 (RFC 6749's invalid_client, invalid_grant) are {@link ErrorClass#AUTH}; other statuses as the connector's
     * rules classify them.
     */
    default JsonNode sendForToken(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
        return sendForJson(connection, purpose, fix, request);
    }

    /** A number used once per request ({@code {{nonce}}} of declarative schemes); tests may fix it. */
    default String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
    }
}
