package io.yunqiao.sandbox;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/** Runs one sandbox on embedded Tomcat on loopback, for tests and benchmarks. */
public final class SandboxServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final int port;

    private SandboxServer(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    /** Starts {@code servlet} at the root of a new server on a free port of 127.0.0.1. */
    public static SandboxServer start(HttpServlet servlet) {
        return start(servlet, 0);
    }

    /** Starts {@code servlet} at the root of a new server on {@code port} (0 = any free port) of 127.0.0.1. */
    public static SandboxServer start(HttpServlet servlet, int port) {
        try {
            Path baseDir = Files.createTempDirectory("yunqiao-sandbox");
            baseDir.toFile().deleteOnExit();
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector("HTTP/1.1");
            connector.setPort(port);
            connector.setProperty("address", "127.0.0.1");
            connector.setProperty("maxThreads", "200");
            connector.setProperty("maxKeepAliveRequests", "-1");
            tomcat.setConnector(connector);
            StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
            // The sandbox shares the caller's class loader: Tomcat's web-app leak hunting has nothing to clean
            // and only warns that the JDK forbids it to look.
            context.setClearReferencesObjectStreamClassCaches(false);
            context.setClearReferencesThreadLocals(false);
            context.setClearReferencesRmiTargets(false);
            Tomcat.addServlet(context, "sandbox", servlet);
            context.addServletMappingDecoded("/*", "sandbox");
            tomcat.start();
            return new SandboxServer(tomcat, connector.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("sandbox server did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("sandbox server did not stop: " + e.getMessage(), e);
        }
    }
}
