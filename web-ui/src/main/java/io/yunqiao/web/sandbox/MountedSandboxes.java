package io.yunqiao.web.sandbox;

import io.yunqiao.sandbox.SandboxServlet;
import java.util.Map;
import java.util.Optional;

/**
 * The sandboxes this node serves under {@code /sandbox/{id}/}, by id; empty unless {@code yunqiao.sandbox.enabled}.
 *
 * @param servlets sandbox id to its servlet
 */
public record MountedSandboxes(Map<String, SandboxServlet> servlets) {

    public MountedSandboxes {
        servlets = Map.copyOf(servlets);
    }

    public Optional<SandboxServlet> find(String id) {
        return Optional.ofNullable(servlets.get(id));
    }
}
