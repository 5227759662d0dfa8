package io.yunqiao.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.UserAccounts;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform started with a plugins folder that a test filled with jars it built: a jar with Java (an auth
 * scheme, a provider with a definition and a solution template) and a jar that is not a connector.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:plugins-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.scheduler-name=plugins-it",
    "yunqiao.security.admin-password=" + PluginsFolderAppIT.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@DirtiesContext
class PluginsFolderAppIT {

    static final String ADMIN_PASSWORD = "plugins-admin-pass";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String AUTH = """
            package acme;

            import io.yunqiao.connector.AuthContext;
            import io.yunqiao.connector.AuthScheme;
            import io.yunqiao.connector.Connection;
            import io.yunqiao.connector.OutgoingRequest;

            public class AcmeKeyAuth implements AuthScheme {
                @Override
                public String id() {
                    return "acme-key";
                }

                @Override
                public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
                    request.headers().put("X-Acme-Key", connection.require("key"));
                }
            }
            """;
    private static final String PROVIDER = """
            package acme;

            import io.yunqiao.connector.ConnectorProvider;
            import java.util.List;

            public class AcmeProvider implements ConnectorProvider {
                @Override
                public List<String> definitions() {
                    return List.of("acme/acme-orders.yaml");
                }

                @Override
                public List<String> templates() {
                    return List.of("acme/acme-orders-copy.json");
                }
            }
            """;
    private static final String DEFINITION = """
            id: acme-orders
            name: { zh: 某商城订单, en: Acme orders }
            vendor: Acme
            version: "1.0"
            auth: acme-key
            connection:
              - { name: baseUrl, type: url, label: { zh: 接口地址, en: Base URL }, required: true }
              - { name: key, type: password, label: { zh: 密钥, en: Key }, required: true, secret: true }
            success:
              - { path: status, in: [ok] }
            operations:
              - id: orders
                role: QUERY
                title: { zh: 订单, en: Orders }
                request: { method: GET, path: /orders, body: query }
                records: items
                key: id
                fields:
                  - { name: id, label: { zh: 订单ID } }
            """;
    private static final String TEMPLATE = """
            {
              "id": "acme-orders-copy",
              "title": { "zh": "某商城订单复制", "en": "Acme orders copy" },
              "description": { "zh": "插件自带的模板", "en": "A template shipped by a plugin" },
              "solution": {
                "name": "某商城订单复制",
                "source": { "connector": "acme-orders", "operation": "orders" },
                "target": { "connector": "acme-orders", "operation": "orders", "mapping": "{}" }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @DynamicPropertySource
    static void pluginsFolder(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("yunqiao-plugins");
        javaJar(folder.resolve("acme.jar"), Map.of("acme/AcmeKeyAuth.java", AUTH, "acme/AcmeProvider.java", PROVIDER),
                Map.of("META-INF/services/io.yunqiao.connector.AuthScheme", "acme.AcmeKeyAuth\n",
                        "META-INF/services/io.yunqiao.connector.ConnectorProvider", "acme.AcmeProvider\n",
                        "acme/acme-orders.yaml", DEFINITION, "acme/acme-orders-copy.json", TEMPLATE));
        jar(folder.resolve("library.jar"), Map.of("org/example/readme.txt", "not a connector"));
        registry.add("yunqiao.plugins.dir", folder::toString);
    }

    private JsonNode get(String path, String language) {
        try {
            HttpResponse<String> answer = send(path, "admin", ADMIN_PASSWORD, language);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String path, String user, String password, String language) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + password).getBytes(StandardCharsets.UTF_8)));
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePluginsConnectorIsListedBesideTheBuiltIns() {
        JsonNode connectors = get("/api/connectors", null);
        List<String> ids = new ArrayList<>();
        connectors.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).contains("acme-orders", "jackyun");
        assertThat(get("/api/connectors/acme-orders", null).path("auth").toString()).contains("acme-key");
    }

    @Test
    void thePluginsTemplateIsOfferedLikeABuiltInOne() {
        List<String> ids = new ArrayList<>();
        get("/api/templates", null).forEach(t -> ids.add(t.path("id").asText()));
        assertThat(ids).contains("acme-orders-copy", "kingdee-pur-inbound-to-jackyun-customer");
    }

    @Test
    void anAdministratorSeesTheLoadedAndTheSkippedJarsWithTheReasonInTheirLanguage() {
        JsonNode chinese = get("/api/plugins", null);
        assertThat(chinese.path("loaded")).singleElement().satisfies(jar -> {
            assertThat(jar.path("file").asText()).isEqualTo("acme.jar");
            assertThat(jar.path("connectors").toString()).contains("acme-orders");
            assertThat(jar.path("authSchemes").toString()).contains("acme-key");
            assertThat(jar.path("templates").asInt()).isEqualTo(1);
        });
        assertThat(chinese.path("skipped")).singleElement().satisfies(skipped -> {
            assertThat(skipped.path("file").asText()).isEqualTo("library.jar");
            assertThat(skipped.path("code").asText()).isEqualTo("problem.plugins.notConnector");
            assertThat(skipped.path("message").asText()).contains("library.jar", "不是连接器");
        });
        JsonNode english = get("/api/plugins", "en");
        assertThat(english.path("skipped").get(0).path("message").asText()).contains("library.jar",
                "is not a connector");
    }

    @Test
    void thePluginListIsForAdministratorsOnly() {
        users.create("plugin-reader", null, Role.VIEWER, "plugin-reader-pass-1");
        assertThat(send("/api/plugins", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("/api/plugins", "plugin-reader", "plugin-reader-pass-1", null).statusCode()).isEqualTo(403);
        assertThat(send("/api/connectors", "plugin-reader", "plugin-reader-pass-1", null).statusCode())
                .isEqualTo(200);
    }

    // ---- building jars ----

    private static void jar(Path jar, Map<String, String> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        write(jar, bytes);
    }

    private static void javaJar(Path jar, Map<String, String> sources, Map<String, String> resources)
            throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", platformClasses(),
                "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path path = work.resolve("src").resolve(source.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, source.getValue());
            arguments.add(path.toString());
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plugin's Java does not compile; see the compiler's output");
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                bytes.put(classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        resources.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        write(jar, bytes);
    }

    private static String platformClasses() {
        try {
            return Path.of(AuthScheme.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()
                    + File.pathSeparator + System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path jar, Map<String, byte[]> entries) {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
