package io.yunqiao.solution;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.DefinitionException;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.Plugins;
import io.yunqiao.problem.Problem;
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

/**
 * The solution templates of every installed connector plugin, read at start; copying one creates a disabled
 * solution bound to the chosen connections, validated like any other save.
 */
@Service
public class Templates {

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);

    private final Map<String, SolutionTemplate> templates = new LinkedHashMap<>();
    private final Solutions solutions;

    Templates(Solutions solutions, Plugins plugins) {
        this.solutions = solutions;
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
            throw Problem.notFound("template", id + " (known: " + templates.keySet() + ")");
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
    public SolutionView copy(String id, String name, Long sourceConnection, Long targetConnection) {
        SolutionTemplate template = get(id);
        SolutionSpec spec = template.solution()
                .withName(name == null || name.isBlank() ? template.title().zh() : name.trim())
                .withConnections(sourceConnection, targetConnection);
        spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        // whom to alert is the copier's choice, never the template author's
        spec = spec.withAlerts(SolutionSpec.Alerts.OFF);
        return solutions.create(spec, "copied from template " + id);
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
                    Solutions.SPEC_JSON.treeToValue(tree.get("solution"), SolutionSpec.class), resource);
        } catch (IOException e) {
            throw new DefinitionException("solution template '" + resource + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("zh").asText(), node.path("en").asText(null));
    }
}
