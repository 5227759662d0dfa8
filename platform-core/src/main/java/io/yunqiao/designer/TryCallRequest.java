package io.yunqiao.designer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What to try: an operation of a definition (a draft's text, not saved, or an installed or stored connector's id),
 * called once with a saved connection.
 *
 * @param definition   the draft's YAML or JSON text; {@code null} to try an installed or stored connector
 * @param connectorId  the connector to try when there is no draft
 * @param operation    the operation's id
 * @param connectionId the saved connection whose values (secrets included, never shown) the call uses
 * @param params       a QUERY's parameter values by name
 * @param body         an EXECUTE's business body (a JSON object)
 * @param confirmWrite an EXECUTE really writes into the connected system: it is sent only when this is true
 */
public record TryCallRequest(String definition, String connectorId, String operation, Long connectionId,
        Map<String, Object> params, JsonNode body, boolean confirmWrite) {

    public TryCallRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
