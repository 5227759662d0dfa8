package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void defaultsToTheDemoAppWithAllFourMethodsNoLimitAndTenMinutes() {
        // given no settings
        GatewaySettings settings = GatewaySettings.of(Map.of());
        // when read
        // then the defaults are the documented ones
        assertThat(settings.apps()).containsExactly(Map.entry("100200", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
        assertThat(settings.methods()).containsExactlyInAnyOrder("crm.customer.add", "crm.customer.list",
                "crm.customer.update", "erp.goods.add");
        assertThat(settings.rateLimit()).isZero();
        assertThat(settings.token()).isNull();
        assertThat(settings.timestampTolerance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.listMaxWindow()).isZero();
    }

    @Test
    void readsExtraApps() {
        // given a main app and two extra ones
        GatewaySettings settings = GatewaySettings.of(Map.of("appKey", "1", "appSecret", "s1",
                "apps", "2:s2, 3:s3"));
        // when read
        // then all three are known
        assertThat(settings.apps()).containsExactly(Map.entry("1", "s1"), Map.entry("2", "s2"), Map.entry("3", "s3"));
    }

    @Test
    void refusesAnExtraAppWithoutSecret() {
        assertThatThrownBy(() -> GatewaySettings.of(Map.of("apps", "100201")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appkey:secret");
    }

    @Test
    void refusesAnUnknownSettingNamingTheKnownOnes() {
        assertThatThrownBy(() -> GatewaySettings.of(Map.of("ratelimit", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratelimit")
                .hasMessageContaining("rateLimit");
    }

    @Test
    void refusesANegativeRate() {
        assertThatThrownBy(() -> GatewaySettings.of(Map.of("rateLimit", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimit");
    }

    @Test
    void refusesAMethodTheSandboxDoesNotImplement() {
        assertThatThrownBy(() -> GatewaySettings.of(Map.of("methods", "crm.customer.add,crm.customer.delete")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm.customer.delete");
    }
}
