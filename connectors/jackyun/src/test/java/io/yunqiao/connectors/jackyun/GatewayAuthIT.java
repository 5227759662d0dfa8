package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials, token and subscription refusals of the gateway, as the connector classifies them. */
class GatewayAuthIT {

    static final String WRONG_SECRET = "ffffffffffffffffffffffffffffffff";

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    @RegisterExtension
    static final RunningJackyunSandbox listOnly = new RunningJackyunSandbox(Map.of("methods", "crm.customer.list"));

    @RegisterExtension
    static final RunningJackyunSandbox withToken = new RunningJackyunSandbox(Map.of("token", "isv-token-1"));

    @Test
    void refusesAWrongAppSecretAsAuthNamingTheConnection() {
        // given a connection with the wrong secret
        // when it lists customers
        // then the error is AUTH with the sign sub-code, and names the connection
        assertThatThrownBy(() -> sandbox.client().query(sandbox.connectionWith(Map.of("appSecret", WRONG_SECRET)),
                "crm.customer.list", Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.vendorCode()).isEqualTo("0858030801");
                    assertThat(e.connectionName()).isEqualTo(RunningJackyunSandbox.CONNECTION_NAME);
                })
                .hasMessageContaining(RunningJackyunSandbox.CONNECTION_NAME);
    }

    @Test
    void failsAnAddWithAWrongAppSecretAsAuthWithoutWriting() {
        // given a connection with the wrong secret
        // when it adds a customer
        ExecuteResult result = sandbox.client().execute(sandbox.connectionWith(Map.of("appSecret", WRONG_SECRET)),
                "crm.customer.add", SampleCustomers.minimal("C-AUTH"));
        // then the result is AUTH, not retryable, and nothing was written
        assertThat(result.errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(result.vendorCode()).isEqualTo("0858030801");
        assertThat(result.retryable()).isFalse();
        assertThat(sandbox.adminCustomers().get("count").asInt()).isZero();
    }

    @Test
    void refusesAnUnknownAppKeyAsAuth() {
        // given a connection whose app key the gateway does not know
        // when it adds a customer
        ExecuteResult result = sandbox.client().execute(sandbox.connectionWith(Map.of("appKey", "999999")),
                "crm.customer.add", SampleCustomers.minimal("C-KEY"));
        // then the result is AUTH with the appkey sub-code
        assertThat(result.errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(result.vendorCode()).isEqualTo("0858030802");
        assertThat(result.message()).contains("999999");
    }

    @Test
    void refusesAnUnsubscribedMethodAsAuth() {
        // given a gateway whose app is subscribed to crm.customer.list only
        // when the connector adds a customer
        ExecuteResult result = listOnly.client().execute(listOnly.connection(), "crm.customer.add",
                SampleCustomers.minimal("C-SUB"));
        // then the result is AUTH with the subscription sub-code: an operator must subscribe the app
        assertThat(result.errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(result.vendorCode()).isEqualTo("0130020310");
        assertThat(result.message()).contains("crm.customer.add");
    }

    @Test
    void refusesAMissingTokenWhereTheGatewayRequiresOne() {
        // given a gateway that requires a token and a connection without one
        // when it adds a customer
        ExecuteResult result = withToken.client().execute(withToken.connection(), "crm.customer.add",
                SampleCustomers.minimal("C-TOKEN"));
        // then the result is AUTH with the token sub-code
        assertThat(result.errorClass()).isEqualTo(ErrorClass.AUTH);
        assertThat(result.vendorCode()).isEqualTo("0858030803");
    }

    @Test
    void sendsTheConnectionsTokenUnsigned() {
        // given a gateway that requires a token and a connection holding it
        // when it adds a customer
        ExecuteResult result = withToken.client().execute(withToken.connectionWith(Map.of("token", "isv-token-1")),
                "crm.customer.add", SampleCustomers.minimal("C-TOKEN"));
        // then the gateway accepts the sign computed without the token
        assertThat(result.success()).as(result.toString()).isTrue();
    }
}
