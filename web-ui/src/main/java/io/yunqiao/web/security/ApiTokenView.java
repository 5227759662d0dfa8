package io.yunqiao.web.security;

import java.time.Instant;

/**
 * A personal API token as its owner sees it: never the secret, only its first characters ({@code hint}) to tell
 * tokens apart. {@code expiresAt} and {@code lastUsedAt} may be null (never expires, never used).
 */
public record ApiTokenView(long id, String name, String hint, Role role, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt) {
}
