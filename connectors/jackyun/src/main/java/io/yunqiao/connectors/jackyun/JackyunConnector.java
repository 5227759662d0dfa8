package io.yunqiao.connectors.jackyun;

import io.yunqiao.connector.ConnectorProvider;
import java.util.List;

/** Registers the Jackyun (吉客云) connector definition with the platform. */
public final class JackyunConnector implements ConnectorProvider {

    /** The class-path resource of the definition. */
    public static final String DEFINITION = "META-INF/yunqiao/connectors/jackyun.yaml";

    /** The connector id the definition declares. */
    public static final String ID = "jackyun";

    @Override
    public List<String> definitions() {
        return List.of(DEFINITION);
    }
}
