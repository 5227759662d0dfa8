package io.yunqiao.web.connector;

import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connectors on the class path, loaded and validated once at start, and the client that calls them. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorConfiguration.class);

    @Bean
    ConnectorRegistry connectorRegistry() {
        ConnectorRegistry registry = ConnectorRegistry.discover(ConnectorConfiguration.class.getClassLoader());
        for (ConnectorDefinition definition : registry.definitions()) {
            LOG.info("connector {} ({}) {} with {} operations, from {}", definition.id(), definition.name().zh(),
                    definition.version(), definition.operations().size(), definition.source());
        }
        return registry;
    }

    @Bean
    ConnectorClient connectorClient(ConnectorRegistry registry) {
        return new ConnectorClient(registry);
    }
}
