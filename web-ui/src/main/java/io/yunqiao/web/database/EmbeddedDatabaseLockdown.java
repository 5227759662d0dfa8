package io.yunqiao.web.database;

import io.yunqiao.secret.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Closes the embedded database before any bean opens it (a bean factory post-processor runs before every other
 * bean is created): the directory of the H2 file and of the secrets key file becomes owner-only, and with a file
 * database the platform signs in as a user without admin rights while Flyway migrates as the owner. The accounts'
 * passwords come from the owner-only credentials file; they reach the data source and Flyway as properties that win
 * over every other source.
 */
final class EmbeddedDatabaseLockdown implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String PROPERTY_SOURCE = "yunqiaoEmbeddedDatabaseAccounts";
    private static final String OWNER_SESSION = "yunqiaoEmbeddedDatabaseOwnerSession";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseLockdown.class);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url");
        Optional<Path> database = EmbeddedDatabaseFile.of(url);
        Set<Path> directories = new LinkedHashSet<>();
        database.map(EmbeddedDatabaseLockdown::directoryOf).ifPresent(directories::add);
        String keyFile = environment.getProperty("yunqiao.secrets.key-file", "");
        if (!keyFile.isBlank() && Files.isDirectory(directoryOf(Path.of(keyFile)))) {
            directories.add(directoryOf(Path.of(keyFile)));
        }
        directories.forEach(OwnerOnly::directory);
        if (database.isEmpty()) {
            return;
        }
        if (!environment.getProperty("yunqiao.security.embedded-database.restricted-user", Boolean.class, true)) {
            holdOpen(beanFactory, DatabaseUsers.durableCommits(url, environment.getProperty(
                    "spring.datasource.username", "sa"), environment.getProperty("spring.datasource.password", "")));
            return;
        }
        Path credentialsFile = credentialsFile(database.get());
        if (!directoryOf(credentialsFile).equals(directoryOf(database.get()))) {
            OwnerOnly.directory(directoryOf(credentialsFile));
        }
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(credentialsFile,
                environment.getProperty("spring.datasource.username", "sa"));
        DatabaseUsers.prepare(url, credentials, environment.getProperty("spring.datasource.password", ""));
        holdOpen(beanFactory, DatabaseUsers.durableCommits(url, credentials.ownerUser(), credentials.ownerPassword()));
        // the H2 files may be new (H2 creates them with the process's umask): owner-only before the platform runs
        OwnerOnly.directory(directoryOf(database.get()));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.username", credentials.applicationUser(),
                "spring.datasource.password", credentials.applicationPassword(),
                "spring.flyway.user", credentials.ownerUser(),
                "spring.flyway.password", credentials.ownerPassword())));
        LOG.info("The embedded database {} is used as {} (no admin rights); its owner's credentials are in {}",
                database.get().toAbsolutePath().normalize(), credentials.applicationUser(),
                credentialsFile.toAbsolutePath().normalize());
    }

    /**
     * Keeps the owner's session open until the context closes: registered before every other bean, it is closed
     * after them, when the platform's own connections are gone.
     */
    private static void holdOpen(ConfigurableListableBeanFactory beanFactory, Connection owner) {
        DisposableBean close = owner::close;
        ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(OWNER_SESSION, close);
    }

    private Path credentialsFile(Path database) {
        String configured = environment.getProperty("yunqiao.security.embedded-database.credentials-file", "");
        return configured.isBlank() ? directoryOf(database).resolve("database.credentials") : Path.of(configured);
    }

    private static Path directoryOf(Path file) {
        return file.toAbsolutePath().normalize().getParent();
    }
}
