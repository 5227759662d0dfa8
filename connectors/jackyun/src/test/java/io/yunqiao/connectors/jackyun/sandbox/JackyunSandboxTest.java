package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.sandbox.Sandbox;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JackyunSandboxTest {

    @Test
    void isFoundByServiceLoaderUnderItsMountPoint() {
        // given the plugin on the class path
        // when sandboxes are discovered
        // then one is mounted as jackyun
        assertThat(ServiceLoader.load(Sandbox.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).map(Sandbox::id)).contains("jackyun");
    }

    @Test
    void refusesMalformedSettingsWhenCreated() {
        assertThatThrownBy(() -> new JackyunSandbox().create(Map.of("timestampToleranceSeconds", "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestampToleranceSeconds");
    }
}
