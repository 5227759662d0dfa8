package io.yunqiao.solution;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.Plugins;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.valuemap.ValueMapTables;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The solution templates of every installed connector plugin, read at start; copying one creates a disabled
 * solution bound to the chosen connections, validated like any other save, and the value-map tables the template
 * ships that do not exist yet.
 */
@Service
public class Templates {

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);

    /** The most value-map tables one template may ship. */
    static final int MAX_VALUE_MAPS = 20;

    private final Map<String, SolutionTemplate> templates = new LinkedHashMap<>();
    private final Solutions solutions;
    private final ValueMapTables valueMaps;

    Templates(Solutions solutions, Plugins plugins, ValueMapTables valueMaps) {
        this.solutions = solutions;
        this.valueMaps = valueMaps;
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class,
                Templates.class.getClassLoader())) {
            for (String resource : provider.templates()) {
                SolutionTemplate template = read(provider.getClass().getClassLoader(), resource);
                if (templates.putIfAbsent(template.id(), template) != null) {
                    throw new DefinitionException("solution template id '" + template.id() + "' is shipped twice");
                }
            }
        }
        // A plugin's bad template must not stop the platform: it is left out and logged, like a bad plugin jar.
        for (ConnectorProvider provider : plugins.providers()) {
            for (String resource : provider.templates()) {
                try {
                    SolutionTemplate template = read(provider.getClass().getClassLoader(), resource);
                    if (templates.putIfAbsent(template.id(), template) != null) {
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

    public List<SolutionTemplate> list() {
        return new ArrayList<>(templates.values());
    }

    public SolutionTemplate get(String id) {
        SolutionTemplate template = templates.get(id);
        if (template == null) {
            throw Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.solution.templateNotFound", id,
                    String.join(", ", templates.keySet()));
        }
        return template;
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
     * 一键复制 with what became of the template's value-map tables: each one that does not exist is created with the
     * template's entries; an existing one is never changed (a tenant may have edited it), and is reported as kept
     * when its entries differ. The solution and the tables are made in one transaction: a refused copy leaves no
     * table behind.
     *
     * @see #copy(String, String, Long, Long)
     */
    @Transactional
    public TemplateCopy copyTemplate(String id, String name, Long sourceConnection, Long targetConnection) {
        SolutionTemplate template = get(id);
        SolutionSpec spec = template.solution()
                .withName(name == null || name.isBlank() ? template.title().zh() : name.trim())
                .withConnections(sourceConnection, targetConnection);
        spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        // whom to alert is the copier's choice, never the template author's
        spec = spec.withAlerts(SolutionSpec.Alerts.OFF);
        SolutionView created = solutions.create(spec, StoredMessage.of("version.note.fromTemplate", id).store());
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
        if (!made.isEmpty() || !kept.isEmpty()) {
            LOG.info("template {} copied as solution {}: value maps created {}, kept as they were {}", id,
                    created.id(), made, kept);
        }
        return new TemplateCopy(created, made, kept);
    }

    static SolutionTemplate read(ClassLoader loader, String resource) {
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
            return new SolutionTemplate(tree.get("id").asText(), text(tree.get("title")),
                    text(tree.get("description")),
                    Solutions.SPEC_JSON.treeToValue(tree.get("solution"), SolutionSpec.class), resource,
                    valueMaps(resource, tree.get("valueMaps")));
        } catch (IOException e) {
            throw new DefinitionException("solution template '" + resource + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The template's {@code "valueMaps": {"表名": {"源值": "目标值", …}, …}}, checked as the value-map screen checks
     * a table a person creates (name characters, entry sizes), so that a copy never fails on what the template
     * ships.
     *
     * @throws DefinitionException naming the template, the table and what is wrong
     */
    static Map<String, Map<String, String>> valueMaps(String resource, JsonNode node) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tables;
        }
        String where = "solution template '" + resource + "': valueMaps";
        if (!node.isObject()) {
            throw new DefinitionException(where + " must be an object of tables, {\"表名\": {\"源值\": \"目标值\"}}");
        }
        if (node.size() > MAX_VALUE_MAPS) {
            throw new DefinitionException(where + " has " + node.size() + " tables; at most " + MAX_VALUE_MAPS);
        }
        InputLimits limits = InputLimits.DEFAULTS;
        for (Map.Entry<String, JsonNode> table : node.properties()) {
            String name = table.getKey();
            if (name.isBlank() || !name.equals(name.strip()) || name.length() > limits.nameLength()
                    || name.chars().anyMatch(c -> c < 0x20 || "\"'\\/%?#".indexOf(c) >= 0)) {
                throw new DefinitionException(where + " has a table named '" + name + "': a name is 1 to "
                        + limits.nameLength() + " characters without surrounding spaces, control characters or"
                        + " \" ' \\ / % ? #");
            }
            if (!table.getValue().isObject()) {
                throw new DefinitionException(where + "." + name + " must be an object of entries, source value to"
                        + " target value");
            }
            if (table.getValue().size() > limits.valueMapEntries()) {
                throw new DefinitionException(where + "." + name + " has " + table.getValue().size()
                        + " entries; at most " + limits.valueMapEntries());
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : table.getValue().properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (key.isEmpty() || key.length() > limits.valueMapKeyLength() || key.indexOf('\0') >= 0) {
                    throw new DefinitionException(where + "." + name + " has a key that is empty, longer than "
                            + limits.valueMapKeyLength() + " characters or holds NUL");
                }
                if (!value.isTextual() || value.asText().length() > limits.valueMapValueLength()
                        || value.asText().indexOf('\0') >= 0) {
                    throw new DefinitionException(where + "." + name + "." + key + " must be a text of at most "
                            + limits.valueMapValueLength() + " characters");
                }
                entries.put(key, value.asText());
            }
            tables.put(name, entries);
        }
        return tables;
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("zh").asText(), node.path("en").asText(null));
    }
}
