package io.yunqiao.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.yunqiao.problem.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the operations of declared connectors over HTTP: {@link #query} reads a page of records, {@link #execute}
 * sends one request and classifies the answer. Thread-safe; one instance serves the whole platform.
 */
public final class ConnectorClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorClient.class);

    /** What a secret looks like wherever it is shown or logged. */
    public static final String MASK = "******";

    /** The largest answer read unless {@link #readingAtMost} says otherwise: 64 MB. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    /** Characters of an answer a failure message shows at most ({@link AnswerClassifier#clip} shows 300). */
    private static final int CLIP_CHARS = 301;

    private final ConnectorRegistry registry;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final AuthContext authContext = new RuntimeAuthContext();
    private volatile MeterRegistry meters;
    private volatile Destinations destinations = Destinations.ANY;
    private volatile long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;

    /** A client with a 10 s connect timeout and a 30 s request timeout. */
    public ConnectorClient(ConnectorRegistry registry) {
        this(registry, Duration.ofSeconds(10), Duration.ofSeconds(30), Clock.systemUTC());
    }

    public ConnectorClient(ConnectorRegistry registry, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.registry = registry;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /**
     * Counts and times every HTTP call from now on as {@code yunqiao.connector.calls}, tagged with the connector,
     * the operation and the outcome ({@code success} or the error class, e.g. {@code throttled}).
     */
    public ConnectorClient measuredBy(MeterRegistry registry) {
        this.meters = registry;
        return this;
    }

    /**
     * Sends from now on only where {@code rules} allow: every request, including an auth scheme's token requests,
     * is checked right before it is sent, on the addresses its host resolves to then.
     */
    public ConnectorClient sendingOnlyTo(Destinations rules) {
        this.destinations = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /** Where this client may send. */
    public Destinations destinations() {
        return destinations;
    }

    /**
     * Reads from now on answers of at most {@code bytes} (a page of records, an execute answer, a token answer):
     * reading stops as soon as an answer is larger, and the call fails with {@link AnswerTooLargeException}
     * ({@code yunqiao.engine.max-page-bytes}, docs/operations.md).
     */
    public ConnectorClient readingAtMost(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the largest answer must be positive, was " + bytes);
        }
        this.maxAnswerBytes = bytes;
        return this;
    }

    /** The largest answer this client reads, in bytes. */
    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /**
     * Fetches one page of a QUERY operation.
     *
     * @param params parameter values by name (window, filters); paging parameters are set from {@code page}
     * @throws ConnectorException when the call fails, classified by the definition's rules; an invalid parameter is
     *                            {@link ErrorClass#VALIDATION} and is refused before anything is sent
     */
    public QueryPage query(Connection connection, String operationId, Map<String, ?> params, PageRequest page) {
        return probe(connection, operationId, params, page, null).page();
    }

    /**
     * Fetches one page of a QUERY operation, showing {@code observer} each request sent and its answer (masked).
     *
     * @param observer sees the exchanges of this call only; {@code null} for none
     */
    public QueryPage query(Connection connection, String operationId, Map<String, ?> params, PageRequest page,
            CallObserver observer) {
        return probe(connection, operationId, params, page, observer).page();
    }

    /**
     * One page of a QUERY operation and whether its records path matched anything in the answer.
     *
     * @param page           the page, as {@link #query} answers it
     * @param recordsMatched whether the operation's {@code records} path found a value in the answer; when not, the
     *                       page is empty (vendors leave the list out when there is nothing more) and the path may
     *                       be wrong, which a connection test should say
     */
    public record Probe(QueryPage page, boolean recordsMatched) {
    }

    /**
     * Fetches one page like {@link #query} and tells whether the records path matched: a wrong path otherwise reads
     * as "no data", silently.
     *
     * @throws ConnectorException as {@link #query}
     */
    public Probe probe(Connection connection, String operationId, Map<String, ?> params, PageRequest page) {
        return probe(connection, operationId, params, page, null);
    }

    /**
     * {@link #probe(Connection, String, Map, PageRequest)}, showing {@code observer} each request sent and its answer.
     *
     * @param observer sees the exchanges of this call only; {@code null} for none
     */
    public Probe probe(Connection connection, String operationId, Map<String, ?> params, PageRequest page,
            CallObserver observer) {
        ConnectorDefinition definition = registry.definition(connection.connectorId());
        OperationDefinition operation = operationOf(definition, connection, operationId, OperationRole.QUERY);
        ObjectNode body = queryBody(connection, operation, params, page);
        Exchange exchange = send(connection, definition, operation, body, page, observer);
        Outcome outcome = exchange.outcome;
        LimitedBody.TooLarge tooLarge = LimitedBody.TooLarge.in(exchange.failure);
        if (tooLarge != null) {
            throw new AnswerTooLargeException(connection, operationId, tooLarge.status(), tooLarge.limit(),
                    exchange.failure);
        }
        if (!outcome.success()) {
            throw new ConnectorException(outcome.errorClass(), connection, operationId, outcome.vendorCode(),
                    exchange.status, outcome.message(), exchange.failure);
        }
        RecordSelector.Selection selection = RecordSelector.select(operation, exchange.json);
        if (selection.malformed()) {
            throw new ConnectorException(definition.errorsOf(operation).malformedClass(), connection, operationId,
                    null, exchange.status, StoredMessage.of("connector.answer.malformed", selection.problem(),
                            AnswerClassifier.clipped(exchange.head(CLIP_CHARS))).store(), null);
        }
        return new Probe(toPage(connection, definition, operation, exchange, selection.records(), page),
                selection.matched());
    }

    /** Whether another page follows, and where it continues, by the operation's paging type and stop rule. */
    private static QueryPage toPage(Connection connection, ConnectorDefinition definition,
            OperationDefinition operation, Exchange exchange, List<JsonNode> records, PageRequest page) {
        PagingSpec paging = operation.paging();
        if (paging == null) {
            return new QueryPage(records, page, (long) records.size(), false);
        }
        JsonNode json = exchange.json;
        if (paging.type() == PagingType.CURSOR || paging.type() == PagingType.NEXT_URL) {
            String next = paging.type() == PagingType.CURSOR ? JsonPaths.text(json, paging.next())
                    : nextUrl(connection, definition, operation, paging, exchange);
            boolean more = !records.isEmpty() && next != null && !next.isBlank();
            if (more && paging.hasMore() != null) {
                JsonNode flag = JsonPaths.at(json, paging.hasMore());
                more = JsonPaths.isAbsent(flag) || flag.asBoolean(true);
            }
            if (more && next.equals(page.cursor())) {
                // a server that answers the same continuation again would be asked forever: its data ends here
                LOG.warn("connection '{}' operation {}: page {} answered the continuation it was asked with; treating"
                        + " it as the last page", connection.name(), operation.id(), page.index() + 1);
                more = false;
            }
            return new QueryPage(records, page, null, more, more ? next : null);
        }
        Long total = null;
        String totalText = paging.total() == null ? null : JsonPaths.text(json, paging.total());
        if (totalText != null) {
            try {
                total = Long.parseLong(totalText);
            } catch (NumberFormatException e) {
                total = null;
            }
        }
        boolean hasMore;
        if (records.isEmpty()) {
            hasMore = false;
        } else if (!paging.counts()) {
            hasMore = false;
        } else if (paging.stop() == StopRule.TOTAL_COUNT && total != null) {
            hasMore = (long) (page.index() + 1) * page.size() < total;
        } else {
            hasMore = records.size() >= page.size();
        }
        return new QueryPage(records, page, total, hasMore);
    }

    private ObjectNode queryBody(Connection connection, OperationDefinition operation, Map<String, ?> params,
            PageRequest page) {
        ObjectNode body = JSON.createObjectNode();
        Map<String, ?> given = params == null ? Map.of() : params;
        for (String name : given.keySet()) {
            if (operation.param(name).isEmpty()) {
                throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                        StoredMessage.of("connector.param.unknown", operation.id(), name, operation.params().stream()
                                .map(ParamDefinition::name).toList()).store());
            }
        }
        for (ParamDefinition param : operation.params()) {
            Object value = given.get(param.name());
            if (value != null) {
                body.set(param.name(), JSON.valueToTree(value));
            } else if (param.defaultValue() != null && !param.defaultValue().isNull()) {
                body.set(param.name(), param.defaultValue());
            }
        }
        PagingSpec paging = operation.paging();
        if (paging != null) {
            if (paging.sendsSize() && page.size() > paging.maxSize()) {
                throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                        StoredMessage.of("connector.page.sizeTooLarge", page.size(), operation.id(), paging.maxSize())
                                .store());
            }
            switch (paging.type()) {
                case PAGE_NUMBER -> {
                    body.put(paging.page(), paging.first() + page.index());
                    body.put(paging.size(), page.size());
                }
                case OFFSET_LIMIT -> {
                    body.put(paging.offset(), paging.first() + (long) page.index() * page.size());
                    body.put(paging.limit(), page.size());
                }
                case CURSOR -> {
                    if (page.cursor() != null) {
                        body.put(paging.param(), page.cursor());
                    }
                    if (paging.size() != null) {
                        body.put(paging.size(), page.size());
                    }
                }
                case NEXT_URL -> {
                    // later pages request the answer's URL as it is; the size goes with the first request only
                    if (paging.size() != null && page.cursor() == null) {
                        body.put(paging.size(), page.size());
                    }
                }
                default -> {
                    // none: one request without paging parameters
                }
            }
        }
        for (ParamDefinition param : operation.params()) {
            if (param.required() && !body.hasNonNull(param.name())) {
                throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                        RequestLayout.missing("connector.param.missing", param));
            }
        }
        return body;
    }

    /**
     * Sends one request of an EXECUTE operation and classifies the answer. Never throws for a vendor or network
     * failure: the result says what happened.
     *
     * @param body the business body (for form-json-field operations, the JSON text of the operation's field);
     *             parameters the operation declares in the path, query or headers are taken out of it
     */
    public ExecuteResult execute(Connection connection, String operationId, JsonNode body) {
        return execute(connection, operationId, body, null);
    }

    /**
     * Sends one request of an EXECUTE operation, showing {@code observer} each request sent and its answer (masked).
     *
     * @param observer sees the exchanges of this call only; {@code null} for none
     */
    public ExecuteResult execute(Connection connection, String operationId, JsonNode body, CallObserver observer) {
        ConnectorDefinition definition = registry.definition(connection.connectorId());
        OperationDefinition operation = operationOf(definition, connection, operationId, OperationRole.EXECUTE);
        long started = System.nanoTime();
        String requestText = body == null ? "null" : body.toString();
        if (body == null || !body.isObject()) {
            return new ExecuteResult(false, ErrorClass.VALIDATION, null,
                    StoredMessage.of("connector.body.notObject", AnswerClassifier.clip(requestText)).store(), 0,
                    requestText, null, null, Duration.ZERO, false);
        }
        Exchange exchange;
        try {
            exchange = send(connection, definition, operation, (ObjectNode) body, null, observer);
        } catch (ConnectorException e) {
            // refused before the request was sent (no base URL, an invalid URL, the credentials' own call failed):
            // the record's message names the connection and the kind of failure, in the reader's language
            return new ExecuteResult(false, e.errorClass(), e.vendorCode(), e.stored().store(), e.httpStatus(),
                    requestText, null, null, Duration.ofNanos(System.nanoTime() - started), false);
        }
        Outcome outcome = exchange.outcome;
        String resultKey = outcome.success() && operation.result() != null
                ? JsonPaths.text(exchange.json, operation.result())
                : null;
        return new ExecuteResult(outcome.success(), outcome.errorClass(), outcome.vendorCode(), outcome.message(),
                exchange.status, exchange.requestText, exchange.text(), resultKey,
                Duration.ofNanos(System.nanoTime() - started), exchange.possiblySent);
    }

    /**
     * Asks the target whether it holds the record a request of an EXECUTE operation creates, with the operation's
     * declared look-up ({@link LookUpSpec}): after a request whose answer was lost, this tells whether it was
     * applied. Never throws for a vendor or network failure: that is {@link Presence#UNKNOWN}.
     *
     * @param body the business body that was sent
     */
    public Presence lookUp(Connection connection, String operationId, JsonNode body) {
        ConnectorDefinition definition = registry.definition(connection.connectorId());
        OperationDefinition operation = operationOf(definition, connection, operationId, OperationRole.EXECUTE);
        LookUpSpec lookUp = operation.lookUp();
        String key = lookUp == null || body == null ? null : JsonPaths.text(body, lookUp.key());
        if (key == null || key.isBlank()) {
            return Presence.UNKNOWN;
        }
        OperationDefinition query = operationOf(definition, connection, lookUp.operation(), OperationRole.QUERY);
        PageRequest first = PageRequest.first(query.paging() == null ? 1 : query.paging().defaultSize());
        try {
            for (JsonNode record : query(connection, query.id(), Map.of(lookUp.param(), key), first).records()) {
                if (key.equals(JsonPaths.text(record, lookUp.match()))) {
                    return Presence.PRESENT;
                }
            }
            return Presence.ABSENT;
        } catch (ConnectorException e) {
            return Presence.UNKNOWN;
        }
    }

    private static OperationDefinition operationOf(ConnectorDefinition definition, Connection connection,
            String operationId, OperationRole role) {
        OperationDefinition operation = definition.operation(operationId).orElseThrow(() -> new ConnectorException(
                ErrorClass.VALIDATION, connection, operationId, StoredMessage.of("connector.operation.unknown",
                        definition.id(), operationId, definition.operations().stream().map(OperationDefinition::id)
                                .toList()).store()));
        if (operation.role() != role) {
            throw new ConnectorException(ErrorClass.VALIDATION, connection, operationId, StoredMessage.of(
                    role == OperationRole.QUERY ? "connector.operation.notQuery" : "connector.operation.notExecute",
                    operationId).store());
        }
        return operation;
    }

    /** Sends once; after an AUTH answer, forgets the cached credentials and sends once more. */
    private Exchange send(Connection connection, ConnectorDefinition definition, OperationDefinition operation,
            ObjectNode body, PageRequest page, CallObserver observer) {
        AuthScheme scheme = registry.authSchemeOf(definition);
        Exchange exchange = sendOnce(scheme, connection, definition, operation, body, page, observer);
        if (exchange.outcome.errorClass() == ErrorClass.AUTH && scheme.invalidate(connection)) {
            exchange = sendOnce(scheme, connection, definition, operation, body, page, observer);
        }
        return exchange;
    }

    private Exchange sendOnce(AuthScheme scheme, Connection connection, ConnectorDefinition definition,
            OperationDefinition operation, ObjectNode body, PageRequest page, CallObserver observer) {
        RequestSpec spec = operation.request();
        String baseUrl = baseUrl(connection, definition);
        destinations.checkBeforeSending(baseUrl).ifPresent(refusal -> {
            throw refused(connection, operation.id(), refusal);
        });
        OutgoingRequest request = RequestLayout.of(connection, operation, baseUrl, body, page);
        String requestText = body.toString();
        scheme.authenticate(connection, request, authContext);
        if (spec.body().isForm()) {
            requestText = JSON.valueToTree(masked(request.form(), connection, definition, scheme)).toString();
        }
        ErrorRules rules = definition.errorsOf(operation);
        HttpRequest httpRequest = encode(request, connection, operation);
        guard(connection, operation.id(), httpRequest.uri());
        long started = System.nanoTime();
        Exchange exchange;
        try {
            // the body is read as bytes and parsed once; only the text a message or trace shows is decoded
            HttpResponse<LimitedBody.Bytes> response = http.send(httpRequest, LimitedBody.atMost(maxAnswerBytes));
            LimitedBody.Bytes raw = response.body();
            JsonNode json = parse(raw);
            Outcome outcome = AnswerClassifier.classify(definition.successOf(operation), rules,
                    response.statusCode(), head(raw, CLIP_CHARS), json);
            exchange = new Exchange(outcome, response.statusCode(), raw, json, requestText, null, true,
                    httpRequest.uri(), response.headers());
        } catch (IOException e) {
            LimitedBody.TooLarge tooLarge = LimitedBody.TooLarge.in(e);
            // a connection never opened carried no byte of the request; any later break may follow its arrival
            boolean possiblySent = !(e instanceof java.net.ConnectException
                    || e instanceof java.net.http.HttpConnectTimeoutException);
            exchange = tooLarge != null
                    // the answer came, so the request was received: too large to read, and to retry
                    ? new Exchange(Outcome.failed(ErrorClass.OTHER, null,
                            StoredMessage.of(AnswerTooLargeException.CODE, connection.name(), operation.id(),
                                    tooLarge.limit()).store()), tooLarge.status(),
                            null, null, requestText, tooLarge, true, httpRequest.uri(), null)
                    : new Exchange(AnswerClassifier.noAnswer(rules, e), 0, null, null, requestText, e,
                            possiblySent, httpRequest.uri(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = new Exchange(AnswerClassifier.noAnswer(rules, e), 0, null, null, requestText, e, true,
                    httpRequest.uri(), null);
        }
        long elapsed = System.nanoTime() - started;
        measure(definition, operation, exchange.outcome, elapsed);
        if (observer != null) {
            observer.exchanged(trace(request, httpRequest, exchange, connection, definition, scheme,
                    Duration.ofNanos(elapsed)));
        }
        return exchange;
    }

    private void measure(ConnectorDefinition definition, OperationDefinition operation, Outcome outcome,
            long nanos) {
        MeterRegistry registry = meters;
        if (registry != null) {
            String result = outcome.success() || outcome.errorClass() == null ? "success"
                    : outcome.errorClass().name().toLowerCase(java.util.Locale.ROOT);
            calls(registry, definition.id(), operation.id(), result)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The timer of the calls to one operation with one outcome ({@code success} or an error class), registered at 0
     * when new: the engine registers the successful calls of each solution's operations before any happened.
     */
    public static Timer calls(MeterRegistry registry, String connector, String operation, String outcome) {
        return Timer.builder("yunqiao.connector.calls").description("HTTP calls to connected systems")
                .tags("connector", connector, "operation", operation, "outcome", outcome).register(registry);
    }

    /**
     * Refuses to send where the {@link #sendingOnlyTo destination rules} do not allow, before anything (and so any
     * secret) leaves: a connection problem, which retrying cannot fix.
     */
    private void guard(Connection connection, String operationId, URI uri) {
        destinations.checkBeforeSending(uri).ifPresent(refusal -> {
            throw refused(connection, operationId, refusal);
        });
    }

    private static ConnectorException refused(Connection connection, String operationId,
            Destinations.Refusal refusal) {
        // a malformed base URL is the connection's mistake; an address the rules forbid is a refusal to connect
        String reason = StoredMessage.of(refusal.code(), refusal.params().toArray()).store();
        return refusal.malformed()
                ? new ConnectorException(ErrorClass.VALIDATION, connection, operationId,
                        StoredMessage.of("connector.baseUrl.invalid", reason).store())
                : new ConnectorException(ErrorClass.AUTH, connection, operationId, reason);
    }

    /**
     * The form as it may be logged: values of the connection's secret fields (e.g. a token) and of the fields the
     * auth scheme declares {@linkplain AuthScheme#maskedFields() signatures or tokens} become {@value #MASK}.
     */
    private static Map<String, String> masked(Map<String, String> form, Connection connection,
            ConnectorDefinition definition, AuthScheme scheme) {
        Masks masks = Masks.of(connection, definition, scheme);
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.replaceAll((key, value) -> masks.secrets().contains(value) || masks.named(key) ? MASK : value);
        return copy;
    }

    /**
     * What is never shown: the values of the connection's secret fields, and the values of the fields, parameters
     * and headers the auth scheme {@linkplain AuthScheme#maskedFields() names} (compared ignoring case).
     */
    private record Masks(List<String> secrets, Set<String> names) {

        static Masks of(Connection connection, ConnectorDefinition definition, AuthScheme scheme) {
            // Connection.value answers null for a blank value, so no secret here is empty
            return new Masks(definition.connection().stream().filter(ConnectionField::secret)
                    .map(field -> connection.value(field.name())).filter(Objects::nonNull).toList(),
                    scheme.maskedFields().stream().map(name -> name.toLowerCase(Locale.ROOT))
                            .collect(Collectors.toSet()));
        }

        boolean named(String name) {
            return names.contains(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The exchange as a person may see it: secret connection values anywhere, and the values of the fields, query
     * parameters and headers the auth scheme masks, become {@value #MASK}.
     */
    private static CallTrace trace(OutgoingRequest request, HttpRequest sent, Exchange exchange,
            Connection connection, ConnectorDefinition definition, AuthScheme scheme, Duration elapsed) {
        Masks masks = Masks.of(connection, definition, scheme);
        List<String> secrets = masks.secrets();
        Set<String> signatures = masks.names();
        String url = request.baseUrl() + request.path();
        if (!request.query().isEmpty()) {
            url += (url.contains("?") ? "&" : "?") + urlEncoded(maskedValues(request.query(), secrets, signatures));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        sent.headers().map().forEach((name, values) -> headers.put(name, values.stream()
                .map(value -> signatures.contains(name.toLowerCase(Locale.ROOT)) ? MASK : hidden(value, secrets))
                .toList()));
        String body;
        if (request.jsonBody() != null) {
            body = maskedJson(request.jsonBody().deepCopy(), secrets, signatures).toString();
        } else if (!request.form().isEmpty()) {
            body = urlEncoded(maskedValues(request.form(), secrets, signatures));
        } else {
            body = "";
        }
        String answer = exchange.head(CallTrace.BODY_LIMIT + 1);
        boolean truncated = answer != null && answer.length() > CallTrace.BODY_LIMIT;
        if (truncated) {
            answer = answer.substring(0, CallTrace.BODY_LIMIT);
        }
        Map<String, List<String>> answerHeaders = exchange.headers == null ? Map.of() : exchange.headers.map();
        return new CallTrace(request.method(), hidden(url, secrets), headers, hidden(body, secrets), exchange.status,
                answerHeaders, answer, truncated, elapsed);
    }

    private static Map<String, String> maskedValues(Map<String, String> values, List<String> secrets,
            Set<String> signatures) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.replaceAll((key, value) -> signatures.contains(key.toLowerCase(Locale.ROOT)) ? MASK
                : hidden(value, secrets));
        return copy;
    }

    private static JsonNode maskedJson(JsonNode node, List<String> secrets, Set<String> signatures) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (signatures.contains(name.toLowerCase(Locale.ROOT)) && child.isValueNode()) {
                    object.put(name, MASK);
                } else if (child.isTextual()) {
                    object.put(name, hidden(child.asText(), secrets));
                } else {
                    maskedJson(child, secrets, signatures);
                }
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, JSON.getNodeFactory().textNode(hidden(array.get(i).asText(), secrets)));
                } else {
                    maskedJson(array.get(i), secrets, signatures);
                }
            }
        }
        return node;
    }

    /** {@code text} with every secret in it, raw or URL-encoded, replaced by the mask. */
    private static String hidden(String text, List<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                result = result.replace(encoded, MASK);
            }
        }
        return result;
    }

    private static String baseUrl(Connection connection, ConnectorDefinition definition) {
        String value = connection.value(ConnectorDefinition.BASE_URL);
        if (value == null) {
            value = definition.connectionField(ConnectorDefinition.BASE_URL).map(ConnectionField::defaultValue)
                    .orElse(null);
        }
        if (value == null) {
            throw new ConnectorException(ErrorClass.VALIDATION, connection, null, StoredMessage.of(
                    "connector.baseUrl.missing", connection.name(), ConnectorDefinition.BASE_URL).store());
        }
        return value;
    }

    private HttpRequest encode(OutgoingRequest request, Connection connection, OperationDefinition operation) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(requestTimeout);
        } catch (IllegalArgumentException e) {
            // nothing was sent; the message names the base URL only (the query may carry a signature or token)
            String reason = e.getCause() instanceof java.net.URISyntaxException syntax ? syntax.getReason()
                    : StoredMessage.of("connector.baseUrl.notHttp").store();
            throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                    StoredMessage.of("connector.baseUrl.unusable", request.baseUrl(), reason).store());
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // nothing was sent; the value is not shown (an auth scheme's header may carry a token)
                throw new ConnectorException(ErrorClass.VALIDATION, connection, operation.id(),
                        StoredMessage.of("connector.header.invalid", header.getKey()).store());
            }
        }
        // a fixed header or a header parameter may name the content type the vendor wants
        return request.withBody(builder).build();
    }

    /** {@code k=v&…} with keys and values URL-encoded in UTF-8, in the map's order. */
    public static String urlEncoded(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * The next page's URL of a next-url operation: at the body path, or the {@code Link} header's {@code rel="next"},
     * resolved against the URL that answered when relative; {@code null} when the answer gives none.
     */
    private static String nextUrl(Connection connection, ConnectorDefinition definition,
            OperationDefinition operation, PagingSpec paging, Exchange exchange) {
        String next = paging.from() == NextUrlSource.LINK_HEADER
                ? LinkHeader.next(exchange.headers == null ? List.of() : exchange.headers.allValues("Link"))
                : JsonPaths.text(exchange.json, paging.next());
        if (next == null || next.isBlank()) {
            return null;
        }
        try {
            return exchange.uri.resolve(next.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(definition.errorsOf(operation).malformedClass(), connection,
                    operation.id(), null, exchange.status,
                    StoredMessage.of("connector.nextPage.invalid", AnswerClassifier.clip(next)).store(), null);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Parses the answer's bytes once; bytes that are not UTF-8 are read as before, decoded with replacements. */
    private static JsonNode parse(LimitedBody.Bytes body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try (InputStream stream = body.stream()) {
            JsonNode json = JSON.readTree(stream);
            return json == null || json.isMissingNode() ? null : json;
        } catch (IOException e) {
            return parse(body.text());
        }
    }

    /** The first {@code chars} characters of an answer, {@code null} when none came. */
    private static String head(LimitedBody.Bytes body, int chars) {
        return body == null ? null : body.head(chars);
    }

    /**
     * One request and its answer.
     *
     * @param uri     the URL the request went to
     * @param headers the answer's headers, {@code null} when no answer came
     */
    private record Exchange(Outcome outcome, int status, LimitedBody.Bytes body, JsonNode json, String requestText,
            Throwable failure, boolean possiblySent, URI uri, HttpHeaders headers) {

        /** The whole answer as text (UTF-8), {@code null} when none came. */
        String text() {
            return body == null ? null : body.text();
        }

        /** The answer's first {@code chars} characters, {@code null} when none came. */
        String head(int chars) {
            return ConnectorClient.head(body, chars);
        }
    }

    private final class RuntimeAuthContext implements AuthContext {

        @Override
        public ObjectMapper json() {
            return JSON;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public JsonNode sendForJson(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            return send(connection, purpose, fix, request, false);
        }

        @Override
        public JsonNode sendForToken(Connection connection, String purpose, String fix, HttpRequest.Builder request) {
            return send(connection, purpose, fix, request, true);
        }

        private JsonNode send(Connection connection, String purpose, String fix, HttpRequest.Builder request,
                boolean standardTokenEndpoint) {
            ConnectorDefinition definition = registry.definition(connection.connectorId());
            ErrorRules rules = definition.errors();
            HttpRequest built = request.timeout(requestTimeout).build();
            guard(connection, null, built.uri());
            HttpResponse<LimitedBody.Bytes> response;
            try {
                response = http.send(built, LimitedBody.atMost(maxAnswerBytes));
            } catch (IOException e) {
                throw new ConnectorException(rules.transportClass(), connection, null, null, 0,
                        StoredMessage.of("connector.auth.noAnswer", purpose, AnswerClassifier.reason(e)).store(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(rules.transportClass(), connection, null, null, 0,
                        StoredMessage.of("connector.auth.interrupted", purpose).store(), e);
            }
            JsonNode json = parse(response.body());
            String text = head(response.body(), CLIP_CHARS);
            Outcome outcome = standardTokenEndpoint
                    ? AnswerClassifier.classify(List.of(), rules, response.statusCode(), text, json)
                    : AnswerClassifier.classify(definition.success(), rules, response.statusCode(), text, json);
            if (standardTokenEndpoint && !outcome.success()
                    && (response.statusCode() == 400 || response.statusCode() == 401)) {
                outcome = Outcome.failed(ErrorClass.AUTH, outcome.vendorCode(), outcome.message());
            }
            if (outcome.success()) {
                return json;
            }
            String hint = outcome.errorClass() == ErrorClass.AUTH ? fix
                    : StoredMessage.of(outcome.errorClass().retryable() ? "connector.auth.hint.retryLater"
                            : "connector.auth.hint.vendorMessage").store();
            throw new ConnectorException(outcome.errorClass(), connection, null, outcome.vendorCode(),
                    response.statusCode(), StoredMessage.of("connector.auth.refused", purpose,
                            outcome.message() == null ? "" : outcome.message(), hint).store(), null);
        }
    }
}
