package io.yunqiao.connectorstore;

import java.util.List;

/**
 * A saved stored definition.
 *
 * @param connector the definition as saved
 * @param created   whether it was new (an import may create or update)
 * @param breaks    the solutions the change breaks, when the caller accepted that; otherwise empty
 */
public record SaveResult(StoredConnectorView connector, boolean created, List<Breakage> breaks) {

    public SaveResult {
        breaks = List.copyOf(breaks);
    }
}
