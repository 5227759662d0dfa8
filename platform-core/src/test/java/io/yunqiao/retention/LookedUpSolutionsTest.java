package io.yunqiao.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.solution.SolutionSpec;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the clean-up reads from a stored spec: its own retention, and the solutions its mappings look up with
 * {@code $lookup} (whose content it keeps).
 */
class LookedUpSolutionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSolutionsNamedInLookupsAnywhereInASpecAreFound() throws Exception {
        Set<String> names = new HashSet<>();

        Housekeeping.lookedUpBy(JSON.readTree("{\"target\":{\"mapping\":\"{\\\"a\\\": $lookup(\\\"客户同步\\\","
                + " \\\"code\\\", c).name, \\\"b\\\": $lookup( '物料同步' ,\\\"no\\\", m)}\"},"
                + "\"existing\":{\"mapping\":\"$lookup(\\\"供应商\\\", \\\"id\\\", s)\"},"
                + "\"filter\":\"$lookup($, 'key') = 1\"}"), names);

        assertThat(names).containsExactlyInAnyOrder("客户同步", "物料同步", "供应商");
    }

    @Test
    void aSpecWithoutRetentionFollowsThePlatformAndOneWithItKeepsItsOwnDays() throws Exception {
        assertThat(Housekeeping.retention(JSON.readTree("{\"name\":\"a\"}"))).isNull();
        assertThat(Housekeeping.retention(JSON.readTree("{\"retention\":{\"recordLogDays\":90}}")))
                .isEqualTo(new SolutionSpec.Retention(90, null));
        assertThat(Housekeeping.retention(JSON.readTree("{\"retention\":{\"contentDays\":0}}")))
                .isEqualTo(new SolutionSpec.Retention(null, null));
    }
}
