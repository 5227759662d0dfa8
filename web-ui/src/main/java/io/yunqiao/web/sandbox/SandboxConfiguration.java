package io.yunqiao.web.sandbox;

import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServlet;
import jakarta.servlet.ServletRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Mounts every sandbox found on the class path under {@code /sandbox/{id}/*} when {@code yunqiao.sandbox.enabled}
 * is true (the embedded default), each configured from {@code yunqiao.sandbox.settings.{id}.*}.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    MountedSandboxes mountedSandboxes(Environment environment) {
        if (!environment.getProperty("yunqiao.sandbox.enabled", Boolean.class, false)) {
            return new MountedSandboxes(Map.of());
        }
        Binder binder = Binder.get(environment);
        Map<String, SandboxServlet> servlets = new LinkedHashMap<>();
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class, SandboxConfiguration.class.getClassLoader())) {
            Map<String, String> settings = binder.bind("yunqiao.sandbox.settings." + sandbox.id(),
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            servlets.put(sandbox.id(), sandbox.create(settings));
        }
        return new MountedSandboxes(servlets);
    }

    @Bean
    ServletContextInitializer sandboxMounts(MountedSandboxes sandboxes) {
        return context -> sandboxes.servlets().forEach((id, servlet) -> {
            ServletRegistration.Dynamic registration = context.addServlet("sandbox-" + id, servlet);
            registration.addMapping("/sandbox/" + id + "/*");
            registration.setLoadOnStartup(1);
            LOG.info("sandbox '{}' mounted at /sandbox/{}/", id, id);
        });
    }
}
