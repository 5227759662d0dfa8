package io.yunqiao.web.security;

import java.time.Instant;

/** A user as the screens show it: never the password hash. */
public record UserView(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {
}
