package io.yunqiao.connector.auth;

import io.yunqiao.connector.OutgoingRequest;
import java.util.Set;

/** {@code type: none}: the API is open; nothing is added. */
final class NoAuth implements Part {

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        // nothing to add
    }

    @Override
    public Set<String> masked() {
        return Set.of();
    }
}
