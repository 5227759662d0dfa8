package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OutgoingRequest;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.connector.RequestSpec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code type: signed-params}: the pattern of most Chinese e-commerce gateways. Adds fields ({@code add},
 * templates; an empty value is left out) to the form, query or JSON body ({@code in}), then signs the fields:
 * those chosen ({@code sign.include}, or all but {@code sign.exclude}; the output field never), sorted
 * ({@code sign.sort}: {@code ascii} key order or {@code as-sent}), joined ({@code sign.join}: {@code k+v},
 * {@code k=v&} or {@code values}), wrapped in the secret ({@code sign.secret} placed by {@code sign.placement}:
 * {@code prefix}, {@code suffix}, {@code both} or {@code hmac-key}), optionally lower- or upper-cased
 * ({@code sign.lowercaseInput}, {@code sign.uppercaseInput}), hashed ({@code sign.hash}) and encoded
 * ({@code sign.encoding}) into {@code sign.output}. A chosen field the request does not have is skipped.
 */
final class SignedParamsAuth implements Part {

    private final String in;
    private final Map<String, Value> add;
    private final List<String> include;
    private final Set<String> exclude;
    private final boolean asciiOrder;
    private final String join;
    private final Template secret;
    private final String placement;
    private final boolean lowercase;
    private final boolean uppercase;
    private final Digest digest;
    private final String output;
    private final Set<String> masked;

    SignedParamsAuth(Spec spec) {
        this.in = spec.text("in", "form");
        this.add = spec.values("add");
        Spec sign = spec.at("sign");
        this.output = sign.text("output", "sign");
        this.include = sign.has("include") ? sign.strings("include", List.of()) : null;
        if (include != null) {
            checkIncluded(spec.definition(), sign.at("include"));
        }
        Set<String> excluded = new LinkedHashSet<>(sign.strings("exclude", List.of()));
        excluded.add(output);
        this.exclude = Set.copyOf(excluded);
        this.asciiOrder = "ascii".equals(sign.text("sort", "ascii"));
        this.join = sign.text("join", "k+v");
        this.secret = sign.template("secret", "");
        this.placement = sign.text("placement", "both");
        this.lowercase = sign.flag("lowercaseInput");
        this.uppercase = sign.flag("uppercaseInput");
        Digest.Algorithm hash = Digest.Algorithm.named(sign.text("hash", "MD5"));
        if (hash.keyed() != placement.equals("hmac-key")) {
            throw sign.at("placement").error("problem.definition.auth.hmacPlacement", sign.text("hash", "MD5"),
                    placement);
        }
        if (lowercase && uppercase) {
            throw sign.at("uppercaseInput").error("problem.definition.auth.inputCase");
        }
        this.digest = new Digest(hash, hash.keyed() ? secret : null, null,
                Digest.Encoding.named(sign.text("encoding", "hex")));
        Set<String> sensitive = new LinkedHashSet<>();
        sensitive.add(output);
        add.forEach((name, value) -> {
            if (value.sensitive()) {
                sensitive.add(name);
            }
        });
        this.masked = Set.copyOf(sensitive);
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        Map<String, String> fields = fields(request, scope);
        add.forEach((name, value) -> {
            String text = value.render(scope);
            if (!text.isEmpty()) {
                fields.put(name, text);
                put(request, name, text);
            }
        });
        put(request, output, sign(fields, scope));
    }

    /**
     * Every name {@code sign.include} lists must be one that some request can carry: a field this scheme adds, or a
     * fixed field, a parameter, a paging parameter or the JSON field of one of the operations. A name no request
     * carries is a typo that would silently leave it out of every signature, and the vendor would refuse them all.
     */
    private void checkIncluded(ConnectorDefinition definition, Spec at) {
        Set<String> sendable = new TreeSet<>(add.keySet());
        for (OperationDefinition operation : definition.operations()) {
            RequestSpec request = operation.request();
            if (request != null) {
                sendable.addAll(request.form().keySet());
                sendable.addAll(request.query().keySet());
                if (request.field() != null) {
                    sendable.add(request.field());
                }
            }
            operation.params().forEach(param -> sendable.add(param.name()));
            operation.fields().stream().filter(field -> field.parent() == null)
                    .forEach(field -> sendable.add(field.name()));
            if (operation.paging() != null) {
                sendable.addAll(operation.paging().runtimeParams());
            }
        }
        for (int i = 0; i < include.size(); i++) {
            if (!sendable.contains(include.get(i))) {
                throw at.at(i).error("problem.definition.auth.signFieldUnknown", include.get(i), sendable);
            }
        }
    }

    /** The request's fields where this scheme signs, as text, in the order they are sent. */
    private Map<String, String> fields(OutgoingRequest request, Scope scope) {
        return switch (in) {
            case "query" -> new LinkedHashMap<>(request.query());
            case "json" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                jsonBody(request, scope).properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
                yield fields;
            }
            default -> new LinkedHashMap<>(request.form());
        };
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private void put(OutgoingRequest request, String name, String value) {
        switch (in) {
            case "query" -> request.query().put(name, value);
            case "json" -> ((ObjectNode) request.jsonBody()).put(name, value);
            default -> request.form().put(name, value);
        }
    }

    private static ObjectNode jsonBody(OutgoingRequest request, Scope scope) {
        if (request.jsonBody() instanceof ObjectNode body) {
            return body;
        }
        throw new ConnectorException(ErrorClass.VALIDATION, scope.connection(), null,
                StoredMessage.of("connector.auth.signsJsonBody").store());
    }

    /** The signature of these fields. */
    String sign(Map<String, String> fields, Scope scope) {
        Map<String, String> chosen = asciiOrder ? new TreeMap<>() : new LinkedHashMap<>();
        if (include != null) {
            include.forEach(name -> {
                if (fields.get(name) != null) {
                    chosen.put(name, fields.get(name));
                }
            });
        } else {
            fields.forEach((name, value) -> {
                if (value != null && !exclude.contains(name)) {
                    chosen.put(name, value);
                }
            });
        }
        StringBuilder text = new StringBuilder();
        chosen.forEach((name, value) -> {
            switch (join) {
                case "k=v&" -> text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
                case "values" -> text.append(value);
                default -> text.append(name).append(value);
            }
        });
        String key = secret.render(scope);
        String input = switch (placement) {
            case "prefix" -> key + text;
            case "suffix" -> text + key;
            case "both" -> key + text + key;
            default -> text.toString();
        };
        if (lowercase) {
            input = input.toLowerCase(Locale.ROOT);
        } else if (uppercase) {
            input = input.toUpperCase(Locale.ROOT);
        }
        return digest.of(input, scope);
    }

    @Override
    public Set<String> masked() {
        return masked;
    }
}
