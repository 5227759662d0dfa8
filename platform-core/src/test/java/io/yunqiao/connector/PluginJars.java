package io.yunqiao.connector;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars inside a test: plain entries with {@link JarOutputStream}, Java compiled with the JDK's own
 * compiler against the platform's classes.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** A jar of these entries (path in the jar to its text). */
    static Path jar(Path folder, String file, Map<String, String> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return write(folder.resolve(file), bytes);
    }

    /**
     * A jar of these Java sources (path such as {@code acme/AcmeAuth.java} to source text), compiled against the
     * platform's classes, plus these resources.
     */
    static Path javaJar(Path folder, String file, Map<String, String> sources, Map<String, String> resources) {
        try {
            Path work = Files.createTempDirectory("plugin-src");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(),
                    "--release", "17", "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path path = work.resolve("src").resolve(source.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, source.getValue());
                arguments.add(path.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the plugin's Java does not compile; see the compiler's output above");
            }
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path path : files.filter(Files::isRegularFile).toList()) {
                    bytes.put(classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
            resources.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
            return write(folder.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shop definition of core's tests under another id and auth scheme. */
    static String shopDefinition(String id, String auth) {
        try (InputStream in = PluginJars.class.getClassLoader().getResourceAsStream("definitions/shop.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("id: test-shop", "id: " + id).replace("auth: test-token", "auth: " + auth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shop definition of core's tests under another id, authenticated by a declarative session-token scheme
     * instead of Java: a definition a plugin jar or the database can hold alone.
     */
    static String declarativeShopDefinition(String id) {
        return shopDefinition(id, String.join("\n", "",
                "  type: session-token",
                "  steps:",
                "    - method: POST",
                "      path: /token",
                "      body: form",
                "      values: { user: \"{{connection.user}}\", secret: \"{{connection.secret}}\" }",
                "      extract: { token: token }",
                "  apply:",
                "    headers: { Authorization: \"Bearer {{session.token}}\" }"));
    }

    /** Where the platform's API and the JSON library it exposes are, for the compiler. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(AuthScheme.class, JsonNode.class, TreeNode.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path write(Path jar, Map<String, byte[]> entries) {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
