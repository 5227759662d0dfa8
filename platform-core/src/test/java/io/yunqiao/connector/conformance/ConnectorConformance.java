package io.yunqiao.connector.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorClient;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ErrorRules;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.PagingType;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.connector.ParamLocation;
import io.yunqiao.connector.QueryPage;
import io.yunqiao.connector.auth.DeclarativeAuth;
import io.yunqiao.problem.Problem;
import io.yunqiao.sandbox.FaultKind;
import io.yunqiao.solution.ShippedTemplates;
import io.yunqiao.template.SolutionTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector conformance suite (一致性测试): what every connector, built in, from a plugin jar or stored in the
 * platform, must do against its vendor's sandbox or a stub server. Extend it in a test named {@code *ConformanceIT},
 * start the sandbox (any {@link io.yunqiao.sandbox.SandboxServlet}) and say which registry, connector, connection and
 * sandbox to use; every check is one test:
 * <ul>
 * <li>discovery: the definition is in the registry, valid, has a check operation, declares its parameters;</li>
 * <li>secret masking: no secret connection value in a logged request or an error message, and the fields the auth
 * scheme masks are masked;</li>
 * <li>check: the connection test (测试连接) succeeds;</li>
 * <li>paging to the end: a small page size reads every record exactly once, and stops;</li>
 * <li>classification: throttle, HTTP 500, a malformed answer and a dropped connection, each injected into the
 * sandbox, get the classes the definition promises;</li>
 * <li>one auth refresh: when the vendor expires its tokens, the runtime logs in once more and the call succeeds;</li>
 * <li>templates: every solution template shipped for the connector validates against the registry.</li>
 * </ul>
 * Checks that do not apply (no paging, an auth that caches nothing, no templates) are skipped with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorConformance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    /** A paging that has not ended after this many pages never will. */
    private static final int MAX_PAGES = 10_000;

    private ConnectorClient client;
    private SandboxAdmin sandbox;

    /** The registry the connector is in, as the platform would build it. */
    protected abstract ConnectorRegistry registry();

    /** The id of the connector under test. */
    protected abstract String connectorId();

    /**
     * A connection to the sandbox with working credentials, with a new id on every call, so that nothing is cached
     * for it yet.
     */
    protected abstract Connection connection();

    /** Where the sandbox servlet is mounted: its admin endpoints are at {@code <this>/_admin/...}. */
    protected abstract String sandboxUrl();

    /** Called after every reset of the sandbox: seed the records the paging check reads. */
    protected void prepareSandbox() {
    }

    /** The page size of the paging check: small, so that several pages are read. */
    protected int pageSize() {
        return 4;
    }

    /** The QUERY operation the paging check reads to the end; by default the check operation. */
    protected String pagingOperation() {
        return checkOperation().id();
    }

    /** The parameters of a query of {@code operationId} (for required parameters without a default). */
    protected Map<String, Object> queryParams(String operationId) {
        return Map.of();
    }

    /** An EXECUTE call whose logged request the masking check reads; none by default (then queries only). */
    protected Optional<Execution> execution() {
        return Optional.empty();
    }

    /**
     * Makes the sandbox expire every token it handed out; answers whether it could. By default
     * {@code POST /_admin/tokens/expire}, which the sandboxes of token-based vendors answer.
     */
    protected boolean expireTokens() {
        return sandbox().post("/tokens/expire", "") != null;
    }

    /** The providers whose solution templates are checked; by default those on the test's class path. */
    protected List<ConnectorProvider> providers() {
        List<ConnectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConnectorProvider.class, getClass().getClassLoader()).forEach(providers::add);
        return providers;
    }

    /** One EXECUTE call: the operation and the business body. */
    public record Execution(String operationId, JsonNode body) {
    }

    protected final ConnectorClient client() {
        if (client == null) {
            client = new ConnectorClient(registry());
        }
        return client;
    }

    protected final SandboxAdmin sandbox() {
        if (sandbox == null) {
            sandbox = new SandboxAdmin(sandboxUrl());
        }
        return sandbox;
    }

    protected final ConnectorDefinition definition() {
        return registry().definition(connectorId());
    }

    private OperationDefinition checkOperation() {
        return definition().checkOperation().orElseThrow(() -> new AssertionError("connector '" + connectorId()
                + "' has no check operation: declare `check:` or a QUERY operation without required parameters"));
    }

    @BeforeEach
    final void resetSandbox() {
        sandbox().reset();
        prepareSandbox();
    }

    // ---- discovery ----

    @Test
    void discoveryTheDefinitionIsInTheRegistryValidWithACheckOperationAndDeclaredParameters() {
        assertThat(registry().find(connectorId())).as("connector '%s' in the registry", connectorId()).isPresent();
        ConnectorDefinition definition = definition();
        assertThat(definition.name()).as("name").isNotNull();
        assertThat(definition.name().zh()).as("Chinese name").isNotBlank();
        assertThat(definition.connectionField(ConnectorDefinition.BASE_URL)).as("the baseUrl connection field")
                .isPresent();
        if (definition.auth().declarative()) {
            DeclarativeAuth.check(definition);
        }
        assertThat(registry().authSchemeOf(definition)).as("auth scheme").isNotNull();
        OperationDefinition check = checkOperation();
        assertThat(check.role()).as("the check operation's role").isEqualTo(OperationRole.QUERY);
        assertThat(definition.operations()).extracting(OperationDefinition::id).doesNotHaveDuplicates();
        for (OperationDefinition operation : definition.operations()) {
            String where = "operation '" + operation.id() + "'";
            assertThat(operation.id()).as(where + " id").isNotBlank();
            assertThat(operation.role()).as(where + " role").isNotNull();
            assertThat(operation.title()).as(where + " title").isNotNull();
            assertThat(operation.request()).as(where + " request").isNotNull();
            assertThat(operation.params()).as(where + " params").allSatisfy(p -> {
                assertThat(p.name()).isNotBlank();
                assertThat(p.label()).as(where + " param " + p.name() + " label").isNotNull();
            }).extracting(ParamDefinition::name).doesNotHaveDuplicates();
            assertThat(operation.fields()).as(where + " fields").allSatisfy(f -> {
                assertThat(f.name()).isNotBlank();
                assertThat(f.label()).as(where + " field " + f.name() + " label").isNotNull();
            }).extracting(FieldDefinition::name).doesNotHaveDuplicates();
            if (operation.role() == OperationRole.QUERY) {
                assertThat(operation.records()).as(where + " records path").isNotNull();
            }
            Matcher placeholders = PATH_PARAM.matcher(operation.request().path() == null ? ""
                    : operation.request().path());
            while (placeholders.find()) {
                String name = placeholders.group(1);
                assertThat(operation.param(name)).as(where + " declares its path parameter {" + name + "}")
                        .hasValueSatisfying(p -> assertThat(p.in()).isEqualTo(ParamLocation.PATH));
            }
        }
    }

    // ---- secret masking ----

    @Test
    void secretMaskingNoSecretValueIsLoggedAndTheAuthSchemesFieldsAreMasked() {
        Connection connection = connection();
        Set<String> secrets = secretValues(connection);
        assertThat(secrets).as("the connection of a masking check holds its secrets").isNotEmpty();
        List<String> shown = new ArrayList<>();
        Optional<Execution> execution = execution();
        if (execution.isPresent()) {
            ExecuteResult result = client().execute(connection, execution.get().operationId(),
                    execution.get().body());
            shown.add(result.request());
            shown.add(result.message());
            assertMasked(result.request());
        }
        // what a person reads of a failed query: the error message, with the vendor's answer in it
        for (FaultKind kind : List.of(FaultKind.HTTP_500, FaultKind.MALFORMED)) {
            warmUp(connection);
            sandbox().failNextCall(kind, "");
            ConnectorException failure = failedCheck(connection);
            shown.add(failure.getMessage());
        }
        for (String text : shown) {
            for (String secret : secrets) {
                assertThat(String.valueOf(text)).as("a logged or shown text holds no secret value")
                        .doesNotContain(secret);
            }
        }
    }

    private Set<String> secretValues(Connection connection) {
        Set<String> secrets = new LinkedHashSet<>();
        for (ConnectionField field : definition().connection()) {
            String value = connection.values().get(field.name());
            if (field.secret() && value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    /** The fields the auth scheme masks, where the logged request has them, show the mask. */
    private void assertMasked(String requestText) {
        if (requestText == null || requestText.isBlank()) {
            return;
        }
        JsonNode logged;
        try {
            logged = JSON.readTree(requestText);
        } catch (java.io.IOException notJson) {
            return;
        }
        AuthScheme scheme = registry().authSchemeOf(definition());
        Set<String> masked = scheme.maskedFields().stream().map(f -> f.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (Iterator<Map.Entry<String, JsonNode>> it = logged.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (masked.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                assertThat(field.getValue().asText()).as("the logged field '%s'", field.getKey())
                        .isEqualTo(ConnectorClient.MASK);
            }
        }
    }

    // ---- check ----

    @Test
    void checkTheConnectionTestSucceeds() {
        OperationDefinition check = checkOperation();
        QueryPage page = client().query(connection(), check.id(), queryParams(check.id()), PageRequest.first(1));
        assertThat(page.records()).as("the check operation's records").isNotNull();
    }

    // ---- paging ----

    @Test
    void pagingASmallPageSizeReadsEveryRecordExactlyOnceAndStops() {
        OperationDefinition operation = definition().operation(pagingOperation()).orElseThrow();
        assumeTrue(operation.paging() != null && operation.paging().type() != PagingType.NONE,
                "operation '" + operation.id() + "' does not page");
        assumeTrue(operation.key() != null, "operation '" + operation.id() + "' declares no key to tell records apart");
        Connection connection = connection();
        int bigPage = operation.paging().maxSize() > 0 ? operation.paging().maxSize() : 100;
        List<String> all = keys(readAll(connection, operation, bigPage), operation);
        List<String> paged = keys(readAll(connection, operation, pageSize()), operation);
        assertThat(all).as("the sandbox holds more records than one small page (seed it in prepareSandbox)")
                .hasSizeGreaterThan(pageSize());
        assertThat(paged).as("keys read page by page").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all);
    }

    private List<JsonNode> readAll(Connection connection, OperationDefinition operation, int size) {
        List<JsonNode> records = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int pages = 1;; pages++) {
            QueryPage page = client().query(connection, operation.id(), queryParams(operation.id()), request);
            records.addAll(page.records());
            if (!page.hasMore()) {
                return records;
            }
            if (pages >= MAX_PAGES) {
                fail("paging of '%s' did not stop after %d pages", operation.id(), MAX_PAGES);
            }
            request = page.next();
        }
    }

    private static List<String> keys(List<JsonNode> records, OperationDefinition operation) {
        return records.stream().map(r -> JsonPaths.text(r, operation.key())).toList();
    }

    // ---- classification ----

    @Test
    void classificationAThrottleAnswerIsThrottled() {
        assertThat(failureAfter(FaultKind.THROTTLE).errorClass()).isEqualTo(ErrorClass.THROTTLED);
    }

    @Test
    void classificationAnHttp500IsRetryableOrTheDefinitionsClass() {
        ConnectorException failure = failureAfter(FaultKind.HTTP_500);
        ErrorRules rules = definition().errorsOf(checkOperation());
        ErrorClass expected = rules.httpStatus().entrySet().stream().filter(e -> e.getValue().contains(500))
                .map(Map.Entry::getKey).findFirst().orElse(ErrorClass.RETRYABLE);
        assertThat(failure.errorClass()).isEqualTo(expected);
        assertThat(failure.httpStatus()).isEqualTo(500);
    }

    @Test
    void classificationAMalformedAnswerHasTheDefinitionsMalformedClass() {
        ErrorRules rules = definition().errorsOf(checkOperation());
        assertThat(failureAfter(FaultKind.MALFORMED).errorClass())
                .isEqualTo(rules.malformed() == null ? ErrorClass.RETRYABLE : rules.malformed());
    }

    @Test
    void classificationADroppedConnectionHasTheDefinitionsTransportClass() {
        ErrorRules rules = definition().errorsOf(checkOperation());
        ConnectorException failure = failureAfter(FaultKind.DROP);
        assertThat(failure.errorClass())
                .isEqualTo(rules.transport() == null ? ErrorClass.RETRYABLE : rules.transport());
        assertThat(failure.httpStatus()).isZero();
    }

    /** The failure of a check query whose business call meets {@code kind}; names the connection. */
    private ConnectorException failureAfter(FaultKind kind) {
        Connection connection = connection();
        // logged in first, so that the fault hits the business call and not a login
        warmUp(connection);
        sandbox().failNextCall(kind, "");
        ConnectorException failure = failedCheck(connection);
        assertThat(failure.connectionName()).isEqualTo(connection.name());
        assertThat(failure).hasMessageContaining(connection.name());
        return failure;
    }

    private void warmUp(Connection connection) {
        OperationDefinition check = checkOperation();
        client().query(connection, check.id(), queryParams(check.id()), PageRequest.first(1));
    }

    private ConnectorException failedCheck(Connection connection) {
        OperationDefinition check = checkOperation();
        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> client().query(connection, check.id(), queryParams(check.id()), PageRequest.first(1)));
        assertThat(failure).as("the query after the injected fault fails").isNotNull();
        return failure;
    }

    // ---- auth refresh ----

    @Test
    void authRefreshExpiredTokensAreRenewedOnceAndTheCallSucceeds() {
        Connection connection = connection();
        warmUp(connection);
        AuthScheme scheme = registry().authSchemeOf(definition());
        assumeTrue(scheme.invalidate(connection), "the auth of connector '" + connectorId()
                + "' caches nothing (e.g. a signature per request): there is no token to refresh");
        warmUp(connection);
        assumeTrue(expireTokens(), "the sandbox cannot expire tokens (no POST /_admin/tokens/expire)");
        int before = sandbox().calls().size();

        // when the next call meets the expired token
        warmUp(connection);

        // then the business call was refused once, the login ran once, and the same call went through
        List<String> paths = sandbox().calls().stream().skip(before).map(c -> c.path("path").asText()).toList();
        assertThat(paths).as("calls after the vendor expired its tokens").hasSizeGreaterThanOrEqualTo(3);
        String business = paths.get(paths.size() - 1);
        assertThat(paths.get(0)).as("the first call after expiry is the business call").isEqualTo(business);
        List<String> login = paths.subList(1, paths.size() - 1);
        assertThat(login).as("the login calls between the refused and the accepted business call")
                .doesNotContain(business).doesNotHaveDuplicates();

        // and the next call uses the new token without logging in again
        int after = sandbox().calls().size();
        warmUp(connection);
        assertThat(sandbox().calls().stream().skip(after).map(c -> c.path("path").asText()).toList())
                .containsExactly(business);
    }

    // ---- templates ----

    @Test
    void templatesEveryShippedTemplateValidatesAgainstTheRegistry() {
        List<SolutionTemplate> templates = new ArrayList<>();
        for (ConnectorProvider provider : providers()) {
            for (SolutionTemplate template : ShippedTemplates.of(provider)) {
                if (connectorId().equals(template.solution().source().connector())
                        || connectorId().equals(template.solution().target().connector())) {
                    templates.add(template);
                }
            }
        }
        assumeTrue(!templates.isEmpty(), "no solution template is shipped for connector '" + connectorId() + "'");
        for (SolutionTemplate template : templates) {
            try {
                ShippedTemplates.validate(template, registry());
            } catch (Problem problem) {
                fail("template '%s' (%s) is refused at %s: %s", template.id(), template.source(),
                        problem.field(), problem.message(Locale.ENGLISH));
            }
        }
    }
}
