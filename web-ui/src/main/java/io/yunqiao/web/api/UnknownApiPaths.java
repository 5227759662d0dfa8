package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * An {@code /api/...} path that no endpoint serves answers 404 JSON, whatever the method, instead of falling through
 * to the Vaadin UI (which would answer 200 with the application's page). Asked after the controllers and before the
 * Vaadin forwarding. Only the paths springdoc serves are left to it ({@code /api/docs}, {@code /api/docs.yaml},
 * {@code /api/docs/swagger-config}, the Swagger UI under {@code /api/docs/ui} and {@code /api/docs/swagger-ui/}):
 * skipping all of {@code /api/docs/**} let any other path below it fall through to Vaadin, which answered 200 with
 * the application's page (issue #16: {@code /api/docs/users} looked like an endpoint).
 */
final class UnknownApiPaths extends AbstractHandlerMapping {

    private final HttpRequestHandler notFound;

    UnknownApiPaths(ObjectMapper json) {
        setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        this.notFound = (request, response) -> ProblemAnswers.write(response, json, ProblemAnswers.body(
                Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.limit.noSuchApi", request.getMethod(),
                        echo(request.getRequestURI())), ProblemAnswers.locale(request)));
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        return api && !documentation(path) ? notFound : null;
    }

    private static boolean documentation(String path) {
        return path.equals("/api/docs") || path.equals("/api/docs.yaml") || path.equals("/api/docs/swagger-config")
                || path.equals("/api/docs/ui") || path.startsWith("/api/docs/ui/")
                || path.startsWith("/api/docs/swagger-ui/");
    }

    private static String echo(String path) {
        return path.length() <= 100 ? path : path.substring(0, 100) + "…";
    }
}
