package io.yunqiao.web.security;

import io.yunqiao.web.api.ProblemAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API, the actuator and the sandboxes' administration refuse someone signed in with a one-time password (403, coded): they must choose a
 * password in the UI first, else the generated password would stay valid for scripts forever.
 */
final class OneTimePasswordFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getAuthorities().stream()
                .anyMatch(a -> UserAccounts.MUST_CHANGE_PASSWORD.equals(a.getAuthority()))) {
            ProblemAnswers.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "problem.security.passwordChangeRequired");
            return;
        }
        chain.doFilter(request, response);
    }
}
