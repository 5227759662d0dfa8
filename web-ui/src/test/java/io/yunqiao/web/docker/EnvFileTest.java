package io.yunqiao.web.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment files people copy (docker/example.env for compose, docs/examples/yunqiao.env for systemd) and the
 * compose file's environment only name variables the application reads: a misspelt or outdated name is silently
 * ignored by Spring, so the setting would simply not happen. A name is read when application*.yml has it as a
 * placeholder ({@code ${YUNQIAO_DB_URL:…}}), or when it is the environment form (Spring Boot's relaxed binding) of
 * a property that application*.yml sets, that the code reads ({@code @Value("${…}")}, {@code getProperty("…")}) or
 * that Spring Boot documents in its configuration metadata.
 */
class EnvFileTest {

    private static final Path ROOT = Path.of("..");
    /**
     * Read as they are, not as a property's environment form: TZ by the JVM (the time zone of logs and of times
     * shown without one), SPRING_APPLICATION_JSON by Spring Boot (several settings as one JSON document).
     */
    private static final Set<String> PROCESS_VARIABLES = Set.of("TZ", "SPRING_APPLICATION_JSON");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern READ_BY_CODE = Pattern.compile(
            "(?:\\$\\{|getProperty\\(\")([a-z][a-z0-9]*(?:[.-][a-z0-9]+)+)");

    @Test
    void theComposeEnvFileNamesOnlyVariablesTheApplicationReads() throws IOException {
        assertThat(unknown(names(ROOT.resolve("docker/example.env")))).isEmpty();
    }

    @Test
    void theSystemdEnvFileNamesOnlyVariablesTheApplicationReads() throws IOException {
        List<String> names = names(ROOT.resolve("docs/examples/yunqiao.env"));

        assertThat(names).contains("SPRING_PROFILES_ACTIVE", "YUNQIAO_DB_URL", "YUNQIAO_DB_USER",
                "YUNQIAO_DB_PASSWORD", "YUNQIAO_SECRETS_KEY", "YUNQIAO_NODE_NAME", "TZ");
        assertThat(unknown(names)).isEmpty();
    }

    @Test
    void theComposeFilesNodesAreGivenOnlyVariablesTheApplicationReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
        Set<String> names = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        services.forEach((service, definition) -> {
            if (!"postgres".equals(service)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
                names.addAll(environment.keySet());
            }
        });

        assertThat(names).isNotEmpty();
        assertThat(unknown(new ArrayList<>(names))).isEmpty();
    }

    @Test
    void theComposeFileTakesFromTheEnvFileOnlyWhatTheEnvFileDefines() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker/compose.yaml"));
        Set<String> interpolated = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(compose);
        while (matcher.find()) {
            interpolated.add(matcher.group(1));
        }

        assertThat(names(ROOT.resolve("docker/example.env"))).containsAll(interpolated);
    }

    @Test
    void aNameTheApplicationDoesNotReadIsCaught() throws IOException {
        assertThat(unknown(List.of("YUNQIAO_DB_URL", "YUNQIAO_ENGINE_WRITERS", "SPRING_MAIL_HOST", "TZ",
                "YUNQIAO_DATABASE_URL", "YUNQIAO_ADMIN_PASWORD"))).containsExactly("YUNQIAO_DATABASE_URL",
                        "YUNQIAO_ADMIN_PASWORD");
    }

    /** The variables a file assigns, comments and blank lines left out. */
    private static List<String> names(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher assignment = ASSIGNMENT.matcher(line.strip());
            if (assignment.find()) {
                names.add(assignment.group(1));
            }
        }
        assertThat(names).as(file + " assigns variables").isNotEmpty();
        return names;
    }

    private static List<String> unknown(List<String> names) throws IOException {
        Set<String> read = readNames();
        return names.stream().filter(name -> !read.contains(name)).toList();
    }

    private static Set<String> readNames() throws IOException {
        Set<String> read = new TreeSet<>(PROCESS_VARIABLES);
        Set<String> properties = new LinkedHashSet<>();
        for (Path yml : applicationFiles()) {
            String text = Files.readString(yml);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                read.add(placeholder.group(1));
            }
            for (Object document : new Yaml().loadAll(text)) {
                flatten("", document, properties);
            }
        }
        properties.addAll(readByCode());
        properties.addAll(springBootProperties());
        for (String property : properties) {
            read.addAll(environmentForms(property));
        }
        return read;
    }

    private static List<Path> applicationFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("web-ui/src/main/resources"))) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).sorted().toList();
        }
    }

    private static void flatten(String prefix, Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, inner,
                    into));
        } else if (!prefix.isEmpty()) {
            into.add(prefix);
        }
    }

    /** Property names in the main sources' {@code ${…}} and {@code getProperty("…")}. */
    private static Set<String> readByCode() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path sources : List.of(ROOT.resolve("platform-core/src/main/java"), ROOT.resolve("web-ui/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = READ_BY_CODE.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** Every property Spring Boot's jars describe (spring.profiles.active, server.port, spring.mail.host…). */
    private static Set<String> springBootProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (URL metadata : Collections.list(EnvFileTest.class.getClassLoader().getResources(
                "META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    names.add(property.path("name").asText());
                }
            }
        }
        assertThat(names).as("Spring Boot's configuration metadata").contains("spring.profiles.active");
        return names;
    }

    /**
     * The environment variables Spring Boot binds to a property: dots to underscores, dashes dropped, upper case
     * ({@code yunqiao.engine.stop-grace} → {@code YUNQIAO_ENGINE_STOPGRACE}), and the legacy form with dashes as
     * underscores ({@code YUNQIAO_ENGINE_STOP_GRACE}).
     */
    static Set<String> environmentForms(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }
}
