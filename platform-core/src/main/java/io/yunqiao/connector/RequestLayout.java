package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.problem.StoredMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays one call of an operation out on the wire, before its auth scheme signs it: each parameter goes to its place
 * (path, query, header, or the body shaped by the operation's {@link BodyStyle}), next to the operation's fixed
 * query, headers and form fields.
 */
final class RequestLayout {

    private RequestLayout() {
    }

    /**
     * The request for {@code values} (a QUERY's parameters with paging filled in, or an EXECUTE's business body;
     * not changed).
     *
     * @param page the page asked for (QUERY), whose cursor is the next page's URL for next-url paging; {@code null}
     *             for EXECUTE
     * @throws ConnectorException {@link ErrorClass#VALIDATION} when a value has no place (a path parameter without
     *                            value, a field of an operation that sends no body); {@link ErrorClass#AUTH} when a
     *                            next page's URL leaves the connection's host
     */
    static OutgoingRequest of(Connection connection, OperationDefinition operation, String baseUrl,
            ObjectNode values, PageRequest page) {
        RequestSpec spec = operation.request();
        PagingSpec paging = operation.paging();
        if (page != null && page.cursor() != null && paging != null && paging.type() == PagingType.NEXT_URL) {
            return continuation(connection, operation, baseUrl, values, page.cursor());
        }
        // in the values' order, so that a request of today's definitions keeps today's order
        ObjectNode body = values.objectNode();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>(spec.query());
        Map<String, String> headers = new LinkedHashMap<>(spec.headers());
        values.properties().forEach(e -> {
            ParamLocation location = operation.param(e.getKey()).map(p -> p.location(spec.body()))
                    .orElse(spec.body().defaultLocation());
            if (location == null || location == ParamLocation.BODY
                    || location == ParamLocation.QUERY && spec.body() == BodyStyle.QUERY) {
                body.set(e.getKey(), e.getValue().deepCopy());
            } else if (!JsonPaths.isAbsent(e.getValue())
                    && !(location == ParamLocation.PATH && text(e.getValue()).isEmpty())) {
                place(location, e.getKey(), e.getValue(), pathValues, query, headers);
            }
        });
        for (ParamDefinition param : operation.params()) {
            ParamLocation location = param.location(spec.body());
            if (location == ParamLocation.BODY || location == null
                    || pathValues.containsKey(param.name()) || query.containsKey(param.name())
                    || headers.containsKey(param.name()) || body.has(param.name())) {
                continue;
            }
            JsonNode value = param.defaultValue();
            if (!JsonPaths.isAbsent(value)) {
                place(location, param.name(), value, pathValues, query, headers);
            } else if (location == ParamLocation.PATH || param.required()) {
                throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(), missing(
                        location == ParamLocation.PATH ? "connector.param.pathMissing" : "connector.param.missing",
                        param));
            }
        }
        OutgoingRequest request = new OutgoingRequest(spec.method(), baseUrl, spec.fill(pathValues),
                spec.body() == BodyStyle.JSON ? body : null);
        request.query().putAll(query);
        switch (spec.body()) {
            case FORM -> {
                request.form().putAll(spec.form());
                body.properties().forEach(e -> request.form().put(e.getKey(), text(e.getValue())));
            }
            case FORM_JSON_FIELD -> {
                request.form().putAll(spec.form());
                request.form().put(spec.field(), body.toString());
            }
            case QUERY -> body.properties().forEach(e -> request.query().put(e.getKey(), text(e.getValue())));
            case NONE -> {
                List<String> placeless = new ArrayList<>();
                body.properties().forEach(e -> {
                    if (!JsonPaths.isAbsent(e.getValue())) {
                        placeless.add(e.getKey());
                    }
                });
                if (!placeless.isEmpty()) {
                    throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                            StoredMessage.of("connector.param.noPlace", operation.id(), placeless).store());
                }
            }
            default -> {
                // JSON: the body is the request's JSON body
            }
        }
        request.headers().putAll(headers);
        return request;
    }

    private static void place(ParamLocation location, String name, JsonNode value, Map<String, String> pathValues,
            Map<String, String> query, Map<String, String> headers) {
        switch (location) {
            case PATH -> pathValues.put(name, segment(text(value)));
            case HEADER -> headers.put(name, text(value));
            default -> query.put(name, text(value));
        }
    }

    /**
     * The request of a next-url page: the URL as the previous answer gave it, with the operation's method, its
     * fixed headers and header parameters; nothing else, since the URL carries the query.
     */
    private static OutgoingRequest continuation(Connection connection, OperationDefinition operation,
            String baseUrl, ObjectNode values, String nextUrl) {
        requireSameOrigin(connection, operation.id(), baseUrl, nextUrl);
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        OutgoingRequest request;
        if (nextUrl.startsWith(base) && (nextUrl.length() == base.length()
                || "/?#".indexOf(nextUrl.charAt(base.length())) >= 0)) {
            request = new OutgoingRequest(operation.request().method(), base, nextUrl.substring(base.length()), null);
        } else {
            URI uri = URI.create(nextUrl);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            request = new OutgoingRequest(operation.request().method(), origin, nextUrl.substring(origin.length()),
                    null);
        }
        request.headers().putAll(operation.request().headers());
        for (ParamDefinition param : operation.params()) {
            JsonNode value = values.get(param.name());
            if (param.in() == ParamLocation.HEADER && !JsonPaths.isAbsent(value)) {
                request.headers().put(param.name(), text(value));
            }
        }
        return request;
    }

    /**
     * A next page's URL must stay on the scheme, host and port of the connection's base URL: the auth scheme adds
     * the connection's credentials to it, and an answer must not be able to send them elsewhere.
     */
    static void requireSameOrigin(Connection connection, String operationId, String baseUrl, String nextUrl) {
        URI base;
        URI next;
        try {
            base = new URI(baseUrl);
            next = new URI(nextUrl);
        } catch (URISyntaxException e) {
            throw new ConnectorException(ErrorClass.VALIDATION, connection, operationId,
                    StoredMessage.of("connector.nextPage.invalid", AnswerClassifier.clip(nextUrl)).store());
        }
        if (next.getScheme() == null || next.getHost() == null || base.getScheme() == null
                || !next.getScheme().equalsIgnoreCase(base.getScheme())
                || !next.getHost().equalsIgnoreCase(base.getHost() == null ? "" : base.getHost())
                || port(next) != port(base)) {
            throw new ConnectorException(ErrorClass.AUTH, connection, operationId, StoredMessage.of(
                    "connector.nextPage.otherHost", (next.getScheme() == null ? "" : next.getScheme() + "://")
                            + (next.getRawAuthority() == null ? "" : next.getRawAuthority()),
                    base.getScheme() + "://" + base.getRawAuthority()).store());
        }
    }

    /**
     * A parameter without a value, as a stored coded message: its name, then its label in Chinese and in English
     * (the texts pick the reader's).
     */
    static String missing(String code, ParamDefinition param) {
        return StoredMessage.of(code, param.name(), param.label().zh(), param.label().en()).store();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    /** A value as text on the wire: scalars as themselves, objects and arrays as JSON text. */
    static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** One path segment, percent-encoded in UTF-8 (a space is {@code %20}, a slash {@code %2F}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header names the HTTP client sets itself and refuses from callers, in lower case. */
    static final List<String> RESTRICTED_HEADERS = List.of("connection", "content-length", "expect", "host",
            "upgrade");

    static boolean restrictedHeader(String name) {
        return RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
