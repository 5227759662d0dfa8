package io.yunqiao.connector.auth;

import io.yunqiao.connector.OutgoingRequest;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code type: hmac-headers}: API gateways' {@code X-Api-*}-style header signing. Adds {@code headers}
 * (templates), then signs a canonical string, each line ending in {@code \n}: the method in capitals; the full path
 * (base URL's path + request path) encoded by {@code pathEncoders} (default {@code [gateway]}); the query sorted by
 * key as {@code k=v&…}, values encoded by {@code queryEncoders} (default {@code [url, gateway]}); then one
 * {@code name:value} line per header of {@code signedHeaders}, the name lower-cased, sorted by lower-cased name.
 * The list of signed headers is also sent comma-joined in {@code signedHeadersHeader} (when given); the signature
 * ({@code signature}: {@code digest}, {@code key}, {@code encoding}) goes into the header {@code output}.
 */
final class HmacHeadersAuth implements Part {

    private final Map<String, Value> headers;
    private final List<String> signedHeaders;
    private final String signedHeadersHeader;
    private final List<Encoder> pathEncoders;
    private final List<Encoder> queryEncoders;
    private final Digest signature;
    private final String output;
    private final Set<String> masked;

    HmacHeadersAuth(Spec spec) {
        this.headers = spec.values("headers");
        this.signedHeaders = spec.strings("signedHeaders", List.of());
        this.signedHeadersHeader = spec.text("signedHeadersHeader", null);
        this.pathEncoders = spec.strings("pathEncoders", List.of("gateway")).stream().map(Encoder::named).toList();
        this.queryEncoders = spec.strings("queryEncoders", List.of("url", "gateway")).stream().map(Encoder::named)
                .toList();
        Spec sign = spec.at("signature");
        Digest.Algorithm algorithm = Digest.Algorithm.named(sign.text("digest", "HMAC-SHA256"));
        Template key = sign.template("key", null);
        if (algorithm.keyed() && key == null) {
            throw sign.at("key").error("problem.definition.auth.hmacKey", sign.text("digest", "HMAC-SHA256"));
        }
        this.signature = new Digest(algorithm, key, null, Digest.Encoding.named(sign.text("encoding", "hex")));
        this.output = spec.text("output", "Signature");
        Set<String> sensitive = new LinkedHashSet<>();
        sensitive.add(output);
        headers.forEach((name, value) -> {
            if (value.sensitive()) {
                sensitive.add(name);
            }
        });
        this.masked = Set.copyOf(sensitive);
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        headers.forEach((name, value) -> {
            String text = value.render(scope);
            if (!text.isEmpty()) {
                Requests.header(request, name, text);
            }
        });
        if (signedHeadersHeader != null) {
            request.headers().put(signedHeadersHeader, String.join(",", signedHeaders));
        }
        request.headers().put(output, signature.of(stringToSign(request), scope));
    }

    /** The canonical string of a request, as the gateway rebuilds it. */
    String stringToSign(OutgoingRequest request) {
        StringBuilder query = new StringBuilder();
        new TreeMap<>(request.query()).forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(key).append('=').append(Encoder.all(queryEncoders, value)));
        StringBuilder text = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(Encoder.all(pathEncoders, Requests.fullPath(request))).append('\n')
                .append(query).append('\n');
        signedHeaders.stream().sorted(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)))
                .forEach(name -> text.append(name.toLowerCase(Locale.ROOT)).append(':')
                        .append(headerValue(request, name)).append('\n'));
        return text.toString();
    }

    private static String headerValue(OutgoingRequest request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    @Override
    public Set<String> masked() {
        return masked;
    }
}
