package io.yunqiao.web.security;

import io.yunqiao.web.api.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

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

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.sendRedirect(location);
    }
}
