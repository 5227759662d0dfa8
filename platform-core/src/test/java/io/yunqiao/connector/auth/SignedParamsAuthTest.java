package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Sorted parameters signed with a secret: the options a gateway's sign is made of. */
class SignedParamsAuthTest {

    private static OutgoingRequest form(String... keyValues) {
        OutgoingRequest request = new OutgoingRequest("POST", "http://api.test/gw", "", null);
        for (int i = 0; i < keyValues.length; i += 2) {
            request.form().put(keyValues[i], keyValues[i + 1]);
        }
        return request;
    }

    private static OutgoingRequest signed(AuthScheme scheme, OutgoingRequest request) {
        scheme.authenticate(connection(Map.of("token", "tk")), request, new AuthFixtures.FakeContext());
        return request;
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void addsTheFieldsThenSignsKeyEqualsValuePairsWithTheSecretAsSuffix() throws Exception {
        // given a k=v& join with "&key=<secret>" after it, upper-case hex, like many mall gateways
        AuthScheme scheme = scheme("""
                type: signed-params
                add:
                  app_key: "{{connection.appKey}}"
                  timestamp: "{{now:epoch-s}}"
                sign:
                  join: k=v&
                  secret: "&key={{connection.appSecret}}"
                  placement: suffix
                  hash: MD5
                  encoding: hex-upper
                """);

        // when a form is signed
        OutgoingRequest request = signed(scheme, form("method", "item.get", "b", "2"));

        // then the added fields are sent and the sign covers all fields in key order
        String expected = md5("app_key=key-1&b=2&method=item.get&timestamp=1795831200&key=secret-1")
                .toUpperCase(java.util.Locale.ROOT);
        assertThat(request.form()).containsEntry("app_key", "key-1").containsEntry("timestamp", "1795831200")
                .containsEntry("sign", expected);
    }

    @Test
    void signsOnlyTheIncludedFieldsSkippingThoseTheRequestDoesNotHave() throws Exception {
        // given a sign over the added method and the operation's id, which this request does not carry
        AuthScheme scheme = scheme("""
                type: signed-params
                add: { method: m1 }
                sign:
                  include: [method, id]
                  join: values
                  secret: "{{connection.appSecret}}"
                  placement: prefix
                  hash: MD5
                """);

        // when signed, then only the present included field is signed
        assertThat(signed(scheme, form("other", "x")).form())
                .containsEntry("sign", md5("secret-1m1"));
    }

    @Test
    void signsWithAnHmacKeyInTheOrderSent() throws Exception {
        // given HMAC-SHA256 keyed by the secret over k+v in the order the fields are sent, base64 into "signature"
        AuthScheme scheme = scheme("""
                type: signed-params
                in: query
                sign:
                  sort: as-sent
                  secret: "{{connection.appSecret}}"
                  placement: hmac-key
                  hash: HMAC-SHA256
                  encoding: base64
                  output: signature
                """);
        OutgoingRequest request = new OutgoingRequest("GET", "http://api.test", "/x", null);
        request.query().put("z", "1");
        request.query().put("a", "2");

        // when signed
        signed(scheme, request);

        // then the signature is the HMAC of "z1a2"
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(mac.doFinal("z1a2".getBytes(
                StandardCharsets.UTF_8)));
        assertThat(request.query()).containsEntry("signature", expected);
        assertThat(scheme.maskedFields()).containsExactly("signature");
    }

    @Test
    void signsTheTopLevelFieldsOfAJsonBody() throws Exception {
        // given a JSON body with a nested object
        AuthScheme scheme = scheme("""
                type: signed-params
                in: json
                sign:
                  secret: "{{connection.appSecret}}"
                  placement: both
                  uppercaseInput: true
                  hash: MD5
                """);
        var body = AuthFixtures.JSON.createObjectNode().put("b", "x");
        body.putObject("a").put("k", 1);
        OutgoingRequest request = new OutgoingRequest("POST", "http://api.test", "/x", body);

        // when signed, then nested values are signed as their JSON text and the sign goes into the body
        signed(scheme, request);
        assertThat(body.path("sign").asText()).isEqualTo(md5("SECRET-1A{\"K\":1}BXSECRET-1"));
    }

    @Test
    void masksAddedValuesTemplatedFromSecretsButNotOthers() {
        // given an added app key (not secret) and token (a secret field)
        AuthScheme scheme = scheme("""
                type: signed-params
                add:
                  appkey: "{{connection.appKey}}"
                  token: "{{connection.token}}"
                sign:
                  secret: "{{connection.appSecret}}"
                  hash: MD5
                """);

        // then the sign and the token are masked, the app key is not
        assertThat(scheme.maskedFields()).containsExactlyInAnyOrder("sign", "token");
    }
}
