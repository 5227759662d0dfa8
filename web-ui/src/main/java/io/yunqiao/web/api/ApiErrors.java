package io.yunqiao.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.yunqiao.limit.JsonRefusals;
import io.yunqiao.problem.Problem;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the REST API is JSON: {@code {"status":400,"error":"INVALID","field":"schedule.cron",
 * "code":"problem.…","message":"…"}}, with a message a user can act on and never a Java class name, SQL or stack
 * trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    /** Longest echo of a refused parameter value: a refusal does not repeat a huge input. */
    private static final int ECHO = 40;

    @ExceptionHandler(Problem.class)
    ResponseEntity<Map<String, Object>> problem(Problem problem, Locale locale) {
        return answer(ProblemAnswers.body(problem, locale));
    }

    /** Empty, {@code null}, wrongly shaped or broken JSON: where and what was expected, without Jackson's words. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        Problem problem = e.getCause() instanceof JsonProcessingException json ? JsonRefusals.of(json)
                : JsonRefusals.missingBody();
        return problem(problem, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        String value = String.valueOf(e.getValue());
        return problem(Problem.coded(Problem.Kind.INVALID, e.getName(), "problem.limit.parameter", e.getName(),
                value.length() > ECHO ? value.substring(0, ECHO) + "…" : value), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, Locale locale) {
        return problem(Problem.coded(Problem.Kind.INVALID, e.getParameterName(), "problem.limit.parameterMissing",
                e.getParameterName()), locale);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> illegal(IllegalArgumentException e) {
        return answer(ProblemAnswers.body(HttpStatus.BAD_REQUEST, "INVALID", null, e.getMessage()));
    }

    /** The details (class names, SQL) stay in the log under a trace id the user can quote. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e, Locale locale) {
        return answer(ProblemAnswers.internal(e, locale, "REST request"));
    }

    private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
        return ResponseEntity.status((Integer) body.get("status")).body(body);
    }
}
