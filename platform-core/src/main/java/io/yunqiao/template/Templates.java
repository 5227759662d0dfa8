package io.yunqiao.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.Plugins;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionValidator;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.valuemap.ValueMapTables;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template gallery's store (模板): the templates every installed connector plugin ships (built in, read at start,
 * read-only) and the ones made here — published from a solution or imported from a template file — stored with
 * every version. Copying one (一键复制) creates a disabled solution bound to the chosen connections, validated like
 * any other save, with the value-map tables the template ships that do not exist yet, and remembers which template
 * version the solution came from.
 */
@Service
public class Templates {

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");

    /** The most value-map tables one template may ship. */
    static final int MAX_VALUE_MAPS = TemplateValueMaps.MAX_TABLES;

    private final Map<String, SolutionTemplate> builtIn = new LinkedHashMap<>();
    private final Solutions solutions;
    private final ValueMapTables valueMaps;
    private final ConnectorRegistry registry;
    private final SolutionValidator validator;
    private final StoredTemplateRepository stored;
    private final StoredTemplateVersionRepository versions;
    private final TemplateCopyMarkRepository copies;
    private final Clock clock;

    Templates(Solutions solutions, Plugins plugins, ValueMapTables valueMaps, ConnectorRegistry registry,
            SolutionValidator validator, StoredTemplateRepository stored, StoredTemplateVersionRepository versions,
            TemplateCopyMarkRepository copies, Clock clock) {
        this.solutions = solutions;
        this.valueMaps = valueMaps;
        this.registry = registry;
        this.validator = validator;
        this.stored = stored;
        this.versions = versions;
        this.copies = copies;
        this.clock = clock;
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class,
                Templates.class.getClassLoader())) {
            for (String resource : provider.templates()) {
                SolutionTemplate template = read(provider.getClass().getClassLoader(), resource);
                if (builtIn.putIfAbsent(template.id(), template) != null) {
                    throw new DefinitionException("solution template id '" + template.id() + "' is shipped twice");
                }
            }
        }
        // A plugin's bad template must not stop the platform: it is left out and logged, like a bad plugin jar.
        for (ConnectorProvider provider : plugins.providers()) {
            for (String resource : provider.templates()) {
                try {
                    SolutionTemplate template = read(provider.getClass().getClassLoader(), resource);
                    if (builtIn.putIfAbsent(template.id(), template) != null) {
                        LOG.warn("plugin template {} of {} left out: its id '{}' is already taken", resource,
                                provider.getClass().getName(), template.id());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("plugin template {} of {} left out: {}", resource, provider.getClass().getName(),
                            e.getMessage());
                }
            }
        }
    }

    /** Every template: the built-in ones in the order their plugins ship them, then the stored ones by title. */
    @Transactional(readOnly = true)
    public List<SolutionTemplate> list() {
        List<SolutionTemplate> all = new ArrayList<>(builtIn.values());
        stored.findAll().stream()
                .map(t -> current(t))
                .sorted(Comparator.comparing((SolutionTemplate t) -> t.title().zh()).thenComparing(
                        SolutionTemplate::id))
                .forEach(all::add);
        return all;
    }

    /** The current version of a template. */
    @Transactional(readOnly = true)
    public SolutionTemplate get(String id) {
        SolutionTemplate template = builtIn.get(id);
        if (template != null) {
            return template;
        }
        return stored.findById(id == null ? "" : id).map(this::current).orElseThrow(() -> notFound(id));
    }

    /** One version of a template; a built-in template has only the one its plugin ships. */
    @Transactional(readOnly = true)
    public SolutionTemplate get(String id, int version) {
        SolutionTemplate template = builtIn.get(id);
        if (template != null) {
            if (template.version() != version) {
                throw versionNotFound(id, version);
            }
            return template;
        }
        get(id);
        return versions.findByTemplateIdAndVersion(id, version).map(StoredTemplateVersion::template)
                .orElseThrow(() -> versionNotFound(id, version));
    }

    /** The versions of a template, newest first, with how many solutions were copied from each. */
    @Transactional(readOnly = true)
    public List<TemplateVersionView> versions(String id) {
        SolutionTemplate current = get(id);
        Map<Integer, TemplateUse> counts = usesByVersion().getOrDefault(id, Map.of());
        if (current.builtIn()) {
            TemplateUse use = counts.getOrDefault(current.version(), TemplateUse.NONE);
            return List.of(new TemplateVersionView(current.version(), TemplateOrigin.BUILT_IN, null, null, "",
                    use.copies(), use.inUse()));
        }
        return versions.findByTemplateIdOrderByVersionDesc(id).stream().map(v -> {
            SolutionTemplate t = v.template();
            TemplateUse use = counts.getOrDefault(v.version(), TemplateUse.NONE);
            return new TemplateVersionView(t.version(), t.origin(), t.published().by(), t.published().at(),
                    t.published().note(), use.copies(), use.inUse());
        }).toList();
    }

    /** How much each template is used, by id (templates nobody copied are absent). */
    @Transactional(readOnly = true)
    public Map<String, TemplateUse> uses() {
        Map<String, TemplateUse> uses = new HashMap<>();
        usesByVersion().forEach((id, byVersion) -> byVersion.values().forEach(use -> uses.merge(id, use,
                (a, b) -> new TemplateUse(a.copies() + b.copies(), a.inUse() + b.inUse()))));
        return uses;
    }

    /** Template id → version → how many solutions were copied from it and still exist. */
    private Map<String, Map<Integer, TemplateUse>> usesByVersion() {
        Map<String, Map<Integer, TemplateUse>> uses = new HashMap<>();
        for (Object[] row : copies.counts()) {
            uses.computeIfAbsent((String) row[0], id -> new HashMap<>()).put(((Number) row[1]).intValue(),
                    new TemplateUse(((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        return uses;
    }

    /** The lines that differ between two versions of a stored template, with a little context. */
    @Transactional(readOnly = true)
    public List<LineDiff.Line> diff(String id, int from, int to) {
        return LineDiff.around(LineDiff.between(TemplateFile.content(get(id, from)),
                TemplateFile.content(get(id, to))), 3);
    }

    /**
     * Whether this installation can run a template: its connectors and operations are installed, and the value maps
     * it references (but does not ship) exist.
     */
    @Transactional(readOnly = true)
    public TemplateFit fit(SolutionTemplate template) {
        List<StoredMessage> missing = new ArrayList<>();
        ends(template.solution()).forEach(end -> operation(missing, end.get(0), end.get(1)));
        if (!template.referencedValueMaps().isEmpty()) {
            // the gallery asks this of every template: the tables are read only for one that references some
            List<String> tables = valueMaps.names();
            template.referencedValueMaps().stream().filter(t -> !tables.contains(t))
                    .forEach(t -> missing.add(StoredMessage.of("template.fit.valueMapMissing", t)));
        }
        return new TemplateFit(missing.stream().distinct().toList());
    }

    /** Every (connector, operation) a spec calls: source, target, detail lookups, the update of "already exists". */
    private static List<List<String>> ends(SolutionSpec spec) {
        List<List<String>> ends = new ArrayList<>();
        ends.add(List.of(spec.source().connector(), spec.source().operation()));
        ends.add(List.of(spec.target().connector(), spec.target().operation()));
        // a lookup without a connector calls the source's
        spec.details().forEach(d -> ends.add(List.of(d.connector() == null ? spec.source().connector()
                : d.connector(), d.operation())));
        if (spec.existing().operation() != null) {
            ends.add(List.of(spec.target().connector(), spec.existing().operation()));
        }
        return ends;
    }

    private void operation(List<StoredMessage> missing, String connectorId, String operationId) {
        Optional<ConnectorDefinition> connector = registry.find(connectorId);
        if (connector.isEmpty()) {
            missing.add(StoredMessage.of("template.fit.connectorMissing", connectorId));
        } else if (connector.get().operation(operationId).isEmpty()) {
            missing.add(StoredMessage.of("template.fit.operationMissing", connector.get().name().zh(),
                    operationId));
        }
    }

    /**
     * What the publish form proposes for a solution: its name as the title, its description, tags naming the two
     * systems and their business objects, and every value map it reads copied along.
     */
    @Transactional(readOnly = true)
    public TemplatePublication proposal(long solutionId) {
        SolutionSpec spec = solutions.current(solutionId).spec();
        List<String> tags = new ArrayList<>();
        for (var end : List.of(List.of(spec.source().connector(), spec.source().operation()),
                List.of(spec.target().connector(), spec.target().operation()))) {
            registry.find(end.get(0)).ifPresent(c -> {
                tags.add(clip(c.name().zh()));
                c.operation(end.get(1)).ifPresent(o -> tags.add(clip(o.title().zh())));
            });
        }
        String description = spec.description() == null ? "" : spec.description();
        return new TemplatePublication("", new LocalizedText(clip(spec.name(), 100), null),
                new LocalizedText(clip(description, 1000), null), "", tags.stream().distinct().limit(10).toList(),
                List.of(), ValueMapTables.tablesIn(spec), "");
    }

    private static String clip(String text) {
        return clip(text, 20);
    }

    private static String clip(String text, int most) {
        return text.length() > most ? text.substring(0, most) : text;
    }

    /**
     * 发布为模板: a new template from a solution's current version. Its connections, alert recipients and secrets
     * are left out; its schedule is kept as a suggestion, switched off.
     *
     * @throws Problem when the id is taken, the solution does not validate against its target (the validation's
     *                 own refusal), or the texts, tags or inputs break the template file's rules
     */
    @Transactional
    public SolutionTemplate publish(long solutionId, TemplatePublication publication, String by) {
        String id = publication.id() == null || publication.id().isBlank()
                ? freeId(publication.title(), solutionId) : publication.id().strip();
        checkId(id);
        if (builtIn.containsKey(id) || stored.existsById(id)) {
            throw Problem.coded(Problem.Kind.CONFLICT, "id", "problem.template.idTaken", id);
        }
        SolutionTemplate template = fromSolution(id, solutionId, publication, TemplateOrigin.PUBLISHED, by);
        StoredTemplate created = new StoredTemplate(id, clock.instant(), by);
        return store(created, template, publication.note());
    }

    /**
     * A new version of a template made here, from a solution (the one it was published from or another).
     *
     * @throws Problem when the template is built in, the note is missing, or nothing changed
     */
    @Transactional
    public SolutionTemplate republish(String id, long solutionId, TemplatePublication publication, String by) {
        StoredTemplate template = storedOrRefused(id);
        if (publication.note().isEmpty()) {
            throw Problem.coded(Problem.Kind.INVALID, "note", "problem.template.noteRequired");
        }
        SolutionTemplate next = fromSolution(id, solutionId, publication, TemplateOrigin.PUBLISHED, by);
        if (TemplateFile.content(next).equals(TemplateFile.content(current(template)))) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.template.unchanged", id,
                    template.currentVersion());
        }
        return store(template, next, publication.note());
    }

    private SolutionTemplate fromSolution(String id, long solutionId, TemplatePublication publication,
            TemplateOrigin origin, String by) {
        SolutionSpec spec = solutions.current(solutionId).spec();
        List<SolutionSpec.Detail> details = spec.details().stream().map(d -> d.withConnection(null)).toList();
        spec = spec.withConnections(null, null).withDetails(details).withAlerts(SolutionSpec.Alerts.OFF)
                .withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        // the same check a copy's save makes, so that what is published copies: a mapping that no longer fits its
        // target (a changed definition) is refused here with the validator's own words
        validator.validate(spec);
        List<TemplateInput> inputs = inputs(spec, publication.inputs());
        List<String> reads = ValueMapTables.tablesIn(spec);
        List<String> copied = publication.copiedValueMaps() == null ? reads : publication.copiedValueMaps();
        Map<String, Map<String, String>> shipped = new LinkedHashMap<>();
        List<String> referenced = new ArrayList<>();
        List<String> existing = valueMaps.names();
        for (String table : reads) {
            if (copied.contains(table) && existing.contains(table)) {
                shipped.put(table, valueMaps.get(table));
            } else {
                referenced.add(table);
            }
        }
        SolutionTemplate template = new SolutionTemplate(id, 1, trimmed(publication.title()),
                publication.description() == null ? new LocalizedText("", null) : trimmed(publication.description()),
                publication.category(), publication.tags(), inputs, spec, shipped, referenced, origin, "database",
                new SolutionTemplate.Publication(by, clock.instant(), publication.note()));
        if (template.title().zh().isBlank()) {
            throw Problem.coded(Problem.Kind.INVALID, "title.zh", "problem.template.titleRequired");
        }
        TemplateFile.check(template, validator.limits());
        return template;
    }

    private static LocalizedText trimmed(LocalizedText text) {
        return text == null ? new LocalizedText("", null)
                : new LocalizedText(text.zh() == null ? "" : text.zh().strip(),
                        text.en() == null ? null : text.en().strip());
    }

    /**
     * The inputs as the template keeps them: each names a parameter the source operation declares (or the window's
     * start), has a Chinese label, and a default: the one given, else the solution's own value.
     */
    private List<TemplateInput> inputs(SolutionSpec spec, List<TemplateInput> given) {
        List<TemplateInput> inputs = new ArrayList<>();
        OperationDefinition source = registry.operation(spec.source().connector(), spec.source().operation());
        for (int i = 0; i < given.size(); i++) {
            TemplateInput input = given.get(i);
            String place = "inputs[" + i + "]";
            String key = input.key() == null ? "" : input.key().strip();
            if (key.startsWith(TemplateInput.SOURCE_PARAM)) {
                String param = key.substring(TemplateInput.SOURCE_PARAM.length());
                if (source.param(param).isEmpty()) {
                    throw Problem.coded(Problem.Kind.INVALID, place + ".key", "problem.template.inputUnknownParam",
                            param, source.id(), String.join(", ",
                                    source.params().stream().map(p -> p.name()).toList()));
                }
            } else if (!key.equals(TemplateInput.WINDOW_START)) {
                throw Problem.coded(Problem.Kind.INVALID, place + ".key", "problem.template.inputKey", key);
            }
            if (inputs.stream().anyMatch(other -> other.key().equals(key))) {
                throw Problem.coded(Problem.Kind.INVALID, place + ".key", "problem.template.inputTwice", key);
            }
            if (input.label() == null || input.label().zh() == null || input.label().zh().isBlank()) {
                throw Problem.coded(Problem.Kind.INVALID, place + ".label", "problem.template.inputLabel", key);
            }
            JsonNode defaultValue = blank(input.defaultValue()) ? valueAt(spec, key) : input.defaultValue();
            inputs.add(new TemplateInput(key, trimmed(input.label()), defaultValue, input.required()));
        }
        return inputs;
    }

    private SolutionTemplate store(StoredTemplate template, SolutionTemplate content, String note) {
        Instant now = clock.instant();
        int version = template.advance(now);
        String by = content.published() == null ? null : content.published().by();
        StoredTemplate saved;
        try {
            // flushed here, so that a clash with another publisher is answered now rather than as a failed commit
            saved = stored.saveAndFlush(template);
            versions.saveAndFlush(new StoredTemplateVersion(saved.templateId(), version,
                    TemplateFile.content(content), content.origin(), note, now, by));
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            // someone published or imported the same template at the same moment: theirs stands
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.template.changedMeanwhile",
                    template.templateId());
        }
        LOG.info("template {} version {} stored ({})", saved.templateId(), version, content.origin());
        return content.as(version, content.origin(), "database", new SolutionTemplate.Publication(by, now, note));
    }

    /** The template file of one version (the current one when {@code version} is null). */
    @Transactional(readOnly = true)
    public String export(String id, Integer version) {
        return TemplateFile.write(version == null ? get(id) : get(id, version));
    }

    /**
     * Imports a template file. A file whose id this installation already uses is refused unless it is exactly a
     * version already here (then nothing is stored), or {@code asNewVersion} asks for a new version of that
     * template (never of a built-in one), or {@code newId} gives it another id.
     *
     * @throws Problem naming the place in the file and the fix; nothing is stored
     */
    @Transactional
    public TemplateImport importFile(String text, String newId, boolean asNewVersion, String by) {
        SolutionTemplate file = TemplateFile.read(text, validator.limits());
        if (newId != null && !newId.isBlank()) {
            checkId(newId.strip());
            file = file.withId(newId.strip());
        }
        String id = file.id();
        refuseMissingParts(file);
        validator.validate(file.solution().withConnections(null, null));
        if (builtIn.containsKey(id)) {
            throw Problem.coded(Problem.Kind.CONFLICT, "id", "problem.template.idBuiltIn", id,
                    builtIn.get(id).title().zh());
        }
        String note = file.published() == null ? "" : file.published().note();
        SolutionTemplate.Publication publication = new SolutionTemplate.Publication(by, clock.instant(), note);
        SolutionTemplate imported = file.as(file.version(), TemplateOrigin.IMPORTED, "database", publication);
        Optional<StoredTemplate> existing = stored.findById(id);
        if (existing.isEmpty()) {
            StoredTemplate created = new StoredTemplate(id, clock.instant(), by);
            // the author's numbering is kept, so "a newer version exists" means the same on both installations
            for (int v = 1; v < file.version(); v++) {
                created.advance(clock.instant());
            }
            return new TemplateImport(store(created, imported, note), TemplateImport.Outcome.CREATED);
        }
        String content = TemplateFile.content(imported);
        for (StoredTemplateVersion version : versions.findByTemplateIdOrderByVersionDesc(id)) {
            if (version.content().equals(content)) {
                return new TemplateImport(version.template(), TemplateImport.Outcome.ALREADY_PRESENT);
            }
        }
        StoredTemplate template = existing.get();
        if (!asNewVersion) {
            throw Problem.coded(Problem.Kind.CONFLICT, "id", "problem.template.idExists", id,
                    current(template).title().zh(), template.currentVersion());
        }
        return new TemplateImport(store(template, imported, note), TemplateImport.Outcome.NEW_VERSION);
    }

    /**
     * An import needs every connector and operation the template names: says which are missing (value maps it only
     * references may be created later, so the gallery shows those).
     */
    private void refuseMissingParts(SolutionTemplate file) {
        List<String> connectors = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (List<String> end : ends(file.solution())) {
            Optional<ConnectorDefinition> connector = registry.find(end.get(0));
            if (connector.isEmpty()) {
                if (!connectors.contains(end.get(0))) {
                    connectors.add(end.get(0));
                }
            } else if (connector.get().operation(end.get(1)).isEmpty()) {
                operations.add(end.get(0) + " / " + end.get(1));
            }
        }
        if (!connectors.isEmpty() || !operations.isEmpty()) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.template.importMissing", file.id(),
                    connectors.isEmpty() ? "-" : String.join(", ", connectors),
                    operations.isEmpty() ? "-" : String.join(", ", operations));
        }
    }

    /**
     * Deletes a template made here with all its versions; the solutions copied from it keep working, no longer
     * showing where they came from.
     */
    @Transactional
    public void delete(String id) {
        StoredTemplate template = storedOrRefused(id);
        // the copies' marks go too: a template published later under the same id is another template, and its
        // history must not count (or offer "newer versions" to) solutions copied from this one
        copies.deleteAll(copies.findByTemplateId(id));
        versions.deleteByTemplateId(id);
        stored.delete(template);
        LOG.info("template {} deleted", id);
    }

    /**
     * 一键复制: a new disabled solution from a template, with alerts off.
     *
     * @param name             the new solution's name; the template's title when blank
     * @param sourceConnection the connection for the source side, or {@code null} to choose later
     * @param targetConnection the connection for the target side, or {@code null} to choose later
     */
    @Transactional
    public SolutionView copy(String id, String name, Long sourceConnection, Long targetConnection) {
        return copyTemplate(id, name, sourceConnection, targetConnection).solution();
    }

    /** The name a copy proposes: {@code wanted}, or with " (2)", " (3)", ... when a solution already has it. */
    public String freeName(String wanted) {
        return solutions.freeName(wanted);
    }

    /**
     * 一键复制 of the current version, without inputs (each takes its default).
     *
     * @see #copy(String, Integer, TemplateCopyRequest, String)
     */
    @Transactional
    public TemplateCopy copyTemplate(String id, String name, Long sourceConnection, Long targetConnection) {
        return copy(id, null, new TemplateCopyRequest(name, sourceConnection, targetConnection, Map.of()), null);
    }

    /**
     * 一键复制 with what became of the template's value-map tables: each one that does not exist is created with the
     * template's entries; an existing one is never changed (a tenant may have edited it), and is reported as kept
     * when its entries differ. The solution and the tables are made in one transaction: a refused copy leaves no
     * table behind.
     *
     * @param version the template version to copy; {@code null} = the current one
     * @throws Problem when this installation cannot run the template (what is missing), a required input has no
     *                 value, or the new solution's save is refused
     */
    @Transactional
    public TemplateCopy copy(String id, Integer version, TemplateCopyRequest request, String by) {
        SolutionTemplate template = version == null ? get(id) : get(id, version);
        TemplateFit fit = fit(template);
        if (!fit.runnable()) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.template.cannotRun", id,
                    fit.missing().get(0).store(), fit.missing().size());
        }
        String name = request.name();
        SolutionSpec spec = withInputs(template, request.inputs())
                .withName(name == null || name.isBlank() ? template.title().zh() : name.strip())
                .withConnections(request.sourceConnection(), request.targetConnection());
        spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        // whom to alert is the copier's choice, never the template author's
        spec = spec.withAlerts(SolutionSpec.Alerts.OFF);
        SolutionView created = solutions.create(spec,
                StoredMessage.of("version.note.fromTemplateVersion", id, template.version()).store());
        copies.save(new TemplateCopyMark(created.id(), id, template.version(), clock.instant(), by));
        List<String> made = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> existing = valueMaps.names();
        template.valueMaps().forEach((table, entries) -> {
            if (!existing.contains(table)) {
                // the table's description is data a person may edit, like a solution's: the template's title
                valueMaps.create(table, template.title().zh());
                if (!entries.isEmpty()) {
                    valueMaps.edit(table, entries, List.of());
                }
                made.add(table);
            } else if (!valueMaps.get(table).equals(entries)) {
                kept.add(table);
            }
        });
        LOG.info("template {} version {} copied as solution {}: value maps created {}, kept as they were {}", id,
                template.version(), created.id(), made, kept);
        return new TemplateCopy(created, made, kept);
    }

    /** The template's spec with the values a copy was given (or the inputs' defaults) put in place. */
    private static SolutionSpec withInputs(SolutionTemplate template, Map<String, JsonNode> given) {
        for (String key : given.keySet()) {
            if (template.inputs().stream().noneMatch(i -> i.key().equals(key))) {
                throw Problem.coded(Problem.Kind.INVALID, "inputs." + key, "problem.template.inputNotAsked", key,
                        String.join(", ", template.inputs().stream().map(TemplateInput::key).toList()));
            }
        }
        SolutionSpec spec = template.solution();
        Map<String, JsonNode> params = new TreeMap<>(spec.source().params());
        for (TemplateInput input : template.inputs()) {
            JsonNode value = given.get(input.key());
            if (blank(value)) {
                value = input.defaultValue();
            }
            boolean empty = blank(value);
            if (empty && input.required()) {
                throw Problem.coded(Problem.Kind.INVALID, "inputs." + input.key(), "problem.template.inputRequired",
                        input.label().zh(), input.label().en(), input.key());
            }
            if (input.key().equals(TemplateInput.WINDOW_START)) {
                if (!empty) {
                    spec = spec.withWindow(new SolutionSpec.Window(value.asText().strip(),
                            spec.window().overlapSeconds(), spec.window().maxWindowHours()));
                }
            } else if (empty) {
                params.remove(input.sourceParam());
            } else {
                params.put(input.sourceParam(), value);
            }
        }
        return spec.withSource(spec.source().withParams(params));
    }

    /** No value: absent, JSON null or blank text, as an input left empty. */
    private static boolean blank(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }

    /** What a spec holds where an input's value goes: a source parameter, or the window's start. */
    private static JsonNode valueAt(SolutionSpec spec, String key) {
        if (key.equals(TemplateInput.WINDOW_START)) {
            return spec.window().start() == null ? null : TextNode.valueOf(spec.window().start());
        }
        return spec.source().params().get(key.substring(TemplateInput.SOURCE_PARAM.length()));
    }

    /** The template a solution was copied from, if it was; with its latest version when it still exists. */
    @Transactional(readOnly = true)
    public Optional<SolutionOrigin> originOf(long solutionId) {
        return copies.findById(solutionId).map(mark -> {
            SolutionTemplate template = builtIn.get(mark.templateId());
            if (template == null) {
                template = stored.findById(mark.templateId()).map(this::current).orElse(null);
            }
            return new SolutionOrigin(mark.templateId(), mark.templateVersion(),
                    template == null ? null : template.title(), template == null ? 0 : template.version());
        });
    }

    /**
     * What adopting the template's latest version would make of a solution: the template's spec with the solution's
     * own name, connections, schedule, alerts and input values kept.
     */
    @Transactional(readOnly = true)
    public SolutionSpec adoption(long solutionId) {
        SolutionOrigin origin = originOf(solutionId).filter(SolutionOrigin::exists).orElseThrow(
                () -> Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.template.noOrigin",
                        String.valueOf(solutionId)));
        SolutionTemplate latest = get(origin.templateId());
        SolutionSpec mine = solutions.current(solutionId).spec();
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (TemplateInput input : latest.inputs()) {
            JsonNode value = valueAt(mine, input.key());
            if (value != null) {
                kept.put(input.key(), value);
            }
        }
        SolutionSpec next = withInputs(latest, kept).withName(mine.name()).withDescription(mine.description())
                .withConnections(mine.source().connection(), mine.target().connection())
                .withSchedule(mine.schedule()).withAlerts(mine.alerts()).withRetention(mine.retention());
        List<SolutionSpec.Detail> details = new ArrayList<>();
        for (SolutionSpec.Detail detail : next.details()) {
            // a lookup keeps the connection the solution chose for the lookup of the same name and operation
            Long connection = mine.details().stream()
                    .filter(d -> d.name().equals(detail.name()) && d.operation().equals(detail.operation()))
                    .map(SolutionSpec.Detail::connection).findFirst().orElse(null);
            details.add(detail.withConnection(connection));
        }
        return next.withDetails(details);
    }

    /** The lines a solution's spec would change by adopting its template's latest version. */
    @Transactional(readOnly = true)
    public List<LineDiff.Line> adoptionDiff(long solutionId) {
        return LineDiff.around(LineDiff.between(Solutions.SPEC_JSON.valueToTree(
                solutions.current(solutionId).spec()).toPrettyString(),
                Solutions.SPEC_JSON.valueToTree(adoption(solutionId)).toPrettyString()), 3);
    }

    /** 采用新版本: saves {@link #adoption} as the solution's next version and follows the template's latest version. */
    @Transactional
    public SolutionView adopt(long solutionId) {
        SolutionSpec next = adoption(solutionId);
        SolutionOrigin origin = originOf(solutionId).orElseThrow();
        SolutionView saved = solutions.update(solutionId, next,
                StoredMessage.of("version.note.adoptedTemplate", origin.templateId(), origin.latestVersion()).store());
        copies.findById(solutionId).ifPresent(mark -> {
            mark.follow(origin.latestVersion());
            copies.save(mark);
        });
        return saved;
    }

    private SolutionTemplate current(StoredTemplate template) {
        return versions.findByTemplateIdAndVersion(template.templateId(), template.currentVersion())
                .map(StoredTemplateVersion::template).orElseThrow();
    }

    private StoredTemplate storedOrRefused(String id) {
        if (builtIn.containsKey(id)) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.template.builtInReadOnly", id);
        }
        return stored.findById(id == null ? "" : id).orElseThrow(() -> notFound(id));
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw Problem.coded(Problem.Kind.INVALID, "id", "problem.template.idInvalid", id);
        }
    }

    /** An id from the English title's words, else from the solution: what a person would have typed. */
    private String freeId(LocalizedText title, long solutionId) {
        String words = title == null || title.en() == null ? "" : title.en().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String base = words.length() >= 2 && !title.en().equals(title.zh()) ? clip(words, 60).replaceAll("-+$", "")
                : "solution-" + solutionId;
        String id = base;
        for (int n = 2; builtIn.containsKey(id) || stored.existsById(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Problem notFound(String id) {
        List<String> ids = new ArrayList<>(builtIn.keySet());
        stored.findAll().forEach(t -> ids.add(t.templateId()));
        return Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.solution.templateNotFound", id,
                String.join(", ", ids));
    }

    private static Problem versionNotFound(String id, int version) {
        return Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.template.versionNotFound", id, version);
    }

    /** A built-in template file from a connector jar, read with the template file's rules. */
    public static SolutionTemplate read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException("solution template '" + resource + "' is named by a connector plugin but"
                        + " missing from its jar");
            }
            JsonNode tree = Solutions.SPEC_JSON.readTree(in);
            for (String required : List.of("id", "title", "description", "solution")) {
                if (!tree.hasNonNull(required)) {
                    throw new DefinitionException("solution template '" + resource + "' has no '" + required + "'");
                }
            }
            return TemplateFile.readBuiltIn(tree, resource);
        } catch (Problem e) {
            throw new DefinitionException("solution template '" + resource + "': " + e.message(Locale.ENGLISH), e);
        } catch (IOException e) {
            throw new DefinitionException("solution template '" + resource + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
