package io.yunqiao.connector;

import java.util.Set;

/**
 * Authenticates or signs requests for one family of APIs (鉴权), e.g. a token flow or a request signature.
 * Implementations are discovered with {@link java.util.ServiceLoader} and chosen by the {@link #id()} a
 * {@link ConnectorDefinition#auth()} names. One instance serves every connection, concurrently: tokens are cached
 * per {@link Connection#cacheKey()}.
 */
public interface AuthScheme {

    /** The id definitions refer to, e.g. {@code acme-hmac}. */
    String id();

    /**
     * Adds what the vendor needs to accept {@code request}: tokens, headers, signed fields. May call the vendor
     * (through {@code context}) to obtain a token, and caches it.
     *
     * @throws ConnectorException of class {@link ErrorClass#AUTH} when the credentials are refused, naming the
     *                            connection
     */
    void authenticate(Connection connection, OutgoingRequest request, AuthContext context);

    /**
     * Forgets anything cached for the connection, so that the next {@link #authenticate} starts afresh. The runtime
     * calls it once after an answer classified {@link ErrorClass#AUTH}, then retries the call once.
     *
     * @return whether there was anything to forget, i.e. whether a retry can change the outcome
     */
    default boolean invalidate(Connection connection) {
        return false;
    }

    /**
     * Names of the request fields, query parameters and headers this scheme adds whose values are signatures or
     * tokens (e.g. {@code sign}, {@code access_token}): a signature lets anyone who reads it guess a weak secret
     * offline, and a token is a credential, so wherever a request is logged (record logs) their values are shown as
     * {@value ConnectorClient#MASK}. Compared ignoring case.
     */
    default Set<String> maskedFields() {
        return Set.of();
    }
}
