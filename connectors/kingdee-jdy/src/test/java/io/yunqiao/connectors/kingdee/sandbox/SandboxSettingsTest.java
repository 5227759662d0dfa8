package io.yunqiao.connectors.kingdee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's documented settings. */
class SandboxSettingsTest {

    @Test
    void defaultsAreTheDocumentedDemoCredentialsAndDataSet() {
        SandboxSettings settings = SandboxSettings.from(Map.of());
        assertThat(settings.clientId()).isEqualTo("yunqiao-demo");
        assertThat(settings.clientSecret()).isEqualTo("demo-secret-v1");
        assertThat(settings.username()).isEqualTo("demo");
        assertThat(settings.password()).isEqualTo("demo-pass");
        assertThat(settings.accountGroups()).extracting(SandboxSettings.AccountGroup::groupName)
                .containsExactly("demo-group", "demo-branch");
        assertThat(settings.accountGroups().get(0).accountId()).isEqualTo("100001");
        assertThat(settings.bills()).isEqualTo(1000);
        assertThat(settings.seed()).isEqualTo(20261128L);
        assertThat(settings.tokenTtlSeconds()).isEqualTo(3600);
        assertThat(settings.rateLimit()).isZero();
        assertThat(settings.end()).isCloseTo(System.currentTimeMillis(), within(60_000L));
    }

    @Test
    void endIsReadAsAnInstantOrAsMilliseconds() {
        Instant end = Instant.parse("2026-11-28T00:00:00Z");
        assertThat(SandboxSettings.from(Map.of("end", end.toString())).end()).isEqualTo(end.toEpochMilli());
        assertThat(SandboxSettings.from(Map.of("end", Long.toString(end.toEpochMilli()))).start())
                .isEqualTo(end.minusSeconds(30 * 86_400L).toEpochMilli());
    }

    @Test
    void anUnknownSettingIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> SandboxSettings.from(Map.of("bill", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown Kingdee sandbox setting 'bill'")
                .hasMessageContaining("bills");
    }

    @Test
    void anUnreadableNumberIsRefusedWithItsRange() {
        assertThatThrownBy(() -> SandboxSettings.from(Map.of("bills", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bills' must be a whole number from 1");
    }

    @Test
    void accountGroupsMustBeNameAccountPairs() {
        assertThat(SandboxSettings.from(Map.of("accountGroups", "总部:9001")).accountGroups())
                .singleElement().satisfies(g -> {
                    assertThat(g.groupName()).isEqualTo("总部");
                    assertThat(g.accountId()).isEqualTo("9001");
                });
        assertThatThrownBy(() -> SandboxSettings.from(Map.of("accountGroups", "demo-group")))
                .hasMessageContaining("groupName:accountId");
    }
}
