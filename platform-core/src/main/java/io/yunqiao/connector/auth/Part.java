package io.yunqiao.connector.auth;

import io.yunqiao.connector.Connection;
import io.yunqiao.connector.OutgoingRequest;
import java.util.Set;

/** One declarative scheme of a chain. */
interface Part {

    /**
     * Adds what the scheme adds to {@code request}.
     *
     * @param later applies the schemes after this one in the chain to a login request this scheme sends itself
     */
    void apply(OutgoingRequest request, Scope scope, LoginSigner later);

    /** Forgets what was cached for the connection; whether there was anything. */
    default boolean invalidate(Connection connection) {
        return false;
    }

    /** Names of the fields, parameters and headers whose values it masks in logs. */
    Set<String> masked();

    /**
     * Whether it holds a session (a token it logs in for). Such schemes are not applied to another scheme's login
     * request: a login cannot wait for a token that needs a login.
     */
    default boolean holdsSession() {
        return false;
    }

    /** Applies the later schemes of a chain to a login request. */
    interface LoginSigner {

        void sign(OutgoingRequest login, Scope scope);

        /** The connection fields those schemes read: a refused login may be their fault too. */
        Set<String> fields();
    }
}
