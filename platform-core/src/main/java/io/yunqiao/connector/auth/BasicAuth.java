package io.yunqiao.connector.auth;

import io.yunqiao.connector.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * {@code type: basic}: {@code Authorization: Basic base64(username:password)}. Parameters: {@code username},
 * {@code password} (templates). Nothing is sent when both are empty.
 */
final class BasicAuth implements Part {

    static final String HEADER = "Authorization";

    private final Value username;
    private final Value password;

    BasicAuth(Spec spec) {
        this.username = spec.value("username");
        this.password = spec.value("password");
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        String user = username.render(scope);
        String secret = password.render(scope);
        if (user.isEmpty() && secret.isEmpty()) {
            return;
        }
        request.headers().put(HEADER, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Set<String> masked() {
        return Set.of(HEADER);
    }
}
