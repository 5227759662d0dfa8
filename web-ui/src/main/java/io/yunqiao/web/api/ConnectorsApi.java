package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.CallTrace;
import io.yunqiao.connector.CatalogEntry;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionOrigin;
import io.yunqiao.connectorstore.Breakage;
import io.yunqiao.connectorstore.BreakingChangeException;
import io.yunqiao.connectorstore.SaveResult;
import io.yunqiao.connectorstore.StoredConnectorView;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.connectorstore.StoredVersionView;
import io.yunqiao.designer.TryCallRequest;
import io.yunqiao.designer.TryCallResult;
import io.yunqiao.designer.TryCalls;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connector catalog, and the definitions stored in the platform: created and changed with their YAML or JSON
 * text as the request body ({@code application/yaml}, {@code text/yaml} or {@code application/json}), versioned,
 * compared, exported and imported. Reading needs VIEWER, every change ADMIN (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "Connectors 连接器目录", description = "The connector definitions (built-in, plugin, stored): operations and"
        + " fields; stored definitions created, changed, versioned, exported and imported")
class ConnectorsApi {

    private final ConnectorRegistry registry;
    private final StoredConnectors stored;
    private final ObjectMapper json;
    private final TryCalls tries;

    ConnectorsApi(ConnectorRegistry registry, StoredConnectors stored, ObjectMapper json, TryCalls tries) {
        this.registry = registry;
        this.stored = stored;
        this.json = json;
        this.tries = tries;
    }

    /**
     * A try call: a draft's text ({@code definition}) or a connector in effect ({@code connectorId}), the operation,
     * a saved connection, and the QUERY's parameters or the EXECUTE's body; an EXECUTE needs {@code confirmWrite}.
     */
    record TryBody(String definition, String connectorId, String operation, Long connectionId,
            Map<String, Object> params, JsonNode body, Boolean confirmWrite) {
    }

    /** A try call's outcome and each request as sent (secrets masked) with its answer. */
    record TryAnswer(boolean success, String errorClass, String vendorCode, String message, Boolean recordsMatched,
            int records, long elapsedMs, List<ExchangeAnswer> exchanges) {
    }

    /** One request as sent, secrets, tokens and signatures shown as ******, and its answer. */
    record ExchangeAnswer(String method, String url, Map<String, List<String>> headers, String body, int status,
            Map<String, List<String>> responseHeaders, String responseBody, boolean responseTruncated,
            long elapsedMs) {
    }

    /**
     * A saved definition: the catalog entry now in effect, its stored version, and the solutions the change broke
     * (only when the caller accepted that).
     */
    record SaveAnswer(ObjectNode connector, StoredConnectorView stored, List<BreakAnswer> breaks) {
    }

    /** What a change breaks in one solution. */
    record BreakAnswer(long solutionId, String solution, String field, String code, String message) {
    }

    /** The diff of two versions: each line with its kind (SAME, REMOVED, ADDED, GAP) and line numbers. */
    record DiffAnswer(String id, int from, int to, List<LineDiff.Line> lines) {
    }

    @GetMapping
    @Operation(summary = "Every connector (with the operations its extensions add), then every stored extension;"
            + " each with origin built-in, plugin or stored, and an extension with its base")
    List<ObjectNode> list() {
        return registry.catalog().stream().map(this::entry).toList();
    }

    @GetMapping("/{id}")
    ObjectNode get(@PathVariable String id) {
        return registry.entry(id).map(this::entry).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.connector.notFound", id));
    }

    @PostMapping
    @Operation(summary = "Store a new definition (its YAML or JSON text as the body); in effect at once")
    @DefinitionBody
    ResponseEntity<SaveAnswer> create(@RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String note, Principal user, Locale locale) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(answer(stored.create(text(body), name(user), note), locale));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new version of a stored definition; refused with 409 and what breaks when it breaks"
            + " a solution, unless acceptBreaking=true")
    @DefinitionBody
    SaveAnswer update(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean acceptBreaking,
            Principal user, Locale locale) {
        return answer(stored.update(id, text(body), name(user), note, acceptBreaking), locale);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a stored definition and its history; 409 naming what uses it")
    void delete(@PathVariable String id, Principal user) {
        stored.delete(id, name(user));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The versions of a stored definition, newest first: who saved each, when, and the note")
    List<StoredVersionView> versions(@PathVariable String id) {
        return stored.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    StoredVersionView version(@PathVariable String id, @PathVariable int version) {
        return stored.version(id, version);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "The line diff between two versions of a stored definition")
    DiffAnswer diff(@PathVariable String id, @RequestParam int from, @RequestParam int to,
            @RequestParam(defaultValue = "-1") int context) {
        List<LineDiff.Line> lines = stored.diff(id, from, to);
        return new DiffAnswer(id, from, to, context < 0 ? lines : LineDiff.around(lines, context));
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "The stored definition's text exactly as saved, as a file to import elsewhere")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        StoredConnectorView view = stored.export(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + view.format().suffix()
                        + "\"")
                .contentType(MediaType.parseMediaType(view.format().mediaType() + ";charset=UTF-8"))
                .body(view.definition().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/import")
    @Operation(summary = "Create or update the stored definition whose id the file holds (201 created, 200 updated)")
    @DefinitionBody
    ResponseEntity<SaveAnswer> importFile(@RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean acceptBreaking,
            Principal user, Locale locale) {
        SaveResult result = stored.importText(text(body), name(user), note, acceptBreaking);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer(result, locale));
    }

    @PostMapping("/try")
    @Operation(summary = "试调用 Try an operation once with a saved connection: of a draft definition (not saved) or of a"
            + " connector in effect; answers the request exactly as sent with secrets masked, the answer, and the"
            + " outcome. A write operation is sent only with confirmWrite=true")
    TryAnswer tryCall(@RequestBody TryBody body, Locale locale) {
        TryCallResult result = tries.tryCall(new TryCallRequest(body.definition(), body.connectorId(),
                body.operation(), body.connectionId(), body.params(), body.body(),
                Boolean.TRUE.equals(body.confirmWrite())));
        // a summarised web page is a coded message: in the caller's language
        return new TryAnswer(result.success(), result.errorClass(), result.vendorCode(),
                StoredMessage.render(result.message(), locale),
                result.recordsMatched(), result.records(), result.elapsed().toMillis(),
                result.exchanges().stream().map(ConnectorsApi::exchange).toList());
    }

    private static ExchangeAnswer exchange(CallTrace trace) {
        return new ExchangeAnswer(trace.method(), trace.url(), trace.headers(), trace.body(), trace.status(),
                trace.responseHeaders(), trace.responseBody(), trace.truncated(), trace.elapsed().toMillis());
    }

    /** How the API documentation shows a definition body: its text, YAML or JSON. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The definition's YAML or JSON text (see"
            + " docs/connectors.md)", required = true, content = {
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "application/json", schema = @Schema(type = "string"))})
    @interface DefinitionBody {
    }

    /** A breaking change: the usual refusal, plus what breaks in each solution. */
    @ExceptionHandler(BreakingChangeException.class)
    ResponseEntity<Map<String, Object>> breaking(BreakingChangeException refusal, Locale locale) {
        Map<String, Object> body = ProblemAnswers.body(refusal, locale);
        body.put("breaks", breaks(refusal.breaks(), locale));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private SaveAnswer answer(SaveResult result, Locale locale) {
        String id = result.connector().id();
        ObjectNode connector = registry.entry(id).map(this::entry).orElse(null);
        return new SaveAnswer(connector, result.connector(), breaks(result.breaks(), locale));
    }

    private static List<BreakAnswer> breaks(List<Breakage> breaks, Locale locale) {
        return breaks.stream().map(b -> new BreakAnswer(b.solutionId(), b.solutionName(), b.field(),
                b.problem().code(), b.message(locale))).toList();
    }

    /** A catalog entry: the definition's fields, then where it comes from. */
    private ObjectNode entry(CatalogEntry entry) {
        ObjectNode node = json.valueToTree(entry.definition());
        node.put("origin", origin(entry.origin()));
        if (entry.base() != null) {
            node.put("base", entry.base());
        }
        if (!entry.extensions().isEmpty()) {
            node.set("extensions", json.valueToTree(entry.extensions()));
        }
        return node;
    }

    private static String origin(DefinitionOrigin origin) {
        return switch (origin) {
            case BUILT_IN -> "built-in";
            case PLUGIN -> "plugin";
            case STORED -> "stored";
        };
    }

    private static String text(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    private static String name(Principal user) {
        return user == null ? null : user.getName();
    }
}
