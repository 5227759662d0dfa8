package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** crm.customer.add against the sandbox over HTTP: what is written, what is refused and how it is classified. */
class CustomerAddIT {

    @RegisterExtension
    static final RunningJackyunSandbox sandbox = new RunningJackyunSandbox();

    ExecuteResult add(JsonNode body) {
        return sandbox.client().execute(sandbox.connection(), "crm.customer.add", body);
    }

    @Test
    void writesACustomerThatIsListedBackWithEveryField() {
        // given a customer with all 30 fields
        ObjectNode written = SampleCustomers.complete("C2026112800001");
        // when it is added and the last minutes are listed
        ExecuteResult result = add(written);
        Instant now = Instant.now();
        Map<String, Object> window = sandbox.definition().operation("crm.customer.list").orElseThrow().window()
                .params(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(1)));
        QueryPage page = sandbox.client().query(sandbox.connection(), "crm.customer.list", window,
                PageRequest.first(100));
        // then the add answered the new id, and the listed record carries that id and every written value
        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(result.resultKey()).isNotBlank();
        assertThat(page.records()).hasSize(1);
        JsonNode listed = page.records().get(0);
        assertThat(listed.get("customerId").asText()).isEqualTo(result.resultKey());
        written.properties().forEach(field -> assertThat(listed.get(field.getKey()))
                .as(field.getKey()).isEqualTo(field.getValue()));
        assertThat(listed.get("gmtCreate").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(listed.get("gmtModified").asText()).isEqualTo(listed.get("gmtCreate").asText());
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void answersAlreadyExistsForARepeatedCustomerCode() {
        // given a customer already added
        assertThat(add(SampleCustomers.minimal("C-DUP")).success()).isTrue();
        // when the same customerCode is added again
        ExecuteResult again = add(SampleCustomers.minimal("C-DUP"));
        // then the answer is ALREADY_EXISTS, not retryable, and the sandbox holds one customer after two calls
        assertThat(again.success()).isFalse();
        assertThat(again.errorClass()).isEqualTo(ErrorClass.ALREADY_EXISTS);
        assertThat(again.vendorCode()).isEqualTo("0050030003");
        assertThat(again.message()).contains("已存在").contains("C-DUP");
        assertThat(again.retryable()).isFalse();
        JsonNode stored = sandbox.adminCustomers();
        assertThat(stored.get("count").asInt()).isEqualTo(1);
        assertThat(stored.get("addCalls").get("C-DUP").asInt()).isEqualTo(2);
    }

    @Test
    void answersValidationNamingAMissingNickname() {
        // given a body without nickname
        ObjectNode body = SampleCustomers.minimal("C-NONAME");
        body.remove("nickname");
        // when it is added
        ExecuteResult result = add(body);
        // then the vendor's validation error names the field and nothing is stored
        assertThat(result.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(result.vendorCode()).isEqualTo("0050030002");
        assertThat(result.message()).contains("nickname");
        assertThat(sandbox.adminCustomers().get("count").asInt()).isZero();
    }

    @Test
    void answersValidationForAGenderOutsideItsCodes() {
        // given a body with gender 2
        ObjectNode body = SampleCustomers.minimal("C-GENDER");
        body.put("gender", "2");
        // when it is added
        ExecuteResult result = add(body);
        // then it is refused as VALIDATION naming gender
        assertThat(result.errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(result.message()).contains("gender");
    }

    @Test
    void recordsTheSignedFormAsTheRequestSent() {
        // given a customer
        // when it is added
        ExecuteResult result = add(SampleCustomers.minimal("C-FORM"));
        // then the logged request is the gateway form with the common fields and the sign
        assertThat(result.request()).contains("\"method\":\"crm.customer.add\"", "\"appkey\":\"100200\"",
                "\"bizcontent\":", "\"sign\":", "\"timestamp\":");
        assertThat(result.request()).doesNotContain(RunningJackyunSandbox.APP_SECRET);
    }
}
