package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway's own rate limit, as the connector classifies it. Throttle, HTTP 500, malformed and dropped answers
 * are checked for every connector by the conformance suite ({@link JackyunConformanceIT}).
 */
class GatewayRateLimitIT {

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    ExecuteResult add(String customerCode) {
        return sandbox.client().execute(sandbox.connection(), "crm.customer.add",
                SampleCustomers.minimal(customerCode));
    }

    @Test
    void classifiesCallsBeyondTheAppKeysRateAsThrottled() {
        // given a gateway that allows 3 calls a second per app key
        sandbox.servlet().setRateLimit(3);
        // when 12 customers are added at once
        List<ExecuteResult> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(add("C-RATE-" + i));
        }
        // then some are THROTTLED and retryable, and exactly the accepted ones are stored
        List<ExecuteResult> refused = results.stream().filter(r -> !r.success()).toList();
        long accepted = results.stream().filter(ExecuteResult::success).count();
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.errorClass()).isEqualTo(ErrorClass.THROTTLED);
            assertThat(r.vendorCode()).isEqualTo("0859999999");
            assertThat(r.retryable()).isTrue();
        });
        assertThat(accepted).isBetween(3L, 9L);
        assertThat(sandbox.adminCustomers().get("count").asLong()).isEqualTo(accepted);
    }
}
