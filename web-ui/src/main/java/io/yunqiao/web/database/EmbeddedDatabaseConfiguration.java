package io.yunqiao.web.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded database's protection, in place before the data source exists (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

    // static: a bean factory post-processor must not wait for its configuration class's instance
    @Bean
    static EmbeddedDatabaseLockdown embeddedDatabaseLockdown() {
        return new EmbeddedDatabaseLockdown();
    }
}
