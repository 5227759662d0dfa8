package io.yunqiao.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.Destinations;
import io.yunqiao.connector.PlatformAddresses;
import io.yunqiao.connector.Plugins;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The platform's engine as Spring beans: import this configuration into an application to get connectors,
 * connections, solutions, runs and scheduling on the application's data source.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"io.yunqiao.secret", "io.yunqiao.connection", "io.yunqiao.solution", "io.yunqiao.run",
    "io.yunqiao.connectorstore", "io.yunqiao.designer",
    "io.yunqiao.schedule", "io.yunqiao.retention",
    "io.yunqiao.valuemap", "io.yunqiao.template"})
@EntityScan(basePackages = "io.yunqiao")
@EnableJpaRepositories(basePackages = "io.yunqiao")
@EnableConfigurationProperties(InputLimits.class)
public class PlatformConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConfiguration.class);
    /** The configuration key of the plugins folder. */
    public static final String PLUGINS_DIR = "yunqiao.plugins.dir";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The jars of the plugins folder {@code yunqiao.plugins.dir} (default {@code ./plugins}), each in its own class
     * loader on top of the platform's, added to the connectors on the class path; jars that cannot be used are
     * skipped and listed.
     */
    @Bean
    Plugins plugins(Environment environment) {
        Path folder = Path.of(environment.getProperty(PLUGINS_DIR, "./plugins"));
        ClassLoader platform = PlatformConfiguration.class.getClassLoader();
        return Plugins.load(folder, platform, ConnectorRegistry.discover(platform));
    }

    /** The connectors on the class path and in the plugins folder, loaded and validated once at start. */
    @Bean
    ConnectorRegistry connectorRegistry(Plugins plugins) {
        ConnectorRegistry registry = plugins.registry();
        for (ConnectorDefinition definition : registry.definitions()) {
            LOG.info("connector {} ({}) {} with {} operations, from {}", definition.id(), definition.name().zh(),
                    definition.version(), definition.operations().size(), definition.source());
        }
        return registry;
    }

    /**
     * Where connections may send: {@code yunqiao.security.connections.allowed-hosts} (empty: any host) and
     * {@code yunqiao.security.connections.refuse-private-addresses}, with the platform's own addresses (its mounted
     * sandboxes) let through.
     */
    @Bean
    Destinations destinations(Environment environment, ObjectProvider<PlatformAddresses> own) {
        Binder binder = Binder.get(environment);
        List<String> allowed = binder.bind("yunqiao.security.connections.allowed-hosts",
                Bindable.listOf(String.class)).orElse(List.of());
        boolean refusePrivate = binder.bind("yunqiao.security.connections.refuse-private-addresses", Boolean.class)
                .orElse(false);
        List<PlatformAddresses> served = own.orderedStream().toList();
        Destinations destinations = new Destinations(allowed, refusePrivate,
                uri -> served.stream().anyMatch(addresses -> addresses.serves(uri)));
        LOG.info("connections may send to {}{}", destinations.allowedHosts().isEmpty() ? "any host"
                : destinations.allowedHosts(), refusePrivate ? ", never to private or loopback addresses"
                        + " (except the platform's own sandboxes)" : "");
        return destinations;
    }

    /** The connector client; answers larger than {@code yunqiao.engine.max-page-bytes} are refused while read. */
    @Bean
    ConnectorClient connectorClient(ConnectorRegistry registry, Destinations destinations,
            ObjectProvider<MeterRegistry> meters, @Value("${yunqiao.engine.max-page-bytes:64MB}") DataSize maxPage) {
        ConnectorClient client = new ConnectorClient(registry).sendingOnlyTo(destinations)
                .readingAtMost(maxPage.toBytes());
        meters.ifAvailable(client::measuredBy);
        return client;
    }

    /**
     * The JSONata engine of every mapping: {@code yunqiao.mapping.engine}, else the default; expressions longer than
     * {@code yunqiao.limits.mapping-length} are refused before parsing, evaluations get
     * {@code yunqiao.limits.mapping-time}.
     */
    @Bean
    MappingEngine mappingEngine(@Value("${" + MappingEngines.CONFIG_KEY + ":}") String id, InputLimits limits) {
        MappingEngine engine = MappingEngines.named(id.isBlank() ? MappingEngines.DEFAULT_ID : id,
                limits.mappingTime());
        LOG.info("mapping engine: {}, expressions up to {} characters, {} per evaluation", engine.id(),
                limits.mappingLength(), limits.mappingTime());
        return limits.capped(engine);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
