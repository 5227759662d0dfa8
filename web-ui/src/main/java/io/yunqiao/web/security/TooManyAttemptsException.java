package io.yunqiao.web.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked: the name or the address must wait {@link #retryAfter}. */
final class TooManyAttemptsException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfter;

    TooManyAttemptsException(long retryAfterSeconds) {
        super("too many sign-in attempts: retry in " + retryAfterSeconds + " s");
        this.retryAfter = retryAfterSeconds;
    }

    /** Seconds to wait. */
    long retryAfter() {
        return retryAfter;
    }
}
