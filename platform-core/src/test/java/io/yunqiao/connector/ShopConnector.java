package io.yunqiao.connector;

import java.util.List;

/** The test connector's plugin entry, found by ServiceLoader from the test class path. */
public class ShopConnector implements ConnectorProvider {

    @Override
    public List<String> definitions() {
        return List.of("definitions/shop.yaml");
    }
}
