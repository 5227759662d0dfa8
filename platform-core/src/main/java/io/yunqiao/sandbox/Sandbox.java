package io.yunqiao.sandbox;

import java.util.Map;

/**
 * A protocol-faithful simulator of one vendor's API, shipped by a connector plugin and found with
 * {@link java.util.ServiceLoader}. Tests start it on a random port with {@link SandboxServer}; the platform mounts
 * it under {@code /sandbox/{id}/} when sandboxes are enabled.
 */
public interface Sandbox {

    /** The mount point below {@code /sandbox/}, e.g. {@code acme-erp}. */
    String id();

    /**
     * A new sandbox with its own state.
     *
     * @param settings overrides of the documented defaults (credentials, data set size, seed, rate limit); keys
     *                 are documented by each sandbox
     */
    SandboxServlet create(Map<String, String> settings);
}
