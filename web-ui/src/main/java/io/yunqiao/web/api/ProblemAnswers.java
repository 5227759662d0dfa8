package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one shape of every REST refusal, {@code {"status":413,"error":"TOO_LARGE","field":…,"code":"problem.limit…",
 * "message":…}}, for the controllers' advice and for what answers before or after them (the body-size filter, unknown
 * paths, Spring Boot's {@code /error}, the security filters). An unexpected failure answers only a trace id; its
 * details go to the log.
 */
public final class ProblemAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {
    }

    static HttpStatus status(Problem.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    static Map<String, Object> body(Problem problem, Locale locale) {
        Map<String, Object> body = body(status(problem.kind()), problem.kind().name(), problem.field(),
                problem.message(locale));
        if (problem.code() != null) {
            body.put("code", problem.code());
        }
        return body;
    }

    static Map<String, Object> body(HttpStatus status, String error, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return body;
    }

    /** Logs {@code failure} under a new trace id and answers only that id. */
    static Map<String, Object> internal(Throwable failure, Locale locale, String what) {
        String traceId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} failed, trace id {}", what, traceId, failure);
        Map<String, Object> body = body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", null,
                ProblemTexts.render("problem.internal", locale, traceId));
        body.put("code", "problem.internal");
        body.put("traceId", traceId);
        return body;
    }

    /**
     * The reader's language before Spring's locale resolution has run: the Accept-Language header, Chinese when it
     * names none (the servlet container would fall back to the server's language instead).
     */
    static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }

    /**
     * Writes a refusal from a servlet filter, before Spring MVC runs: {@code code}'s text with {@code params} in the
     * request's language.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String error, String code, Object... params) throws IOException {
        Map<String, Object> body = body(status, error, null, ProblemTexts.render(code, locale(request), params));
        body.put("code", code);
        write(response, JSON, body);
    }

    static void write(HttpServletResponse response, ObjectMapper json, Map<String, Object> body) throws IOException {
        response.resetBuffer();
        response.setStatus((Integer) body.get("status"));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
