/**
 * Declarative auth schemes (鉴权方式) a connector definition configures without Java: {@code none}, {@code basic},
 * {@code bearer}, {@code api-key}, {@code oauth2-client-credentials}, {@code session-token}, {@code signed-params}
 * and {@code hmac-headers}, alone or chained, with a small template language for their values
 * ({@code {{connection.field}}}, {@code {{session.name}}}, {@code {{nonce}}}, {@code {{now:format}}}) and digest
 * values. {@link io.yunqiao.connector.auth.DeclarativeAuth} is the only public entry: the definition reader checks
 * a definition's schemes with it and the registry builds them with it.
 */
package io.yunqiao.connector.auth;
