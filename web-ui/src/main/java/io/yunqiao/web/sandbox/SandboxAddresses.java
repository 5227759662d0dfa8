package io.yunqiao.web.sandbox;

import io.yunqiao.connector.PlatformAddresses;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The mounted sandboxes as the platform's own addresses: {@code http://localhost:<this node's port>/sandbox/<id>/…}
 * (or {@code 127.0.0.1}, {@code [::1]}; https when the node serves https) for a sandbox this node serves. A request there stays inside the process,
 * so the destination rules (which refuse loopback addresses in production) let it through. Nothing else on the
 * loopback interface is: another port, or a path outside a mounted sandbox, is refused like any private address.
 */
@Component
class SandboxAddresses implements PlatformAddresses, ApplicationListener<WebServerInitializedEvent>, Ordered {

    private final MountedSandboxes sandboxes;
    private final String contextPath;
    private volatile int port = -1;

    SandboxAddresses(MountedSandboxes sandboxes, Environment environment) {
        this.sandboxes = sandboxes;
        String path = environment.getProperty("server.servlet.context-path", "");
        this.contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server, when on its own port, has a namespace; sandboxes live on the main one
        if (event.getApplicationContext().getServerNamespace() == null) {
            servedOn(event.getWebServer().getPort());
        }
    }

    /** The port this node's main web server listens on; until it is known, nothing is the platform's own. */
    void servedOn(int serverPort) {
        this.port = serverPort;
    }

    /** Before any other listener of the same event, e.g. the demo set-up that saves sandbox connections. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean serves(URI uri) {
        String scheme = uri.getScheme();
        if (port < 0 || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getRawUserInfo() != null
                || uri.getHost() == null || !isLoopbackLiteral(uri.getHost()) || effectivePort(uri) != port) {
            return false;
        }
        String path = uri.getRawPath();
        // no dot segments, encodings or doubled slashes that could lead out of the sandbox's path
        if (path == null || path.contains("..") || path.contains("%") || path.contains("//") || path.contains(";")
                || path.contains("\\")) {
            return false;
        }
        String prefix = contextPath + "/sandbox/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return sandboxes.find(id).isPresent();
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Loopback by its literal form alone, so that no DNS answer can make a name count as this node. */
    private static boolean isLoopbackLiteral(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
