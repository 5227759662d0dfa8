package io.yunqiao.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MappingEnginesTest {

    @Test
    void picksAnEngineByItsConfigurationValue() {
        assertThat(MappingEngines.named("jsonata4java").id()).isEqualTo("jsonata4java");
        assertThat(MappingEngines.named(" Dashjoin ").id()).isEqualTo("dashjoin");
    }

    @Test
    void theDefaultEngineIsTheOneNamedByDefaultId() {
        assertThat(MappingEngines.defaultEngine().id()).isEqualTo(MappingEngines.DEFAULT_ID);
    }

    @Test
    void refusesAnUnknownEngineListingTheKnownOnes() {
        assertThatThrownBy(() -> MappingEngines.named("jsonata-js"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jsonata-js'")
                .hasMessageContaining(MappingEngines.CONFIG_KEY)
                .hasMessageContaining("dashjoin, jsonata4java");
    }

    @Test
    void everyMappingNamesTheEngineThatCompiledIt() {
        for (String id : MappingEngines.ids()) {
            Mapping mapping = MappingEngines.named(id).compile("billno");

            assertThat(mapping.engineId()).isEqualTo(id);
            assertThat(mapping.expression()).isEqualTo("billno");
        }
    }
}
