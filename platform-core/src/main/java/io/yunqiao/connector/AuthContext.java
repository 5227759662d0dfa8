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
     * Sends a request (e.g. to a token endpoint) with the runtime's timeouts and answers its parsed JSON body,
     * whatever the HTTP status.
     *
     * @throws ConnectorException of the transport or malformed class of {@code connection}'s definition when no
     *                            JSON answer arrives
     */
    JsonNode sendForJson(Connection connection, String purpose, HttpRequest.Builder request);
}
