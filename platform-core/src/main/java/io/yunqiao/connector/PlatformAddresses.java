package io.yunqiao.connector;

import java.net.URI;

/**
 * Addresses the platform serves itself, such as its mounted vendor sandboxes: a request there never leaves the
 * process, so {@link Destinations} lets it through even where private and loopback addresses are refused.
 */
@FunctionalInterface
public interface PlatformAddresses {

    /** No address is the platform's own. */
    PlatformAddresses NONE = uri -> false;

    /** Whether {@code uri} is served by this platform itself. */
    boolean serves(URI uri);
}
