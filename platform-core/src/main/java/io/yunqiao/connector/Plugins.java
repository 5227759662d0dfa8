package io.yunqiao.connector;

import io.yunqiao.problem.ProblemTexts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins folder ({@code yunqiao.plugins.dir}): every {@code *.jar} in it is loaded at start in its own class
 * loader, whose parent is the platform's. A jar brings connectors in either or both of two ways: Java found with
 * {@link ServiceLoader} ({@link ConnectorProvider}, {@link AuthScheme}), and definition files under
 * {@value #DEFINITIONS} ({@code *.yaml}, {@code *.yml}, {@code *.json}) read without any provider class.
 *
 * <p>A jar that cannot be used (not a connector, corrupt, a bad definition, an id that is already taken, writable by
 * other users) is skipped with a coded problem naming the jar, the entry and the fix; the others load. A folder that
 * other users may write to is not read at all: whoever can put a jar there runs code with the platform's rights.
 */
public final class Plugins {

    /** Where a jar's definition files are found without a provider. */
    public static final String DEFINITIONS = "META-INF/yunqiao/connectors/";
    /** More jars than any installation needs; the rest are skipped, so a mistaken folder cannot stall the start. */
    static final int MAX_JARS = 200;
    /** The largest definition file read from a jar. */
    static final int MAX_DEFINITION_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    /**
     * A jar that was loaded.
     *
     * @param file        its file name
     * @param connectors  the ids of the connectors it brings
     * @param authSchemes the ids of the auth schemes it brings
     * @param templates   how many solution templates its providers name
     */
    public record Jar(String file, List<String> connectors, List<String> authSchemes, int templates) {

        public Jar {
            connectors = List.copyOf(connectors);
            authSchemes = List.copyOf(authSchemes);
        }
    }

    /**
     * A jar (or the folder itself) that was not loaded, and why.
     *
     * @param file   the jar's file name, or the folder's path
     * @param code   the problem's code, {@code problem.plugins.*}
     * @param params its parameters
     */
    public record Skipped(String file, String code, List<String> params) {

        public Skipped {
            params = List.copyOf(params);
        }

        /** Why, and how to fix it, in {@code locale}'s language (Chinese unless English is asked for). */
        public String message(Locale locale) {
            return ProblemTexts.render(code, locale, params.toArray());
        }
    }

    private final Path folder;
    private final ConnectorRegistry registry;
    private final List<Jar> loaded;
    private final List<Skipped> skipped;
    private final List<ConnectorProvider> providers;

    private Plugins(Path folder, ConnectorRegistry registry, List<Jar> loaded, List<Skipped> skipped,
            List<ConnectorProvider> providers) {
        this.folder = folder;
        this.registry = registry;
        this.loaded = List.copyOf(loaded);
        this.skipped = List.copyOf(skipped);
        this.providers = List.copyOf(providers);
    }

    /** No plugins: the built-ins alone. */
    public static Plugins none(ConnectorRegistry builtIns) {
        return new Plugins(null, builtIns, List.of(), List.of(), List.of());
    }

    /**
     * Loads the jars of {@code folder} on top of {@code builtIns}. A folder that does not exist means no plugins.
     *
     * @param parent the class loader of the platform, parent of every plugin's
     */
    public static Plugins load(Path folder, ClassLoader parent, ConnectorRegistry builtIns) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            LOG.info("plugins folder {} does not exist: no plugins loaded", dir);
            return new Plugins(dir, builtIns, List.of(), List.of(), List.of());
        }
        if (!Files.isDirectory(dir)) {
            return refusedFolder(dir, builtIns, "problem.plugins.notFolder");
        }
        if (writableByOthers(dir)) {
            return refusedFolder(dir, builtIns, "problem.plugins.folderWritable");
        }
        List<Skipped> skipped = new ArrayList<>();
        List<Path> jars = jars(dir, skipped);
        Admission admission = new Admission(builtIns);
        for (Path jar : jars) {
            Candidate candidate;
            try {
                candidate = Candidate.open(jar, parent);
            } catch (Refusal refusal) {
                skipped.add(refusal.skipped);
                continue;
            }
            Skipped clash = admission.admit(candidate);
            if (clash != null) {
                candidate.close();
                skipped.add(clash);
            }
        }
        skipped.forEach(s -> LOG.warn("plugin {} skipped: {}", s.file(), s.message(Locale.ENGLISH)));
        admission.loaded.forEach(j -> LOG.info("plugin {} loaded: connectors {}, auth schemes {} (its code runs with"
                + " the platform's rights)", j.file(), j.connectors(), j.authSchemes()));
        return new Plugins(dir, admission.registry(), admission.loaded, skipped, admission.providers);
    }

    private static Plugins refusedFolder(Path dir, ConnectorRegistry builtIns, String code) {
        Skipped refused = new Skipped(dir.toString(), code, List.of(dir.toString()));
        LOG.error("plugins folder not read: {}", refused.message(Locale.ENGLISH));
        return new Plugins(dir, builtIns, List.of(), List.of(refused), List.of());
    }

    private static List<Path> jars(Path dir, List<Skipped> skipped) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(path -> {
                if (Files.isRegularFile(path)) {
                    jars.add(path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + dir, e);
        }
        jars.sort(null);
        if (jars.size() > MAX_JARS) {
            for (Path extra : jars.subList(MAX_JARS, jars.size())) {
                skipped.add(new Skipped(name(extra), "problem.plugins.tooMany",
                        List.of(name(extra), String.valueOf(MAX_JARS), dir.toString())));
            }
            return jars.subList(0, MAX_JARS);
        }
        return jars;
    }

    /** False where the file system has no POSIX permissions (Windows): there its ACLs are the operator's part. */
    static boolean writableByOthers(Path path) {
        try {
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        } catch (IOException e) {
            // a file whose permissions cannot be read is not trusted
            return true;
        }
    }

    private static String name(Path jar) {
        return jar.getFileName().toString();
    }

    /** The folder read, or {@code null} when there is none. */
    public Path folder() {
        return folder;
    }

    /** The built-in connectors and those of every loaded jar. */
    public ConnectorRegistry registry() {
        return registry;
    }

    public List<Jar> loaded() {
        return loaded;
    }

    public List<Skipped> skipped() {
        return skipped;
    }

    /** The connector providers of the loaded jars, e.g. for their solution templates. */
    public List<ConnectorProvider> providers() {
        return providers;
    }

    /** Adds candidates to the built-ins one by one, refusing those whose ids are taken or that do not fit. */
    private static final class Admission {

        private final List<ConnectorDefinition> definitions;
        private final List<AuthScheme> schemes;
        private final Map<String, String> connectorOwners = new HashMap<>();
        private final Map<String, String> schemeOwners = new HashMap<>();
        private final List<Jar> loaded = new ArrayList<>();
        private final List<ConnectorProvider> providers = new ArrayList<>();
        private final ConnectorRegistry builtIns;
        private final List<ConnectorDefinition> pluginDefinitions = new ArrayList<>();
        private final List<AuthScheme> pluginSchemes = new ArrayList<>();

        Admission(ConnectorRegistry builtIns) {
            this.builtIns = builtIns;
            definitions = new ArrayList<>(builtIns.definitions());
            schemes = new ArrayList<>(builtIns.schemes());
            definitions.forEach(d -> connectorOwners.put(d.id(), "built-in " + d.source()));
            schemes.forEach(s -> schemeOwners.put(s.id(), "built-in " + s.getClass().getName()));
        }

        /** Null when admitted, else why not. */
        Skipped admit(Candidate candidate) {
            Set<String> ids = new LinkedHashSet<>();
            for (ConnectorDefinition definition : candidate.definitions) {
                String owner = connectorOwners.get(definition.id());
                if (owner == null && !ids.add(definition.id())) {
                    owner = candidate.file;
                }
                if (owner != null) {
                    return new Skipped(candidate.file, "problem.plugins.duplicateConnector",
                            List.of(candidate.file, definition.id(), definition.source(), owner));
                }
            }
            for (AuthScheme scheme : candidate.schemes) {
                String owner = schemeOwners.get(scheme.id());
                if (owner != null) {
                    return new Skipped(candidate.file, "problem.plugins.duplicateScheme",
                            List.of(candidate.file, scheme.id(), owner));
                }
            }
            List<ConnectorDefinition> withJar = new ArrayList<>(definitions);
            withJar.addAll(candidate.definitions);
            List<AuthScheme> schemesWithJar = new ArrayList<>(schemes);
            schemesWithJar.addAll(candidate.schemes);
            try {
                ConnectorRegistry.of(withJar, schemesWithJar);
            } catch (DefinitionException e) {
                return new Skipped(candidate.file, "problem.plugins.unusable", List.of(candidate.file,
                        String.valueOf(e.getMessage())));
            }
            definitions.addAll(candidate.definitions);
            schemes.addAll(candidate.schemes);
            pluginDefinitions.addAll(candidate.definitions);
            pluginSchemes.addAll(candidate.schemes);
            candidate.definitions.forEach(d -> connectorOwners.put(d.id(), "plugin " + candidate.file));
            candidate.schemes.forEach(s -> schemeOwners.put(s.id(), "plugin " + candidate.file));
            providers.addAll(candidate.providers);
            loaded.add(new Jar(candidate.file, candidate.definitions.stream().map(ConnectorDefinition::id).toList(),
                    candidate.schemes.stream().map(AuthScheme::id).toList(),
                    candidate.templates));
            return null;
        }

        /** The built-ins' registry with the admitted jars installed on it, each connector marked as a plugin's. */
        ConnectorRegistry registry() {
            if (!pluginDefinitions.isEmpty() || !pluginSchemes.isEmpty()) {
                builtIns.install(pluginDefinitions, pluginSchemes, DefinitionOrigin.PLUGIN);
            }
            return builtIns;
        }
    }

    /** A jar read and its Java loaded, not yet checked against the others. */
    private static final class Candidate {

        final String file;
        final URLClassLoader loader;
        final List<ConnectorProvider> providers;
        final List<AuthScheme> schemes;
        final List<ConnectorDefinition> definitions;
        final int templates;

        private Candidate(String file, URLClassLoader loader, List<ConnectorProvider> providers,
                List<AuthScheme> schemes, List<ConnectorDefinition> definitions, int templates) {
            this.file = file;
            this.loader = loader;
            this.providers = providers;
            this.schemes = schemes;
            this.definitions = definitions;
            this.templates = templates;
        }

        static Candidate open(Path jar, ClassLoader parent) {
            String file = name(jar);
            if (writableByOthers(jar)) {
                throw new Refusal(file, "problem.plugins.jarWritable", jar.toString());
            }
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (JarFile read = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> all = read.entries();
                while (all.hasMoreElements()) {
                    JarEntry entry = all.nextElement();
                    if (isDefinition(entry.getName())) {
                        entries.put(entry.getName(), bytes(file, read, entry));
                    }
                }
            } catch (ZipException | SecurityException e) {
                throw new Refusal(file, "problem.plugins.corrupt", String.valueOf(e.getMessage()));
            } catch (IOException e) {
                throw new Refusal(file, "problem.plugins.corrupt", String.valueOf(e.getMessage()));
            }
            URLClassLoader loader = new URLClassLoader("plugin " + file, new URL[] {url(jar)}, parent);
            try {
                List<ConnectorProvider> providers = own(ConnectorProvider.class, loader, file);
                List<AuthScheme> schemes = own(AuthScheme.class, loader, file);
                for (ConnectorProvider provider : providers) {
                    for (String resource : provider.definitions()) {
                        if (!entries.containsKey(resource)) {
                            entries.put(resource, providedBytes(file, jar, resource));
                        }
                    }
                }
                if (providers.isEmpty() && schemes.isEmpty() && entries.isEmpty()) {
                    throw new Refusal(file, "problem.plugins.notConnector", DEFINITIONS);
                }
                List<ConnectorDefinition> definitions = new ArrayList<>();
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    try {
                        definitions.add(DefinitionReader.read(file + "!/" + entry.getKey(),
                                new ByteArrayInputStream(entry.getValue())));
                    } catch (DefinitionException e) {
                        throw new Refusal(file, "problem.plugins.definition", entry.getKey(),
                                String.valueOf(e.getMessage()));
                    }
                }
                int templates = providers.stream().mapToInt(p -> p.templates().size()).sum();
                return new Candidate(file, loader, providers, schemes, definitions, templates);
            } catch (Refusal refusal) {
                close(loader);
                throw refusal;
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                // a provider or scheme class that is missing, of the wrong type, or whose constructor fails
                close(loader);
                Throwable cause = e.getCause() != null && e instanceof ServiceConfigurationError ? e.getCause() : e;
                throw new Refusal(file, "problem.plugins.java", e.getClass().getSimpleName() + ": " + e.getMessage()
                        + (cause == e ? "" : " (" + cause + ")"));
            }
        }

        /** Only the implementations the jar itself brings: the loader also sees the platform's. */
        private static <T> List<T> own(Class<T> service, URLClassLoader loader, String file) {
            List<T> found = new ArrayList<>();
            for (ServiceLoader.Provider<T> provider : ServiceLoader.load(service, loader).stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    found.add(provider.get());
                }
            }
            return found;
        }

        private static boolean isDefinition(String name) {
            if (!name.startsWith(DEFINITIONS)) {
                return false;
            }
            String rest = name.substring(DEFINITIONS.length());
            return !rest.isEmpty() && rest.indexOf('/') < 0
                    && Arrays.asList(".yaml", ".yml", ".json").stream().anyMatch(rest.toLowerCase(Locale.ROOT)::endsWith);
        }

        private static byte[] bytes(String file, JarFile jar, JarEntry entry) throws IOException {
            try (InputStream in = jar.getInputStream(entry)) {
                byte[] read = in.readNBytes(MAX_DEFINITION_BYTES + 1);
                if (read.length > MAX_DEFINITION_BYTES) {
                    throw new Refusal(file, "problem.plugins.tooLarge", entry.getName(),
                            String.valueOf(MAX_DEFINITION_BYTES / 1024));
                }
                return read;
            }
        }

        /** A definition a provider names, read from the jar itself (not from the platform's class path). */
        private static byte[] providedBytes(String file, Path jar, String resource) {
            try (JarFile read = new JarFile(jar.toFile())) {
                JarEntry entry = read.getJarEntry(resource);
                if (entry == null) {
                    throw new Refusal(file, "problem.plugins.definition", resource,
                            "named by the jar's ConnectorProvider but missing from the jar");
                }
                return bytes(file, read, entry);
            } catch (IOException e) {
                throw new Refusal(file, "problem.plugins.corrupt", String.valueOf(e.getMessage()));
            }
        }

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new Refusal(name(jar), "problem.plugins.corrupt", String.valueOf(e.getMessage()));
            }
        }

        void close() {
            close(loader);
        }

        private static void close(URLClassLoader loader) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("closing a skipped plugin's class loader failed", e);
            }
        }
    }

    /** Why a jar is skipped, thrown while reading it. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Skipped skipped;

        Refusal(String file, String code, String... details) {
            super(code, null, false, false);
            List<String> params = new ArrayList<>();
            params.add(file);
            params.addAll(Arrays.asList(details));
            this.skipped = new Skipped(file, code, params);
        }
    }
}
