package io.yunqiao.solution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yunqiao.connection.ConnectionUse;
import io.yunqiao.connection.Connections;
import io.yunqiao.limit.JsonRefusals;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.secret.SecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration solutions (集成方案): every save is validated ({@link SolutionValidator}) and adds an immutable
 * version; export and import carry the spec as JSON without secrets.
 */
@Service
public class Solutions implements ConnectionUse {

    /** Writes specs with a fixed key order, so exports and version diffs read well. */
    public static final ObjectMapper SPEC_JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SolutionRepository solutions;
    private final SolutionVersionRepository versions;
    private final SolutionValidator validator;
    private final Connections connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecretBox secrets;

    Solutions(SolutionRepository solutions, SolutionVersionRepository versions, SolutionValidator validator,
            Connections connections, ApplicationEventPublisher events, Clock clock, SecretBox secrets) {
        this.solutions = solutions;
        this.versions = versions;
        this.validator = validator;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Transactional(readOnly = true)
    public List<SolutionView> list() {
        return solutions.findAll().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public SolutionView get(long id) {
        return view(find(id));
    }

    @Transactional
    public SolutionView create(SolutionSpec spec, String comment) {
        validator.validate(spec);
        validator.checkComment(comment);
        checkNameFree(spec.name(), null);
        return save(new Solution(clock.instant()), spec, 1, comment == null ? "created" : comment);
    }

    @Transactional
    public SolutionView update(long id, SolutionSpec spec, String comment) {
        Solution solution = find(id);
        validator.validate(spec);
        validator.checkComment(comment);
        checkNameFree(spec.name(), id);
        return save(solution, spec, solution.getCurrentVersion() + 1, comment);
    }

    /**
     * The checks a save of this spec runs, without saving: a screen asks for the version comment only once they pass.
     * {@code id} is the solution being edited, null for a new one (its name must then be free of every other).
     */
    @Transactional(readOnly = true)
    public void check(Long id, SolutionSpec spec) {
        validator.validate(spec);
        checkNameFree(spec.name(), id);
    }

    /**
     * {@code wanted} if no solution has that name, else the first free "wanted (2)", "wanted (3)", ... (shortened to
     * fit the name limit): what a copy proposes so that its first save is not refused for the name.
     */
    @Transactional(readOnly = true)
    public String freeName(String wanted) {
        if (solutions.findByName(wanted).isEmpty()) {
            return wanted;
        }
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            int room = validator.limits().nameLength() - suffix.length();
            String name = (wanted.length() > room && room > 0 ? wanted.substring(0, room) : wanted) + suffix;
            if (solutions.findByName(name).isEmpty()) {
                return name;
            }
        }
    }

    /** Enables or disables the schedule; saved as a new version so the history shows who changed what. */
    @Transactional
    public SolutionView setEnabled(long id, boolean enabled) {
        SolutionSpec spec = current(id).spec();
        SolutionSpec changed = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), enabled));
        return update(id, changed, enabled ? "enabled" : "disabled");
    }

    /** Makes an earlier version current again, as a new version. */
    @Transactional
    public SolutionView restore(long id, int version) {
        return update(id, version(id, version), StoredMessage.of("version.note.restored", version).store());
    }

    @Transactional
    public void delete(long id) {
        Solution solution = find(id);
        if (solution.getRunningRunId() != null) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.solution.running", solution.getName(),
                    String.valueOf(solution.getRunningRunId()));
        }
        events.publishEvent(new SolutionDeleted(id));
        versions.deleteAll(versions.findBySolutionIdOrderByVersionDesc(id));
        solutions.delete(solution);
    }

    @Transactional(readOnly = true)
    public VersionedSpec current(long id) {
        Solution solution = find(id);
        return new VersionedSpec(solution.getCurrentVersion(), version(id, solution.getCurrentVersion()));
    }

    @Transactional(readOnly = true)
    public SolutionSpec version(long id, int version) {
        return versions.findBySolutionIdAndVersion(id, version).map(v -> unsealed(read(v.getSpec())))
                .orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.solution.versionNotFound",
                        String.valueOf(version), String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public List<SolutionVersion> versions(long id) {
        find(id);
        return versions.findBySolutionIdOrderByVersionDesc(id);
    }

    /**
     * The current spec as JSON, ready to import elsewhere: connection ids and names, never secrets. Alerts are
     * carried without the webhook's signing secret, which is entered again after an import.
     */
    @Transactional(readOnly = true)
    public String export(long id) {
        SolutionSpec spec = current(id).spec();
        return write(spec.withAlerts(spec.alerts().withoutSecret()));
    }

    /**
     * Creates a solution from exported JSON. Connections that do not exist here are dropped and the solution is
     * imported disabled, to be bound to connections before it runs.
     */
    @Transactional
    public SolutionView importJson(String json) {
        if (json == null || json.isBlank()) {
            throw JsonRefusals.missingBody();
        }
        long bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > validator.limits().importFile().toBytes()) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, null, "problem.limit.importTooLarge", bytes,
                    validator.limits().importFile().toBytes(), "yunqiao.limits.import-file");
        }
        SolutionSpec spec = read(json);
        Long source = existing(spec.source() == null ? null : spec.source().connection());
        Long target = existing(spec.target() == null ? null : spec.target().connection());
        if (spec.source() != null && spec.target() != null) {
            spec = spec.withConnections(source, target);
        }
        if (source == null || target == null) {
            spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        }
        if (spec.name() != null && solutions.findByName(spec.name()).isPresent()) {
            String suffix = " (imported " + clock.instant() + ")";
            int room = validator.limits().nameLength() - suffix.length();
            String name = spec.name().length() > room && room > 0 ? spec.name().substring(0, room) : spec.name();
            spec = spec.withName(name + suffix);
        }
        return create(spec, StoredMessage.of("version.note.imported").store());
    }

    private Long existing(Long connectionId) {
        return connectionId != null && connections.exists(connectionId) ? connectionId : null;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> usersOf(long connectionId) {
        return solutions.findBySourceConnectionIdOrTargetConnectionId(connectionId, connectionId).stream()
                .map(s -> "“" + s.getName() + "” (" + s.getId() + ")").toList();
    }

    private SolutionView save(Solution changed, SolutionSpec spec, int version, String comment) {
        changed.apply(spec, version, clock.instant());
        Solution solution = solutions.save(changed);
        versions.save(new SolutionVersion(solution.getId(), version, write(sealed(spec)), comment, clock.instant()));
        events.publishEvent(new SolutionSaved(solution.getId(), solution.isEnabled(), solution.getCron()));
        return new SolutionView(solution.getId(), solution.getName(), solution.isEnabled(), solution.getCron(), version,
                spec, solution.getCreatedAt(), solution.getUpdatedAt());
    }

    private void checkNameFree(String name, Long self) {
        solutions.findByName(name).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.solution.nameTaken", name,
                    String.valueOf(other.getId()));
        });
    }

    private Solution find(long id) {
        return solutions.findById(id).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.solution.notFound", String.valueOf(id)));
    }

    private SolutionView view(Solution solution) {
        return new SolutionView(solution.getId(), solution.getName(), solution.isEnabled(), solution.getCron(),
                solution.getCurrentVersion(), version(solution.getId(), solution.getCurrentVersion()),
                solution.getCreatedAt(), solution.getUpdatedAt());
    }

    /**
     * The spec as stored: the webhook's signing secret sealed with the secrets key, like connection secrets, so that
     * neither the database nor the versions' JSON shows it.
     */
    private SolutionSpec sealed(SolutionSpec spec) {
        String secret = spec.alerts().webhookSecret();
        return secret == null ? spec : spec.withAlerts(spec.alerts().withSecret(secrets.encrypt(secret)));
    }

    /** The spec as used: the signing secret opened again (a version saved before sealing holds it as typed). */
    private SolutionSpec unsealed(SolutionSpec spec) {
        String secret = spec.alerts().webhookSecret();
        return secret == null || !secret.startsWith(SecretBox.PREFIX) ? spec
                : spec.withAlerts(spec.alerts().withSecret(secrets.decrypt(secret)));
    }

    static SolutionSpec read(String json) {
        try {
            SolutionSpec spec = SPEC_JSON.readValue(json, SolutionSpec.class);
            if (spec == null) {
                throw JsonRefusals.missingBody();
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw JsonRefusals.of(e);
        }
    }

    static String write(SolutionSpec spec) {
        try {
            return SPEC_JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
