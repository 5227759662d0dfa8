package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Clock;

/** What an {@link AuthScheme} may use: the runtime's HTTP client, JSON mapper and clock. */
public interface AuthContext {

    ObjectMapper json();

    Clock clock();

    /**
     * Sends a request (e.g. to a token endpoint) with the runtime's timeouts and answers its parsed JSON body when
     * the answer meets the connector's success rule.
     *
     * @param purpose what is asked, for messages, e.g. "the token request (POST /auth/user/access_token)"
     * @param fix     what the user should check when the vendor refuses, e.g. "check clientId and clientSecret"
     * @throws ConnectorException classified by the connector's error rules (transport, malformed, HTTP status,
     *                            vendor code), naming the connection, the purpose, the vendor's message and the fix
     */
    JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request);
}
