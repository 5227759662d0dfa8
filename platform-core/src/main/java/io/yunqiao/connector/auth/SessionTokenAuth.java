package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import io.yunqiao.problem.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code type: session-token}: one or more login or context calls ({@code steps}) whose answers fill session values
 * ({@code extract}), then {@code apply} puts them into every request. The session is cached per connection until
 * shortly before it expires and forgotten after an AUTH answer. Each step's answer is judged by the connector's
 * success and error rules.
 *
 * <p>Parameters: {@code steps} (each: {@code method}, {@code path} (after the base URL, or absolute), {@code body}
 * {@code json|form|query} (default json, query for GET), {@code values}, {@code query}, {@code headers} (templates),
 * {@code extract} (session name to answer path), optional {@code select} ({@code list}, {@code match},
 * {@code value}) and {@code expiresIn} (answer path)); {@code apply} ({@code query}, {@code headers}, {@code form},
 * {@code json}: templates); {@code lifetime} (seconds when no answer says, default 3600); {@code refreshBefore}
 * (seconds, default 300).
 */
final class SessionTokenAuth implements Part {

    private final List<Step> steps;
    private final Map<String, Value> applyQuery;
    private final Map<String, Value> applyHeaders;
    private final Map<String, Value> applyForm;
    private final Map<String, Value> applyJson;
    private final Lifetime lifetime;
    private final Set<String> masked;
    private final Sessions<Session> sessions = new Sessions<>(Session::expiresAt);

    SessionTokenAuth(Spec spec, Set<String> earlierSessionValues) {
        Set<String> known = new LinkedHashSet<>(earlierSessionValues);
        List<Step> parsed = new ArrayList<>();
        Set<String> sensitive = new LinkedHashSet<>();
        Spec stepsSpec = spec.at("steps");
        for (int i = 0; i < stepsSpec.node().size(); i++) {
            Step step = new Step(i, stepsSpec.at(i).withSessionValues(known));
            parsed.add(step);
            known.addAll(step.extract.keySet());
            step.values.forEach((name, value) -> {
                if (value.sensitive()) {
                    sensitive.add(name);
                }
            });
        }
        this.steps = List.copyOf(parsed);
        Spec apply = spec.at("apply").withSessionValues(known);
        this.applyQuery = apply.values("query");
        this.applyHeaders = apply.values("headers");
        this.applyForm = apply.values("form");
        this.applyJson = apply.values("json");
        for (Map<String, Value> values : List.of(applyQuery, applyHeaders, applyForm, applyJson)) {
            values.forEach((name, value) -> {
                if (value.sensitive()) {
                    sensitive.add(name);
                }
            });
        }
        this.masked = Set.copyOf(sensitive);
        this.lifetime = new Lifetime(Duration.ofSeconds(spec.integer("lifetime", 3600)),
                Duration.ofSeconds(spec.integer("refreshBefore", 300)));
    }

    /** The session values the steps extract, for the templates of later schemes. */
    Set<String> extracted() {
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(step -> names.addAll(step.extract.keySet()));
        return names;
    }

    @Override
    public void apply(OutgoingRequest request, Scope scope, LoginSigner later) {
        Session session = sessions.get(scope.connection(), scope.now(),
                () -> login(request.baseUrl(), scope, later));
        scope.putSession(session.values());
        applyTo(request, scope);
    }

    private void applyTo(OutgoingRequest request, Scope scope) {
        applyQuery.forEach((name, value) -> put(value, scope, text -> request.query().put(name, text)));
        applyHeaders.forEach((name, value) -> put(value, scope, text -> Requests.header(request, name, text)));
        applyForm.forEach((name, value) -> put(value, scope, text -> request.form().put(name, text)));
        if (!applyJson.isEmpty()) {
            if (!(request.jsonBody() instanceof ObjectNode body)) {
                throw new ConnectorException(ErrorClass.VALIDATION, scope.connection(), null,
                        StoredMessage.of("connector.auth.jsonBodyNeeded").store());
            }
            applyJson.forEach((name, value) -> put(value, scope, text -> body.put(name, text)));
        }
    }

    private static void put(Value value, Scope scope, java.util.function.Consumer<String> target) {
        String text = value.render(scope);
        if (!text.isEmpty()) {
            target.accept(text);
        }
    }

    private Session login(String baseUrl, Scope requestScope, LoginSigner later) {
        Map<String, String> values = new LinkedHashMap<>();
        Instant started = requestScope.now();
        Instant expiresAt = null;
        for (Step step : steps) {
            Scope scope = requestScope.forAnotherRequest(values);
            OutgoingRequest call = step.request(baseUrl, scope);
            later.sign(call, scope);
            String what = StoredMessage.of("connector.auth.step", step.index + 1, step.method, step.path).store();
            JsonNode answer = scope.context().sendForJson(scope.connection(), what, step.fix(later.fields()),
                    Requests.encode(call));
            JsonNode from = step.select == null ? answer : step.select.pick(answer, scope, what);
            for (Map.Entry<String, String> extract : step.extract.entrySet()) {
                String value = Paths.text(from, extract.getValue());
                if (value.isEmpty()) {
                    throw new ConnectorException(ErrorClass.AUTH, scope.connection(), null, StoredMessage.of(
                            "connector.auth.noValue", what, extract.getValue(), clip(answer)).store());
                }
                values.put(extract.getKey(), value);
            }
            if (step.expiresIn != null) {
                Instant expiry = lifetime.expiresAt(started, Paths.first(answer, step.expiresIn));
                expiresAt = expiresAt == null || expiry.isBefore(expiresAt) ? expiry : expiresAt;
            }
        }
        return new Session(Map.copyOf(values), expiresAt != null ? expiresAt : lifetime.expiresAt(started, null));
    }

    private static String clip(JsonNode answer) {
        String text = String.valueOf(answer);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    @Override
    public boolean invalidate(Connection connection) {
        return sessions.invalidate(connection);
    }

    @Override
    public Set<String> masked() {
        return masked;
    }

    @Override
    public boolean holdsSession() {
        return true;
    }

    private record Session(Map<String, String> values, Instant expiresAt) {
    }

    /** One login or context call. */
    private static final class Step {

        final int index;
        final String method;
        final String path;
        final String body;
        final Map<String, Value> values;
        final Map<String, Value> query;
        final Map<String, Value> headers;
        final Map<String, String> extract;
        final Select select;
        final String expiresIn;
        final Set<String> fields = new LinkedHashSet<>();

        Step(int index, Spec spec) {
            this.index = index;
            this.method = spec.text("method", "POST").toUpperCase(Locale.ROOT);
            this.path = spec.text("path", "");
            this.body = spec.text("body", method.equals("GET") ? "query" : "json");
            this.values = spec.values("values");
            this.query = spec.values("query");
            this.headers = spec.values("headers");
            this.extract = spec.texts("extract");
            this.select = spec.has("select") ? new Select(spec.at("select")) : null;
            this.expiresIn = spec.text("expiresIn", null);
            for (Map<String, Value> map : List.of(values, query, headers)) {
                map.values().forEach(value -> collectFields(value));
            }
        }

        private void collectFields(Value value) {
            if (value instanceof Template template) {
                fields.addAll(template.fields());
            } else if (value instanceof Digest digest) {
                if (digest.key() != null) {
                    fields.addAll(digest.key().fields());
                }
                fields.addAll(digest.message().fields());
            }
        }

        OutgoingRequest request(String baseUrl, Scope scope) {
            ObjectNode json = body.equals("json") ? JsonNodeFactory.instance.objectNode() : null;
            OutgoingRequest request = Requests.login(method, baseUrl, path, json);
            values.forEach((name, value) -> put(value, scope, text -> {
                switch (body) {
                    case "form" -> request.form().put(name, text);
                    case "query" -> request.query().put(name, text);
                    default -> json.put(name, text);
                }
            }));
            query.forEach((name, value) -> put(value, scope, text -> request.query().put(name, text)));
            headers.forEach((name, value) -> put(value, scope, text -> Requests.header(request, name, text)));
            return request;
        }

        /** What to check when the vendor refuses the step: the fields it and its signers read. */
        String fix(Set<String> signerFields) {
            Set<String> all = new LinkedHashSet<>(fields);
            all.addAll(signerFields);
            return all.isEmpty() ? StoredMessage.of("connector.auth.fix.credentials").store()
                    : StoredMessage.of("connector.auth.fix.fields", String.join(", ", all)).store();
        }
    }

    /**
     * Picks one item of a list in the answer: the first whose {@code match} field (any of them) equals
     * {@code value}; the first item when the value is empty.
     */
    private static final class Select {

        final String list;
        final List<String> match;
        final Template value;

        Select(Spec spec) {
            this.list = spec.text("list", "");
            JsonNode matchNode = spec.node().path("match");
            this.match = matchNode.isArray() ? spec.strings("match", List.of()) : List.of(matchNode.asText());
            this.value = spec.template("value", "");
        }

        JsonNode pick(JsonNode answer, Scope scope, String what) {
            List<JsonNode> items = Paths.all(answer, list);
            if (items.isEmpty()) {
                throw new ConnectorException(ErrorClass.AUTH, scope.connection(), null,
                        StoredMessage.of("connector.auth.select.empty", what, list).store());
            }
            String wanted = value.render(scope).trim();
            if (wanted.isEmpty()) {
                return items.get(0);
            }
            for (JsonNode item : items) {
                for (String field : match) {
                    if (wanted.equals(Paths.text(item, field))) {
                        return item;
                    }
                }
            }
            String available = items.stream()
                    .map(item -> match.stream().map(field -> field + "=" + Paths.text(item, field))
                            .collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining("; "));
            String where = value.fields().isEmpty() ? StoredMessage.of("connector.auth.select.value").store()
                    : StoredMessage.of("connector.auth.select.fields", String.join(", ", value.fields())).store();
            throw new ConnectorException(ErrorClass.AUTH, scope.connection(), null, StoredMessage.of(
                    "connector.auth.select.noMatch", what, String.join("/", match), wanted, available, where).store());
        }
    }
}
