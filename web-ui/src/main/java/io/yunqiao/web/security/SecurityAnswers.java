package io.yunqiao.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.problem.ProblemTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refusals written by the security filters themselves, before Spring MVC: the same JSON as the REST API's
 * ({@code status}, {@code error}, {@code code}, {@code message}), in the request's language, Chinese by default.
 */
final class SecurityAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityAnswers() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String error,
            String code, Object... params) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("code", code);
        body.put("message", ProblemTexts.render(code, locale(request), params));
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }
}
