package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.yunqiao.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins folder: jars built by the test, loaded on top of the class path's connectors, and called against the
 * shop sandbox over loopback; jars that cannot be used are skipped with a reason and do not stop the others.
 */
class PluginsFolderIT {

    private static final ClassLoader PLATFORM = PluginsFolderIT.class.getClassLoader();
    private static final String ACME_AUTH = """
            package acme;

            import io.yunqiao.connector.AuthContext;
            import io.yunqiao.connector.AuthScheme;
            import io.yunqiao.connector.Connection;
            import io.yunqiao.connector.OutgoingRequest;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            /** The shop's token flow, brought by a plugin. */
            public class AcmeTokenAuth implements AuthScheme {
                private final Map<String, String> tokens = new ConcurrentHashMap<>();

                @Override
                public String id() {
                    return "acme-token";
                }

                @Override
                public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
                    String token = tokens.computeIfAbsent(connection.cacheKey(), key -> context.sendForJson(connection,
                            "the token request", "check the user and the secret",
                            HttpRequest.newBuilder(URI.create(request.baseUrl() + "/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("user=" + connection.require("user")
                                            + "&secret=" + connection.require("secret"))))
                            .path("token").asText());
                    request.headers().put("Authorization", "Bearer " + token);
                }

                @Override
                public boolean invalidate(Connection connection) {
                    return tokens.remove(connection.cacheKey()) != null;
                }
            }
            """;
    private static final String ACME_PROVIDER = """
            package acme;

            import io.yunqiao.connector.ConnectorProvider;
            import java.util.List;

            public class AcmeProvider implements ConnectorProvider {
                @Override
                public List<String> definitions() {
                    return List.of("acme/acme-shop.yaml");
                }

                @Override
                public List<String> templates() {
                    return List.of("acme/acme-template.json");
                }
            }
            """;

    private static final ShopSandbox SANDBOX = new ShopSandbox();
    private static SandboxServer server;

    @TempDir
    Path plugins;

    @BeforeAll
    static void startSandbox() {
        server = SandboxServer.start(SANDBOX);
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    private Plugins load() {
        return Plugins.load(plugins, PLATFORM, ConnectorRegistry.discover(PLATFORM));
    }

    private static int ordersOf(ConnectorRegistry registry, String connectorId) {
        ConnectorClient client = new ConnectorClient(registry);
        Connection connection = new Connection("c-" + connectorId, "插件商店", connectorId,
                Map.of("baseUrl", server.baseUrl(), "user", "alice", "secret", ShopSandbox.SECRET));
        return client.query(connection, "orders.list", Map.of("shop", "main"), PageRequest.first(10)).records()
                .size();
    }

    private Path javaPlugin(String file) {
        return PluginJars.javaJar(plugins, file,
                Map.of("acme/AcmeTokenAuth.java", ACME_AUTH, "acme/AcmeProvider.java", ACME_PROVIDER),
                Map.of("META-INF/services/io.yunqiao.connector.AuthScheme", "acme.AcmeTokenAuth\n",
                        "META-INF/services/io.yunqiao.connector.ConnectorProvider", "acme.AcmeProvider\n",
                        "acme/acme-shop.yaml", PluginJars.shopDefinition("acme-shop", "acme-token"),
                        "acme/acme-template.json", "{}"));
    }

    @Test
    void aJarOfDefinitionsAloneAddsACallableConnector() {
        // given a jar holding only a definition file, no Java
        PluginJars.jar(plugins, "jar-shop.jar", Map.of("META-INF/yunqiao/connectors/jar-shop.yml",
                PluginJars.shopDefinition("jar-shop", "test-token")));

        // when the platform starts with the folder
        Plugins loaded = load();

        // then the connector is there besides the built-ins, and it answers
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.loaded()).singleElement().satisfies(jar -> {
            assertThat(jar.file()).isEqualTo("jar-shop.jar");
            assertThat(jar.connectors()).containsExactly("jar-shop");
            assertThat(jar.authSchemes()).isEmpty();
        });
        assertThat(loaded.registry().definitions()).extracting(ConnectorDefinition::id)
                .contains("test-shop", "jar-shop");
        assertThat(loaded.registry().definition("jar-shop").source()).isEqualTo("jar-shop.jar!/"
                + Plugins.DEFINITIONS + "jar-shop.yml");
        assertThat(ordersOf(loaded.registry(), "jar-shop")).isEqualTo(10);
    }

    @Test
    void aJarWithJavaBringsItsAuthSchemeInItsOwnClassLoader() {
        // given a jar with a compiled auth scheme and provider, found through META-INF/services
        javaPlugin("acme.jar");

        // when loaded
        Plugins loaded = load();

        // then its connector signs in through the plugin's own scheme, loaded by the jar's own class loader
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.loaded()).singleElement().satisfies(jar -> {
            assertThat(jar.connectors()).containsExactly("acme-shop");
            assertThat(jar.authSchemes()).containsExactly("acme-token");
            assertThat(jar.templates()).isEqualTo(1);
        });
        ClassLoader schemeLoader = loaded.registry().authScheme("acme-token").getClass().getClassLoader();
        assertThat(schemeLoader).isInstanceOf(URLClassLoader.class).isNotSameAs(PLATFORM);
        assertThat(schemeLoader.getParent()).isSameAs(PLATFORM);
        assertThat(ordersOf(loaded.registry(), "acme-shop")).isEqualTo(10);
        assertThat(loaded.providers()).singleElement()
                .satisfies(p -> assertThat(p.templates()).containsExactly("acme/acme-template.json"));
    }

    @Test
    void aJarThatIsNotAConnectorIsSkippedAndTheOthersLoad() {
        PluginJars.jar(plugins, "a-library.jar", Map.of("org/example/readme.txt", "just a library"));
        PluginJars.jar(plugins, "b-shop.jar", Map.of("META-INF/yunqiao/connectors/b-shop.yaml",
                PluginJars.shopDefinition("b-shop", "test-token")));

        Plugins loaded = load();

        assertThat(loaded.loaded()).extracting(Plugins.Jar::file).containsExactly("b-shop.jar");
        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.file()).isEqualTo("a-library.jar");
            assertThat(skipped.code()).isEqualTo("problem.plugins.notConnector");
            assertThat(skipped.message(Locale.SIMPLIFIED_CHINESE)).contains("a-library.jar", "不是连接器",
                    Plugins.DEFINITIONS);
            assertThat(skipped.message(Locale.ENGLISH)).contains("a-library.jar", "not a connector",
                    "move the jar out");
        });
    }

    @Test
    void aCorruptJarIsSkipped() throws IOException {
        Files.writeString(plugins.resolve("broken.jar"), "this is not a zip file");

        Plugins loaded = load();

        assertThat(loaded.loaded()).isEmpty();
        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.corrupt");
            assertThat(skipped.message(Locale.ENGLISH)).contains("broken.jar", "not a readable jar");
        });
        assertThat(loaded.registry().definitions()).extracting(ConnectorDefinition::id).containsExactly("test-shop");
    }

    @Test
    void aBadDefinitionSkipsItsJarNamingTheEntryAndTheRule() {
        PluginJars.jar(plugins, "bad.jar", Map.of("META-INF/yunqiao/connectors/bad.yaml",
                PluginJars.shopDefinition("bad-shop", "test-token").replace("role: QUERY", "role: FETCH")));

        Plugins loaded = load();

        assertThat(loaded.loaded()).isEmpty();
        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.definition");
            assertThat(skipped.params()).contains("bad.jar", Plugins.DEFINITIONS + "bad.yaml");
            assertThat(skipped.message(Locale.ENGLISH)).contains("bad.jar", "bad.yaml", "role");
        });
    }

    @Test
    void aConnectorIdOfABuiltInSkipsThePluginAndKeepsTheBuiltIn() {
        PluginJars.jar(plugins, "impostor.jar", Map.of("META-INF/yunqiao/connectors/shop.yaml",
                PluginJars.shopDefinition("test-shop", "test-token")));

        Plugins loaded = load();

        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.duplicateConnector");
            assertThat(skipped.message(Locale.ENGLISH)).contains("impostor.jar", "test-shop", "built-in");
        });
        assertThat(loaded.registry().definition("test-shop").source()).isEqualTo("definitions/shop.yaml");
    }

    @Test
    void twoJarsWithOneConnectorIdLoadOnlyTheFirstByName() {
        PluginJars.jar(plugins, "a-twin.jar", Map.of("META-INF/yunqiao/connectors/twin.yaml",
                PluginJars.shopDefinition("twin-shop", "test-token")));
        PluginJars.jar(plugins, "b-twin.jar", Map.of("META-INF/yunqiao/connectors/twin.json",
                PluginJars.shopDefinition("twin-shop", "test-token")));

        Plugins loaded = load();

        assertThat(loaded.loaded()).extracting(Plugins.Jar::file).containsExactly("a-twin.jar");
        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.message(Locale.ENGLISH))
                .contains("b-twin.jar", "twin-shop", "plugin a-twin.jar"));
    }

    @Test
    void aDefinitionWhoseAuthSchemeNoJarBringsIsSkipped() {
        PluginJars.jar(plugins, "orphan.jar", Map.of("META-INF/yunqiao/connectors/orphan.yaml",
                PluginJars.shopDefinition("orphan-shop", "no-such-scheme")));

        Plugins loaded = load();

        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.unusable");
            assertThat(skipped.message(Locale.ENGLISH)).contains("orphan.jar", "no-such-scheme");
        });
    }

    @Test
    void aJarWhoseServiceClassIsMissingIsSkipped() {
        PluginJars.jar(plugins, "hollow.jar", Map.of("META-INF/services/io.yunqiao.connector.ConnectorProvider",
                "acme.NotThere\n"));

        Plugins loaded = load();

        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.java");
            assertThat(skipped.message(Locale.ENGLISH)).contains("hollow.jar", "acme.NotThere");
        });
    }

    @Test
    void aFolderWritableByOtherUsersIsNotRead() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        javaPlugin("acme.jar");
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));

        Plugins loaded = load();

        assertThat(loaded.loaded()).isEmpty();
        assertThat(loaded.registry().find("acme-shop")).isEmpty();
        assertThat(loaded.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.code()).isEqualTo("problem.plugins.folderWritable");
            assertThat(skipped.message(Locale.ENGLISH)).contains("chmod o-w " + plugins.toAbsolutePath());
        });
    }

    @Test
    void aJarWritableByOtherUsersIsSkipped() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path jar = PluginJars.jar(plugins, "open.jar", Map.of("META-INF/yunqiao/connectors/open.yaml",
                PluginJars.shopDefinition("open-shop", "test-token")));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        Plugins loaded = load();

        assertThat(loaded.registry().find("open-shop")).isEmpty();
        assertThat(loaded.skipped()).extracting(Plugins.Skipped::code).containsExactly("problem.plugins.jarWritable");
    }

    @Test
    void aMissingFolderMeansNoPlugins() {
        Plugins loaded = Plugins.load(plugins.resolve("absent"), PLATFORM, ConnectorRegistry.discover(PLATFORM));
        assertThat(loaded.loaded()).isEmpty();
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.registry().definitions()).extracting(ConnectorDefinition::id).containsExactly("test-shop");
    }

    @Test
    void everyPluginProblemHasAChineseAndAnEnglishText() {
        for (String code : List.of("notFolder", "folderWritable", "tooMany", "jarWritable", "corrupt", "notConnector",
                "java", "definition", "tooLarge", "duplicateConnector", "duplicateScheme", "unusable")) {
            Plugins.Skipped skipped = new Plugins.Skipped("x.jar", "problem.plugins." + code,
                    List.of("x.jar", "a", "b", "c"));
            assertThat(skipped.message(Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("!{").contains("x.jar");
            assertThat(skipped.message(Locale.ENGLISH)).doesNotStartWith("!{")
                    .isNotEqualTo(skipped.message(Locale.SIMPLIFIED_CHINESE));
        }
    }
}
