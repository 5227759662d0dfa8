package io.yunqiao.connectors.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JackyunSignatureTest {

    /** The known-answer vector of protocols.md, computed independently of this code. */
    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String VECTOR_SIGN = "5ff86033368b8044c7f01bc04ad89b3f";

    static Map<String, String> vectorForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", "crm.customer.add");
        form.put("appkey", "100200");
        form.put("version", "v1.0");
        form.put("contenttype", "json");
        form.put("timestamp", "2026-11-28 10:00:00");
        form.put("bizcontent", "{\"customerCode\":\"C2026112800001\",\"nickname\":\"杭州测试供应商\"}");
        return form;
    }

    @Test
    void signsTheKnownAnswerVectorOfTheProtocol() {
        // given the vector's fields and secret
        // when signed
        String sign = JackyunSignature.sign(vectorForm(), SECRET);
        // then the sign is the vector's, as 32 lower-case hex digits
        assertThat(sign).isEqualTo(VECTOR_SIGN);
    }

    @Test
    void leavesTokenAndContextidOutOfTheSign() {
        // given the vector plus a token and a context id
        Map<String, String> form = vectorForm();
        form.put("token", "isv-token-1");
        form.put("contextid", "ctx-42");
        // when signed
        String sign = JackyunSignature.sign(form, SECRET);
        // then they change nothing
        assertThat(sign).isEqualTo(VECTOR_SIGN);
    }

    @Test
    void leavesAnEarlierSignOutOfTheSign() {
        // given the vector that already carries some sign
        Map<String, String> form = vectorForm();
        form.put("sign", "0123456789abcdef0123456789abcdef");
        // when signed again
        // then the old sign is not part of the input
        assertThat(JackyunSignature.sign(form, SECRET)).isEqualTo(VECTOR_SIGN);
    }

    @Test
    void signsTheFieldsInKeyOrderWhateverTheirInsertionOrder() {
        // given the vector's fields in reverse key order
        Map<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(vectorForm());
        // when signed
        // then the sign is the same
        assertThat(JackyunSignature.sign(reversed, SECRET)).isEqualTo(VECTOR_SIGN);
    }

    @Test
    void signsTheBusinessContent() {
        // given the vector with another customer code in bizcontent
        Map<String, String> form = vectorForm();
        form.put("bizcontent", "{\"customerCode\":\"C2026112800002\",\"nickname\":\"杭州测试供应商\"}");
        // when signed
        // then the sign differs
        assertThat(JackyunSignature.sign(form, SECRET)).isNotEqualTo(VECTOR_SIGN).hasSize(32);
    }

    @Test
    void signsWithTheSecret() {
        // given the vector and another secret
        // when signed
        // then the sign differs
        assertThat(JackyunSignature.sign(vectorForm(), "ffffffffffffffffffffffffffffffff")).isNotEqualTo(VECTOR_SIGN);
    }
}
