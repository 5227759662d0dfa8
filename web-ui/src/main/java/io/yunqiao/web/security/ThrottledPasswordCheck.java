package io.yunqiao.web.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of the login form and HTTP Basic alike, behind the {@link LoginThrottle}: a refused try costs
 * no password hash, and every failure is logged with the user name and the source address (never the password).
 */
final class ThrottledPasswordCheck implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledPasswordCheck.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    ThrottledPasswordCheck(AuthenticationProvider passwords, LoginThrottle throttle, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        LoginThrottle.Decision decision = throttle.admit(username, address);
        if (!decision.admitted()) {
            long seconds = decision.retryAfterSeconds(clock.instant());
            LOG.warn("sign-in refused without checking the password: user '{}' from {}, too many attempts, retry"
                    + " in {} s", loggable(username), loggable(address), seconds);
            throw new TooManyAttemptsException(seconds);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (AuthenticationException e) {
            LOG.warn("sign-in failed: user '{}' from {} ({})", loggable(username), loggable(address),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** What a client typed, safe for one log line: no line breaks or control characters, at most 100 characters. */
    static String loggable(String text) {
        if (text == null) {
            return "unknown";
        }
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
