package io.yunqiao.connector.auth;

import io.yunqiao.connector.OutgoingRequest;
import java.util.Set;

/**
 * {@code type: api-key}: a key in a header or a query parameter. Parameters: {@code in} ({@code header} or
 * {@code query}), {@code name}, {@code value} (template). Nothing is sent when the value is empty. The key is a
 * credential: always masked.
 */
final class ApiKeyAuth implements Part {

    private final boolean inHeader;
    private final String name;
    private final Value value;

    ApiKeyAuth(Spec spec) {
        this.inHeader = "header".equals(spec.text("in", "header"));
        this.name = spec.text("name", "");
        this.value = spec.value("value");
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        String key = value.render(scope);
        if (key.isEmpty()) {
            return;
        }
        if (inHeader) {
            Requests.header(request, name, key);
        } else {
            request.query().put(name, key);
        }
    }

    @Override
    public Set<String> masked() {
        return Set.of(name);
    }
}
