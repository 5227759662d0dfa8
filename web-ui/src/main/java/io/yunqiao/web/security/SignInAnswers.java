package io.yunqiao.web.security;

import io.yunqiao.web.api.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a refused sign-in answers. The REST API and the actuator: 429 with {@code Retry-After} while the name or
 * address waits, else 401 asking for Basic or a bearer token, both as JSON. The login form: back to the login
 * page, which says how long to wait ({@code ?locked=<seconds>}) or that the name or password is wrong.
 */
final class SignInAnswers {

    private SignInAnswers() {
    }

    static AuthenticationEntryPoint api() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof TooManyAttemptsException tooMany) {
                response.setHeader("Retry-After", Long.toString(tooMany.retryAfter()));
                ProblemAnswers.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY", "problem.security.tooManyAttempts",
                        tooMany.retryAfter());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Yunqiao\"");
            ProblemAnswers.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "problem.security.unauthorized");
        };
    }

    static AuthenticationFailureHandler loginForm() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String query = e instanceof TooManyAttemptsException tooMany ? "locked=" + tooMany.retryAfter() : "error";
            redirect(response, request.getContextPath() + "/login?" + query);
        };
    }

    /**
     * A login post refused for its CSRF token goes back to the login page ({@code ?expired}), which asks to sign in
     * again; any other request refused for its token gets a plain 403.
     */
    static AccessDeniedHandler expiredLoginForm(RequestMatcher loginPost) {
        AccessDeniedHandler plain = new AccessDeniedHandlerImpl();
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
            if (loginPost.matches(request)) {
                redirect(response, request.getContextPath() + "/login?expired");
            } else {
                plain.handle(request, response, e);
            }
        };
    }

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.sendRedirect(location);
    }
}
