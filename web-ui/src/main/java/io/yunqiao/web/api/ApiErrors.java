package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the REST API is JSON: {@code {"status":400,"error":"INVALID","field":"schedule.cron",
 * "message":"…"}}, with a message a user can act on.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<Map<String, Object>> problem(Problem problem, Locale locale) {
        HttpStatus status = switch (problem.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ResponseEntity<Map<String, Object>> answer = body(status, problem.kind().name(), problem.field(),
                problem.message(locale));
        if (problem.code() != null) {
            answer.getBody().put("code", problem.code());
        }
        return answer;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String message = "the request body is not valid JSON for this endpoint";
        String field = null;
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            message = "unknown property '" + unknown.getPropertyName() + "'; known: " + unknown.getKnownPropertyIds();
        } else if (e.getCause() instanceof InvalidFormatException format) {
            message = "value '" + format.getValue() + "' cannot be read as " + format.getTargetType().getSimpleName();
        } else if (e.getMostSpecificCause() != null) {
            message += ": " + e.getMostSpecificCause().getMessage();
        }
        return body(HttpStatus.BAD_REQUEST, "INVALID", field, message);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "INVALID", e.getName(), "'" + e.getValue() + "' is not a valid "
                + e.getName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> illegal(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, "INVALID", null, e.getMessage());
    }

    /** The details (class names, SQL) stay in the log under a trace id the user can quote. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e, Locale locale) {
        String traceId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("REST request failed, trace id {}", traceId, e);
        ResponseEntity<Map<String, Object>> answer = body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", null,
                ProblemTexts.render("problem.internal", locale, traceId));
        answer.getBody().put("code", "problem.internal");
        answer.getBody().put("traceId", traceId);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String field,
            String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
