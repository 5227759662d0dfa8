package io.yunqiao.connector.auth;

import io.yunqiao.connector.OutgoingRequest;
import java.util.Set;

/**
 * {@code type: bearer}: a static token in a header. Parameters: {@code token} (template), {@code header} (default
 * {@code Authorization}), {@code prefix} (default {@code "Bearer "}; empty for none). Nothing is sent when the token
 * is empty.
 */
final class BearerAuth implements Part {

    private final Value token;
    private final String header;
    private final String prefix;

    BearerAuth(Spec spec) {
        this.token = spec.value("token");
        this.header = spec.text("header", "Authorization");
        this.prefix = spec.text("prefix", "Bearer ");
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        String value = token.render(scope);
        if (!value.isEmpty()) {
            Requests.header(request, header, prefix + value);
        }
    }

    @Override
    public Set<String> masked() {
        return Set.of(header);
    }
}
