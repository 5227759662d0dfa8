package io.yunqiao.web.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServlet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which addresses count as this node's own sandboxes, which the private-address rule lets through. */
class SandboxAddressesTest {

    private static SandboxServlet jackyunSandbox() {
        for (Sandbox sandbox : ServiceLoader.load(Sandbox.class)) {
            if (sandbox.id().equals("jackyun")) {
                return sandbox.create(Map.of());
            }
        }
        throw new IllegalStateException("no jackyun sandbox on the class path");
    }

    private static SandboxAddresses servingJackyunOn(int port) {
        SandboxAddresses addresses = new SandboxAddresses(new MountedSandboxes(Map.of("jackyun", jackyunSandbox())),
                new MockEnvironment());
        addresses.servedOn(port);
        return addresses;
    }

    @Test
    void aMountedSandboxOnThisNodesPortByALoopbackLiteralIsTheNodesOwn() {
        SandboxAddresses own = servingJackyunOn(8080);

        for (String url : List.of("http://localhost:8080/sandbox/jackyun/open/openapi/do",
                "http://127.0.0.1:8080/sandbox/jackyun/open/openapi/do", "http://[::1]:8080/sandbox/jackyun")) {
            assertThat(own.serves(URI.create(url))).as(url).isTrue();
        }
    }

    @Test
    void anythingElseOnLoopbackIsNot() {
        SandboxAddresses own = servingJackyunOn(8080);

        for (String url : List.of("http://127.0.0.1:8081/sandbox/jackyun/open/openapi/do",
                "http://127.0.0.1:8080/api/connections", "http://127.0.0.1:8080/sandbox/kingdee/x",
                "http://127.0.0.1:8080/sandbox/jackyun/../../api/connections",
                "http://127.0.0.1:8080/sandbox/jackyun/%2e%2e/%2e%2e/api", "http://127.0.0.1:8080/sandbox/jackyunx/",
                "ftp://127.0.0.1:8080/sandbox/jackyun/", "http://user@127.0.0.1:8080/sandbox/jackyun/",
                "http://rebound.example.com:8080/sandbox/jackyun/", "http://10.0.0.5:8080/sandbox/jackyun/")) {
            assertThat(own.serves(URI.create(url))).as(url).isFalse();
        }
    }

    @Test
    void nothingIsTheNodesOwnBeforeItsPortIsKnown() {
        SandboxAddresses own = new SandboxAddresses(new MountedSandboxes(Map.of("jackyun", jackyunSandbox())),
                new MockEnvironment());

        assertThat(own.serves(URI.create("http://127.0.0.1:80/sandbox/jackyun/"))).isFalse();
    }
}
