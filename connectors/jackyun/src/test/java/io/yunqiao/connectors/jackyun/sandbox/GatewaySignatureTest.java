package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySignatureTest {

    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    /** The protocol's known-answer vector as it arrives, sign included. */
    static Map<String, String> vectorForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", "crm.customer.add");
        form.put("appkey", "100200");
        form.put("version", "v1.0");
        form.put("contenttype", "json");
        form.put("timestamp", "2026-11-28 10:00:00");
        form.put("bizcontent", "{\"customerCode\":\"C2026112800001\",\"nickname\":\"杭州测试供应商\"}");
        form.put("sign", "5ff86033368b8044c7f01bc04ad89b3f");
        return form;
    }

    @Test
    void expectsTheKnownAnswerVectorsSign() {
        // given the vector's form
        // when the gateway recomputes the sign
        // then it is the vector's
        assertThat(GatewaySignature.expected(vectorForm(), SECRET)).isEqualTo("5ff86033368b8044c7f01bc04ad89b3f");
    }

    @Test
    void verifiesTheVectorEvenWithTokenAndContextid() {
        // given the vector with the unsigned fields added
        Map<String, String> form = vectorForm();
        form.put("token", "t");
        form.put("contextid", "c");
        // when verified
        // then it passes
        assertThat(GatewaySignature.verifies(form, SECRET, form.get("sign"))).isTrue();
    }

    @Test
    void refusesATamperedSign() {
        // given the vector whose last sign digit is changed
        // when verified
        // then it fails
        assertThat(GatewaySignature.verifies(vectorForm(), SECRET, "5ff86033368b8044c7f01bc04ad89b3e")).isFalse();
    }

    @Test
    void refusesAnUpperCaseSign() {
        // given the vector's sign in capitals (the rule asks for lower-case hex)
        // when verified
        // then it fails
        assertThat(GatewaySignature.verifies(vectorForm(), SECRET, "5FF86033368B8044C7F01BC04AD89B3F")).isFalse();
    }

    @Test
    void refusesTheSignOfAnotherSecret() {
        // given the vector checked under another secret
        // when verified
        // then it fails
        assertThat(GatewaySignature.verifies(vectorForm(), "00000000000000000000000000000000",
                vectorForm().get("sign"))).isFalse();
    }
}
