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
 * Vaadin forwarding; the API documentation under {@code /api/docs} is left to springdoc.
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
        boolean docs = path.equals("/api/docs") || path.startsWith("/api/docs/") || path.startsWith("/api/docs.");
        return api && !docs ? notFound : null;
    }

    private static String echo(String path) {
        return path.length() <= 100 ? path : path.substring(0, 100) + "…";
    }
}
