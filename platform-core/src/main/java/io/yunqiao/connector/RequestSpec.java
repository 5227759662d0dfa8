package io.yunqiao.connector;

import java.util.Map;

/**
 * Where and how an operation is called.
 *
 * @param method the HTTP method in capitals
 * @param path   appended to the connection's base URL; may be empty for single-gateway APIs
 * @param body   how parameters are carried
 * @param form   fixed form fields sent with {@link BodyStyle#FORM_BIZCONTENT} (e.g. the gateway's method name)
 */
public record RequestSpec(String method, String path, BodyStyle body, Map<String, String> form) {

    public RequestSpec {
        path = path == null ? "" : path;
        body = body == null ? BodyStyle.JSON : body;
        form = form == null ? Map.of() : Map.copyOf(form);
    }
}
