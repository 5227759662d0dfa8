package io.yunqiao.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how an operation is called.
 *
 * @param method  the HTTP method in capitals: GET, POST, PUT, PATCH or DELETE
 * @param path    appended to the connection's base URL; may be empty for single-gateway APIs; {@code {name}} is
 *                filled from the parameter {@code name} declared {@code in: path}
 * @param body    how business parameters are carried
 * @param field   {@link BodyStyle#FORM_JSON_FIELD} only: the form field holding the JSON text of the business body
 * @param form    fixed form fields of {@link BodyStyle#FORM} and {@link BodyStyle#FORM_JSON_FIELD} bodies (e.g. a
 *                gateway's method name)
 * @param query   fixed query parameters, literal values
 * @param headers fixed headers, literal values
 */
public record RequestSpec(String method, String path, BodyStyle body, String field, Map<String, String> form,
        Map<String, String> query, Map<String, String> headers) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");

    public RequestSpec {
        path = path == null ? "" : path;
        body = body == null ? BodyStyle.JSON : body;
        form = form == null ? Map.of() : Map.copyOf(form);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The names between braces in the path, in order ({@code /orders/{id}} has {@code id}). */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with each {@code {name}} replaced by its already encoded value. */
    String fill(Map<String, String> encodedValues) {
        return PLACEHOLDER.matcher(path).replaceAll(match -> Matcher.quoteReplacement(
                encodedValues.getOrDefault(match.group(1), match.group())));
    }
}
