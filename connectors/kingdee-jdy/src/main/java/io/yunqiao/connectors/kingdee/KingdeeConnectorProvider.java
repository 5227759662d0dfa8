package io.yunqiao.connectors.kingdee;

import io.yunqiao.connector.ConnectorProvider;
import java.util.List;

/**
 * The Kingdee Xingchen (金蝶云星辰) plugin: the V1 connector ({@code kingdee-jdy}, user token and account group
 * headers) and the V2 gateway connector ({@code kingdee-jdy-v2}, signed requests with an app-token).
 */
public final class KingdeeConnectorProvider implements ConnectorProvider {

    static final String V1_DEFINITION = "META-INF/yunqiao/connectors/kingdee-jdy.yaml";
    static final String V2_DEFINITION = "META-INF/yunqiao/connectors/kingdee-jdy-v2.yaml";

    @Override
    public List<String> definitions() {
        return List.of(V1_DEFINITION, V2_DEFINITION);
    }

    /** The templates from Kingdee to Jackyun live here, with their source: see docs/solutions.md. */
    @Override
    public List<String> templates() {
        return List.of("META-INF/yunqiao/templates/kingdee-pur-inbound-to-jackyun-customer.json",
                "META-INF/yunqiao/templates/kingdee-v2-pur-inbound-to-jackyun-customer.json",
                "META-INF/yunqiao/templates/kingdee-audited-bill-customers-to-jackyun.json",
                "META-INF/yunqiao/templates/kingdee-pur-inbound-lines-to-jackyun-goods.json",
                "META-INF/yunqiao/templates/kingdee-pur-inbound-by-supplier-to-jackyun-customer.json",
                "META-INF/yunqiao/templates/kingdee-pur-inbound-transtype-to-jackyun-customer.json",
                "META-INF/yunqiao/templates/kingdee-v2-pur-inbound-lines-to-jackyun-goods.json",
                "META-INF/yunqiao/templates/kingdee-pur-inbound-lines-with-material-to-jackyun-goods.json");
    }
}
