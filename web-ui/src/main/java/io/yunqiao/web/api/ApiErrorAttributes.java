package io.yunqiao.web.api;

import io.yunqiao.problem.ProblemTexts;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's {@code /error} answers for an {@code /api/...} path (a failure outside the controllers: a
 * filter, a status the container sets): the REST API's own problem shape with a code, and for a server error only a
 * trace id, its details in the log. Other paths keep Spring Boot's answer.
 */
final class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (!(path instanceof String uri) || !(uri.equals("/api") || uri.startsWith("/api/"))) {
            return attributes;
        }
        Object code = attributes.get("status");
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.valueOf(number) : HttpStatus.INTERNAL_SERVER_ERROR;
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        if (status.is5xxServerError()) {
            Map<String, Object> body = ProblemAnswers.internal(getError(request), locale, "request " + uri);
            body.put("status", status.value());
            return body;
        }
        Map<String, Object> body = ProblemAnswers.body(status, status.name(), null,
                ProblemTexts.render("problem.limit.http", locale, status.value()));
        body.put("code", "problem.limit.http");
        return body;
    }
}
