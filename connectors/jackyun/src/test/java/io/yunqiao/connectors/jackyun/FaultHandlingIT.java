package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.sandbox.Fault;
import io.yunqiao.sandbox.FaultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling, gateway failures and broken answers, as the connector classifies them. */
class FaultHandlingIT {

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    ExecuteResult add(String customerCode) {
        return sandbox.client().execute(sandbox.connection(), "crm.customer.add",
                SampleCustomers.minimal(customerCode));
    }

    @Test
    void classifiesTheThrottleAnswerAsThrottledAndRetryable() {
        // given a gateway that throttles the next call
        sandbox.servlet().installFault(Fault.next(FaultKind.THROTTLE, 1));
        // when a customer is added, then added again
        ExecuteResult throttled = add("C-THROTTLE");
        ExecuteResult retried = add("C-THROTTLE");
        // then the first is THROTTLED and retryable, the retry writes the customer once
        assertThat(throttled.errorClass()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(throttled.vendorCode()).isEqualTo("0859999999");
        assertThat(throttled.retryable()).isTrue();
        assertThat(retried.success()).isTrue();
        assertThat(sandbox.adminCustomers().get("addCalls").get("C-THROTTLE").asInt()).isEqualTo(1);
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

    @Test
    void classifiesAnHttp500AsRetryable() {
        // given a gateway that fails the next call with HTTP 500
        sandbox.servlet().installFault(Fault.next(FaultKind.HTTP_500, 1));
        // when a customer is added
        ExecuteResult result = add("C-500");
        // then the failure is RETRYABLE with the status
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void classifiesAMalformedAnswerAsTheDefinitionSays() {
        // given a gateway that answers truncated JSON
        sandbox.servlet().installFault(Fault.next(FaultKind.MALFORMED, 1));
        // when a customer is added
        ExecuteResult result = add("C-MALFORMED");
        // then the failure has the definition's malformed class (RETRYABLE)
        assertThat(result.success()).isFalse();
        assertThat(result.errorClass()).isEqualTo(sandbox.definition().errors().malformed())
                .isEqualTo(ErrorClass.RETRYABLE);
    }

    @Test
    void classifiesADroppedConnectionAsRetryable() {
        // given a gateway that drops the connection mid-answer
        sandbox.servlet().installFault(Fault.next(FaultKind.DROP, 1));
        // when a customer is added
        ExecuteResult result = add("C-DROP");
        // then the failure is RETRYABLE with no HTTP status
        assertThat(result.errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(result.httpStatus()).isZero();
    }

    @Test
    void failsAListPageWithAClassifiedErrorNamingTheConnection() {
        // given a gateway that fails the next call with HTTP 500
        sandbox.servlet().installFault(Fault.next(FaultKind.HTTP_500, 1));
        // when a page is listed
        // then a RETRYABLE error names the connection and the operation
        assertThatThrownBy(() -> sandbox.client().query(sandbox.connection(), "crm.customer.list", Map.of(),
                PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.RETRYABLE))
                .hasMessageContaining(RunningJackyunSandbox.CONNECTION_NAME)
                .hasMessageContaining("crm.customer.list");
    }
}
