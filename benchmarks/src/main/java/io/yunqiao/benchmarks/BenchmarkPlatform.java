package io.yunqiao.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.yunqiao.platform.PlatformConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The platform's engine without the web application: the same configuration the app imports, on an H2 file database
 * of its own (like the embedded default) with Quartz not firing, or as one node of a cluster on PostgreSQL.
 */
@SpringBootApplication(scanBasePackages = "io.yunqiao.benchmarks.none")
@Import(PlatformConfiguration.class)
class BenchmarkPlatform {

    /** The engine's meters, which the cluster benchmark reads per node (the app gets its registry from Actuator). */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** The settings every benchmark platform shares: what application.yml gives the app. */
    private static List<String> common(String databaseUrl, int writers) {
        return new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.jpa.open-in-view=false",
                "--spring.jpa.hibernate.ddl-auto=validate",
                "--spring.jpa.properties.hibernate.jdbc.batch_size=100",
                "--spring.jpa.properties.hibernate.order_inserts=true",
                "--spring.jpa.properties.hibernate.order_updates=true",
                "--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
                "--spring.quartz.job-store-type=jdbc",
                "--spring.quartz.jdbc.initialize-schema=never",
                "--yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--yunqiao.engine.writers=" + writers));
    }

    private static ConfigurableApplicationContext run(List<String> args) {
        return new SpringApplicationBuilder(BenchmarkPlatform.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * One node of a cluster on a shared PostgreSQL: Quartz clustered and started (its check-ins tell the nodes
     * which of them are alive), the write assist looking for work every half second.
     */
    static ConfigurableApplicationContext startNode(String url, String user, String password, String nodeName,
            int writers) {
        List<String> args = common(url, writers);
        args.addAll(List.of("--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.quartz.scheduler-name=benchmark-cluster",
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=AUTO",
                "--spring.quartz.properties.org.quartz.jobStore.isClustered=true",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=10000",
                "--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
                        + "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
                "--yunqiao.node-name=" + nodeName,
                "--yunqiao.engine.assist-interval-millis=500"));
        return run(args);
    }

    /** The engine alone on a PostgreSQL database, Quartz not firing: what {@code sync} measures on PostgreSQL. */
    static ConfigurableApplicationContext startOnPostgres(String url, String user, String password, int writers) {
        List<String> args = common(url, writers);
        args.addAll(List.of("--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.quartz.auto-startup=false",
                "--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
                        + "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"));
        return run(args);
    }

    static ConfigurableApplicationContext start(Path dataDir, int writers) {
        List<String> args = common(System.getProperty("bench.db", "jdbc:h2:file:"
                + dataDir.resolve("yunqiao").toAbsolutePath()), writers);
        args.add("--spring.quartz.auto-startup=false");
        return run(args);
    }
}
