package io.yunqiao.web.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker/Dockerfile and docker/compose.yaml are checked by reading: they must stay in
 * step with the build (module paths, jar name) and with the application's configuration (profile, variables,
 * sandbox settings).
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theDockerfileCopiesModulesThatExistAndTheJarTheBuildMakes() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Matcher poms = Pattern.compile("(?m)^COPY (\\S+/pom\\.xml) ").matcher(dockerfile);
        List<String> copied = new ArrayList<>();
        while (poms.find()) {
            copied.add(poms.group(1));
        }
        assertThat(copied).isNotEmpty().allSatisfy(pom -> assertThat(ROOT.resolve(pom)).exists());
        String webPom = Files.readString(ROOT.resolve("web-ui/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>(.+)</finalName>").matcher(webPom);
        assertThat(finalName.find()).isTrue();
        assertThat(dockerfile).contains("web-ui/target/" + finalName.group(1) + ".jar");
    }

    @Test
    void everyNodeRunsThePostgresProfileWithTheVariablesItReads() throws IOException {
        String application = Files.readString(ROOT.resolve("web-ui/src/main/resources/application.yml"));
        Map<String, Object> postgresProfile = profile("postgres");
        assertThat(postgresProfile).as("application.yml has a postgres profile").isNotNull();
        for (Map.Entry<String, Map<String, Object>> node : nodes().entrySet()) {
            Map<String, Object> environment = environment(node.getValue());
            assertThat(environment).as(node.getKey()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
            for (String variable : List.of("YUNQIAO_DB_URL", "YUNQIAO_DB_USER", "YUNQIAO_DB_PASSWORD",
                    "YUNQIAO_SECRETS_KEY")) {
                assertThat(environment).as(node.getKey() + " sets " + variable).containsKey(variable);
                assertThat(application).as("application.yml reads " + variable).contains("${" + variable);
            }
            assertThat(environment).as(node.getKey()).containsKeys("YUNQIAO_ADMIN_PASSWORD",
                    "YUNQIAO_NODE_NAME");
        }
        assertThat(nodes().values().stream().map(n -> environment(n).get("YUNQIAO_NODE_NAME")).distinct())
                .as("node names are unique").hasSize(nodes().size());
    }

    @Test
    void theSandboxNodeUsesTheEmbeddedDefaultsSandboxSettings() throws IOException {
        Map<String, Object> embedded = profile("embedded");
        Object expected = ((Map<?, ?>) ((Map<?, ?>) embedded.get("yunqiao")).get("sandbox")).get("settings");
        List<Object> configured = new ArrayList<>();
        for (Map<String, Object> node : nodes().values()) {
            Object json = environment(node).get("SPRING_APPLICATION_JSON");
            if (json != null) {
                Map<?, ?> sandbox = (Map<?, ?>) ((Map<?, ?>) new ObjectMapper().readValue(json.toString(), Map.class)
                        .get("yunqiao")).get("sandbox");
                assertThat(sandbox.get("enabled")).isEqualTo(true);
                configured.add(sandbox.get("settings"));
            }
        }
        assertThat(configured).as("exactly one node serves the sandboxes").singleElement().isEqualTo(expected);
    }

    @Test
    void everyNodeMayDrainLongerThanSpringWaitsForTheEngineBeforeDockerKillsIt() throws IOException {
        // Docker's default of 10 s would SIGKILL a node in the middle of its drain, which is then a crash
        @SuppressWarnings("unchecked")
        Map<String, Object> application = (Map<String, Object>) new Yaml().loadAll(Files.readString(ROOT.resolve(
                "web-ui/src/main/resources/application.yml"))).iterator().next();
        @SuppressWarnings("unchecked")
        String springPhase = String.valueOf(((Map<String, Object>) ((Map<String, Object>) application.get("spring"))
                .get("lifecycle")).get("timeout-per-shutdown-phase"));
        for (Map.Entry<String, Map<String, Object>> node : nodes().entrySet()) {
            Object period = node.getValue().get("stop_grace_period");

            assertThat(period).as(node.getKey() + " sets stop_grace_period").isNotNull();
            assertThat(seconds(period.toString())).as(node.getKey() + "'s stop_grace_period")
                    .isGreaterThan(seconds(springPhase));
        }
    }

    private static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(\\d+)s").matcher(duration.trim());
        assertThat(matcher.matches()).as("a duration in seconds such as 60s: " + duration).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> nodes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "node1", "node2");
        Map<String, Map<String, Object>> nodes = new TreeMap<>(services);
        nodes.remove("postgres");
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(String name) throws IOException {
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve(
                "web-ui/src/main/resources/application.yml")))) {
            Map<String, Object> map = (Map<String, Object>) document;
            Object activate = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) map
                    .getOrDefault("spring", Map.of())).getOrDefault("config", Map.of())).getOrDefault("activate",
                            Map.of())).get("on-profile");
            if (name.equals(activate)) {
                return map;
            }
        }
        return null;
    }
}
