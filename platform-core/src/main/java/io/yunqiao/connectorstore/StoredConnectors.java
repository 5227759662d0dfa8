package io.yunqiao.connectorstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.CatalogEntry;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.DefinitionOrigin;
import io.yunqiao.connector.DefinitionReader;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionValidator;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connector definitions stored in the platform: create, change (a new version), delete, list, versions, diff,
 * export and import, each in effect at once in the {@link ConnectorRegistry}, without a restart.
 *
 * <p>A definition is checked exactly as a file at start is ({@link DefinitionReader}), then against everything else
 * installed (no id twice, an extension's base installed, no operation id twice); a change that breaks a solution is
 * refused with what breaks, unless the caller accepts it. A refused save changes neither the database nor the
 * registry. At start the stored definitions are loaded; one that no longer validates is logged and left out.
 *
 * <p>Several nodes on one database: a change is in effect at once on the node that made it; the others notice it
 * within {@code yunqiao.connectors.stored-refresh} (they compare a {@link Fingerprint} of the table) and load again.
 */
@Service
public class StoredConnectors implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StoredConnectors.class);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    /** The id line of a text that does not parse, so that even that refusal can name the definition. */
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*[\"']?([a-z0-9][a-z0-9-]{0,99})[\"']?\\s*$");

    /** What a stored definition's source is called in messages: {@code stored:acme-shop}. */
    static final String SOURCE_PREFIX = "stored:";

    /**
     * One change at a time, from checking to making it: two saves must not both check against the old state. Each
     * change first loads what other nodes changed meanwhile, so that it is checked against the latest definitions.
     */
    private final Object changes = new Object();

    private final StoredConnectorRepository stored;
    private final StoredConnectorVersionRepository versions;
    private final ConnectorRegistry registry;
    private final Solutions solutions;
    private final SolutionValidator validator;
    private final Connections connections;
    private final InputLimits limits;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration refresh;

    /**
     * The table as last loaded; another node's change shows as a different fingerprint. A change made here leaves it
     * as it was, so the next look loads once more: cheap, and never misses another node's change made meanwhile.
     */
    private volatile Fingerprint loaded;
    private ScheduledExecutorService refresher;

    StoredConnectors(StoredConnectorRepository stored, StoredConnectorVersionRepository versions,
            ConnectorRegistry registry, Solutions solutions, SolutionValidator validator, Connections connections,
            InputLimits limits, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
            @Value("${yunqiao.connectors.stored-refresh:30s}") Duration refresh) {
        this.stored = stored;
        this.versions = versions;
        this.registry = registry;
        this.solutions = solutions;
        this.validator = validator;
        this.connections = connections;
        this.limits = limits;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Loads the stored definitions once every bean is ready, before schedules start firing, and then looks for other
     * nodes' changes every {@code yunqiao.connectors.stored-refresh} (0 = never).
     */
    @Override
    public void afterSingletonsInstantiated() {
        load();
        if (!refresh.isNegative() && !refresh.isZero()) {
            refresher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "stored-connectors-refresh");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refreshQuietly, refresh.toMillis(), refresh.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /**
     * Loads the stored definitions again when the table changed since they were last loaded (another node saved or
     * deleted one).
     *
     * @return whether they were loaded again
     */
    public boolean refreshIfChanged() {
        Fingerprint now = transactions.execute(status -> stored.fingerprint());
        if (Objects.equals(now, loaded)) {
            return false;
        }
        load();
        return true;
    }

    private void refreshQuietly() {
        try {
            refreshIfChanged();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next round tries again, the definitions in effect stay
            LOG.warn("could not look for changed stored connector definitions: {}", e.toString());
        }
    }

    /**
     * Puts the stored definitions in effect, as the database holds them; one that is refused (it no longer validates,
     * or clashes with a connector installed since) is logged and left out, the others are loaded.
     */
    public void load() {
        synchronized (changes) {
            record Table(List<StoredConnector> rows, Fingerprint fingerprint) {
            }
            Table table = Objects.requireNonNull(transactions.execute(status -> new Table(
                    stored.findAllByOrderByConnectorIdAsc(), stored.fingerprint())));
            List<StoredConnector> rows = table.rows();
            List<ConnectorDefinition> accepted = new ArrayList<>();
            for (StoredConnector row : rows) {
                try {
                    ConnectorDefinition definition = DefinitionReader.read(SOURCE_PREFIX + row.connectorId(),
                            row.definition());
                    List<ConnectorDefinition> candidate = new ArrayList<>(accepted);
                    candidate.add(definition);
                    registry.withStored(candidate);
                    accepted.add(definition);
                } catch (DefinitionException e) {
                    LOG.warn("stored connector definition '{}' (version {}) is not loaded: {}", row.connectorId(),
                            row.currentVersion(), e.getMessage());
                }
            }
            registry.replaceStored(accepted);
            loaded = table.fingerprint();
            LOG.info("{} of {} stored connector definitions loaded: {}", accepted.size(), rows.size(),
                    accepted.stream().map(ConnectorDefinition::id).toList());
        }
    }

    /** Every stored definition, in effect or not, by id. */
    public List<StoredConnectorView> list() {
        return Objects.requireNonNull(transactions.execute(status -> stored.findAllByOrderByConnectorIdAsc()))
                .stream().map(this::view).toList();
    }

    /** A stored definition with its current text. */
    public StoredConnectorView get(String id) {
        return view(find(id));
    }

    /**
     * Checks a definition's text as saving it would, without saving: what the designer shows before a save.
     *
     * @return the definition as it would be read
     * @throws Problem what is wrong, where, and how to fix it
     */
    public ConnectorDefinition check(String text) {
        ConnectorDefinition definition = parse(text);
        candidate(definition);
        return definition;
    }

    /** The solutions that saving {@code text} would break, without saving it. */
    public List<Breakage> wouldBreak(String text) {
        return breakages(candidate(parse(text)));
    }

    /**
     * Stores a new definition (version 1), in effect at once.
     *
     * @param text   its YAML or JSON text, kept as given
     * @param author who saves it
     * @param note   an optional change note
     */
    public SaveResult create(String text, String author, String note) {
        limits.checkDescription("note", note);
        synchronized (changes) {
            refreshIfChanged();
            ConnectorDefinition definition = parse(text);
            transactions.executeWithoutResult(status -> stored.findByConnectorId(definition.id()).ifPresent(row -> {
                throw Problem.coded(Problem.Kind.CONFLICT, "$.id", "problem.connectors.exists", definition.id(),
                        row.currentVersion());
            }));
            ConnectorRegistry next = candidate(definition);
            return save(definition, text, author, note == null ? "created" : note, next, List.of(), true);
        }
    }

    /**
     * Saves a new version of a stored definition, in effect at once. A change that breaks a solution is refused with
     * what breaks ({@link BreakingChangeException}) unless {@code acceptBreaking}; then it is saved and the breaks
     * are returned.
     */
    public SaveResult update(String id, String text, String author, String note, boolean acceptBreaking) {
        limits.checkDescription("note", note);
        synchronized (changes) {
            refreshIfChanged();
            findToChange(id);
            ConnectorDefinition definition = parse(text);
            if (!definition.id().equals(id)) {
                throw Problem.coded(Problem.Kind.INVALID, "$.id", "problem.connectors.idChanged", id,
                        definition.id());
            }
            ConnectorRegistry next = candidate(definition);
            List<Breakage> breaks = breakages(next);
            if (!breaks.isEmpty() && !acceptBreaking) {
                throw new BreakingChangeException(id, breaks);
            }
            return save(definition, text, author, note, next, breaks, false);
        }
    }

    /**
     * Creates or updates the definition whose id the text holds: what a file exported here or elsewhere is imported
     * with.
     */
    public SaveResult importText(String text, String author, String note, boolean acceptBreaking) {
        ConnectorDefinition definition = parse(text);
        boolean exists = transactions.execute(status -> stored.findByConnectorId(definition.id()).isPresent());
        return exists ? update(definition.id(), text, author, note == null ? "imported" : note, acceptBreaking)
                : create(text, author, note == null ? "imported" : note);
    }

    /**
     * Deletes a stored definition and its history. Refused (409) while a solution or a connection uses it, naming
     * them; built-in and plugin connectors cannot be deleted.
     */
    public void delete(String id, String author) {
        synchronized (changes) {
            refreshIfChanged();
            StoredConnector row = findToChange(id);
            List<String> users = usersOf(row);
            if (!users.isEmpty()) {
                throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.connectors.inUse", id,
                        String.join("; ", users));
            }
            List<ConnectorDefinition> rest = registry.stored().stream().filter(d -> !d.id().equals(id)).toList();
            ConnectorRegistry next = withStored(rest);
            transactions.executeWithoutResult(status -> {
                versions.deleteAll(versions.findByStoredIdOrderByVersionDesc(row.id()));
                stored.delete(stored.findById(row.id()).orElseThrow());
            });
            registry.replaceStored(next.stored());
            LOG.info("stored connector definition '{}' deleted by {}", id, author);
            events.publishEvent(new StoredConnectorsChanged(id, true));
        }
    }

    /** The versions of a stored definition, newest first, without their texts. */
    public List<StoredVersionView> versions(String id) {
        StoredConnector row = find(id);
        return Objects.requireNonNull(transactions.execute(status -> versions.findByStoredIdOrderByVersionDesc(
                row.id()))).stream().map(v -> v.view(false)).toList();
    }

    /** One version of a stored definition, with its text. */
    public StoredVersionView version(String id, int version) {
        StoredConnector row = find(id);
        return transactions.execute(status -> versions.findByStoredIdAndVersion(row.id(), version))
                .map(v -> v.view(true))
                .orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, "version",
                        "problem.connectors.versionNotFound", id, version));
    }

    /** The line diff of two versions' texts, as the solutions' version history shows it. */
    public List<LineDiff.Line> diff(String id, int from, int to) {
        return LineDiff.between(version(id, from).definition(), version(id, to).definition());
    }

    /** The current text, exactly as saved: what a file import here or elsewhere takes back. */
    public StoredConnectorView export(String id) {
        return get(id);
    }

    private SaveResult save(ConnectorDefinition definition, String text, String author, String note,
            ConnectorRegistry next, List<Breakage> breaks, boolean created) {
        Instant now = clock.instant();
        StoredConnector saved;
        try {
            saved = transactions.execute(status -> {
                StoredConnector row = created ? new StoredConnector(definition.id(), now, author)
                        : stored.findByConnectorId(definition.id()).orElseThrow(() -> changedMeanwhile(definition));
                row.apply(definition.extendsId(), DefinitionFormat.of(text), text,
                        created ? 1 : row.currentVersion() + 1, now, author);
                StoredConnector written = stored.saveAndFlush(row);
                versions.saveAndFlush(new StoredConnectorVersion(written, note));
                return written;
            });
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            // another node saved the same definition at the same moment: its save stands, this one is refused
            throw changedMeanwhile(definition);
        }
        // only after the commit: a save the database refused leaves the registry as it was
        registry.replaceStored(next.stored());
        LOG.info("stored connector definition '{}' version {} saved by {}{}", definition.id(),
                saved.currentVersion(), author, breaks.isEmpty() ? "" : ", breaking " + breaks.size()
                        + " solution(s) as accepted");
        events.publishEvent(new StoredConnectorsChanged(definition.id(), false));
        return new SaveResult(view(saved), created, breaks);
    }

    private static Problem changedMeanwhile(ConnectorDefinition definition) {
        return Problem.coded(Problem.Kind.CONFLICT, null, "problem.connectors.changedMeanwhile", definition.id());
    }

    /** The registry with {@code definition} stored in place of the definition with its id. */
    private ConnectorRegistry candidate(ConnectorDefinition definition) {
        List<ConnectorDefinition> next = new ArrayList<>(registry.stored().stream()
                .filter(d -> !d.id().equals(definition.id())).toList());
        next.add(definition);
        return withStored(next);
    }

    private ConnectorRegistry withStored(List<ConnectorDefinition> next) {
        try {
            return registry.withStored(next);
        } catch (DefinitionException e) {
            throw refusal(e);
        }
    }

    /**
     * Each solution that validates against the connectors in effect but not against {@code next}, with why; a
     * solution that was already refused for the same reason is not broken by the change.
     */
    private List<Breakage> breakages(ConnectorRegistry next) {
        Set<String> changed = new LinkedHashSet<>();
        for (ConnectorDefinition before : registry.definitions()) {
            if (!Optional.of(before).equals(next.find(before.id()))) {
                changed.add(before.id());
            }
        }
        List<Breakage> breaks = new ArrayList<>();
        for (SolutionView solution : solutions.list()) {
            SolutionSpec spec = solution.spec();
            if (!uses(spec, changed)) {
                continue;
            }
            try {
                validator.validate(spec, next);
            } catch (Problem after) {
                String before = null;
                try {
                    validator.validate(spec, registry);
                } catch (Problem already) {
                    before = already.getMessage();
                }
                if (!after.getMessage().equals(before)) {
                    breaks.add(new Breakage(solution.id(), solution.name(), after));
                }
            }
        }
        return breaks;
    }

    private static boolean uses(SolutionSpec spec, Set<String> connectorIds) {
        return spec.source() != null && connectorIds.contains(spec.source().connector())
                || spec.target() != null && connectorIds.contains(spec.target().connector());
    }

    /**
     * What uses a stored definition: solutions and connections of a standalone connector (in effect or not), solutions
     * that call one of an extension's operations (an extension not in effect has none in use).
     */
    private List<String> usersOf(StoredConnector row) {
        String id = row.connectorId();
        Optional<CatalogEntry> entry = registry.entry(id).filter(e -> e.origin() == DefinitionOrigin.STORED);
        boolean extension = row.extendsId() != null;
        if (extension && entry.isEmpty()) {
            return List.of();
        }
        String connectorId = extension ? row.extendsId() : id;
        Set<String> operations = extension ? new LinkedHashSet<>(entry.get().definition().operations().stream()
                .map(OperationDefinition::id).toList()) : null;
        List<String> users = new ArrayList<>();
        for (SolutionView solution : solutions.list()) {
            SolutionSpec spec = solution.spec();
            if (calls(spec.source() == null ? null : spec.source().connector(),
                    spec.source() == null ? null : spec.source().operation(), connectorId, operations)
                    || calls(spec.target() == null ? null : spec.target().connector(),
                            spec.target() == null ? null : spec.target().operation(), connectorId, operations)) {
                users.add("solution '" + solution.name() + "' (id " + solution.id() + ")");
            }
        }
        if (operations == null) {
            for (ConnectionView connection : connections.list()) {
                if (connectorId.equals(connection.connectorId())) {
                    users.add("connection '" + connection.name() + "' (id " + connection.id() + ")");
                }
            }
        }
        return users;
    }

    private static boolean calls(String connector, String operation, String connectorId, Set<String> operations) {
        return connectorId.equals(connector) && (operations == null || operations.contains(operation));
    }

    /** Built-in and plugin connectors are changed by upgrading them, not here: the refusal says to extend them. */
    private void refuseIfInstalled(String id) {
        registry.entry(id).filter(e -> e.origin() != DefinitionOrigin.STORED).ifPresent(e -> {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.connectors.installed", id);
        });
    }

    private StoredConnector find(String id) {
        return transactions.execute(status -> stored.findByConnectorId(id == null ? "" : id)).orElseThrow(() ->
                Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.connectors.notFound", id));
    }

    /** The stored definition to change or delete; a built-in or plugin connector gets a refusal saying to extend it. */
    private StoredConnector findToChange(String id) {
        return transactions.execute(status -> stored.findByConnectorId(id == null ? "" : id)).orElseThrow(() -> {
            refuseIfInstalled(id);
            return Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.connectors.notFound", id);
        });
    }

    /** Reads a definition's text: the size limit, then exactly the checks of a definition file at start. */
    private ConnectorDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, null, "problem.connectors.missing");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.definitionBytes().toBytes()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, null, "problem.connectors.tooLarge", bytes,
                    limits.definitionBytes().toBytes(), "yunqiao.limits.definition-bytes");
        }
        try {
            ConnectorDefinition definition = DefinitionReader.read(SOURCE_PREFIX + idIn(text), text);
            requireAuthCallsToTheBaseUrl(definition);
            return definition;
        } catch (DefinitionException e) {
            throw refusal(e);
        }
    }

    /**
     * A stored definition's login and token calls go to the connection's base URL, never to an absolute address:
     * secrets are bound to a connection's destination fields (changing the base URL asks for them again), and a
     * definition edited in the platform must not be a way around that, sending the client secret of every existing
     * connection elsewhere. Definitions installed on disk (built-ins, plugins) are the operator's and may name other
     * hosts.
     */
    static void requireAuthCallsToTheBaseUrl(ConnectorDefinition definition) {
        if (definition.auth() == null || !definition.auth().declarative()) {
            return;
        }
        var chain = definition.auth().chain();
        for (int i = 0; i < chain.size(); i++) {
            String at = chain.size() == 1 ? "$.auth" : "$.auth[" + i + "]";
            JsonNode scheme = chain.get(i);
            absoluteRefused(definition, at + ".tokenUrl", scheme.path("tokenUrl"));
            JsonNode steps = scheme.path("steps");
            for (int step = 0; step < steps.size(); step++) {
                absoluteRefused(definition, at + ".steps[" + step + "].path", steps.get(step).path("path"));
            }
        }
    }

    private static void absoluteRefused(ConnectorDefinition definition, String at, JsonNode url) {
        String text = url.asText("").trim().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("http:") || text.startsWith("https:") || text.startsWith("//")) {
            throw new DefinitionException("problem.connectors.absoluteAuthUrl", definition.source(), at,
                    url.asText());
        }
    }

    /** The id the text declares, for messages about it; a placeholder when it has none yet. */
    private static String idIn(String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            String id = tree == null ? null : tree.path("id").asText(null);
            return id != null && ID.matcher(id).matches() ? id : "(new)";
        } catch (IOException e) {
            Matcher line = ID_LINE.matcher(text);
            return line.find() ? line.group(1) : "(new)";
        }
    }

    /** A refused definition as the REST API and the screens show refusals: 409 for an id taken, else 400. */
    static Problem refusal(DefinitionException e) {
        if (e.code() == null) {
            return Problem.coded(Problem.Kind.INVALID, null, "problem.connectors.invalid", e.getMessage());
        }
        Problem.Kind kind = "problem.connectors.duplicateId".equals(e.code())
                || "problem.connectors.operationTaken".equals(e.code()) ? Problem.Kind.CONFLICT
                        : Problem.Kind.INVALID;
        return Problem.coded(kind, DefinitionReader.pathOf(e), e.code(), e.params());
    }

    private StoredConnectorView view(StoredConnector row) {
        boolean active = registry.entry(row.connectorId()).filter(e -> e.origin() == DefinitionOrigin.STORED)
                .isPresent();
        return new StoredConnectorView(row.connectorId(), row.extendsId(), row.format(), row.currentVersion(),
                row.definition(), active, row.createdAt(), row.createdBy(), row.updatedAt(), row.updatedBy());
    }
}
