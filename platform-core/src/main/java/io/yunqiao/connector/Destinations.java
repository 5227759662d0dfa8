package io.yunqiao.connector;

import io.yunqiao.problem.ProblemTexts;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where connections may send requests (and with them their secrets): only {@code http} and {@code https} URLs with
 * a host and without user info; optionally only hosts on an allow-list ({@code api.example.com},
 * {@code *.example.com}); optionally never a private, loopback, link-local or unspecified address, except the
 * {@link PlatformAddresses platform's own}. Checked when a connection is saved ({@link #check(String)}) and again by
 * {@link ConnectorClient} right before each request ({@link #checkBeforeSending(URI)}), on the addresses the host
 * name resolves to then, so a name that later points elsewhere is caught when it matters.
 */
public final class Destinations {

    /** Any http or https host: what a platform without configured rules allows. */
    public static final Destinations ANY = new Destinations(List.of(), false, PlatformAddresses.NONE);

    private final List<String> allowedHosts;
    private final boolean refusePrivateAddresses;
    private final PlatformAddresses own;
    private final Resolver resolver;

    /**
     * @param allowedHosts           host names or patterns {@code *.example.com} (any subdomain); empty allows any
     * @param refusePrivateAddresses refuse hosts that are, or resolve to, private, loopback, link-local or
     *                               unspecified addresses
     * @param own                    addresses the platform serves itself, allowed whatever the rules say
     */
    public Destinations(List<String> allowedHosts, boolean refusePrivateAddresses, PlatformAddresses own) {
        this(allowedHosts, refusePrivateAddresses, own, InetAddress::getAllByName);
    }

    Destinations(List<String> allowedHosts, boolean refusePrivateAddresses, PlatformAddresses own,
            Resolver resolver) {
        List<String> patterns = new ArrayList<>();
        for (String host : allowedHosts) {
            if (host != null && !host.isBlank()) {
                patterns.add(host.trim().toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHosts = List.copyOf(patterns);
        this.refusePrivateAddresses = refusePrivateAddresses;
        this.own = own;
        this.resolver = resolver;
    }

    /** The allow-list, lower-case; empty when any host is allowed. */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public boolean refusesPrivateAddresses() {
        return refusePrivateAddresses;
    }

    /**
     * Checks a URL as it is saved. A host name that cannot be resolved now passes (it may resolve only where the
     * platform runs); it is checked again before each request.
     *
     * @return why the URL is refused, or empty
     */
    public Optional<Refusal> check(String url) {
        Optional<Refusal> form = parse(url);
        return form.isPresent() ? form : checkUri(URI.create(url.trim()), false);
    }

    /**
     * Checks where a request is about to go; a host name is resolved now, and every address it resolves to must
     * pass.
     *
     * @return why the request must not be sent, or empty
     */
    public Optional<Refusal> checkBeforeSending(URI uri) {
        Optional<Refusal> form = checkForm(uri, uri.toString());
        return form.isPresent() ? form : checkUri(uri, true);
    }

    /** {@link #checkBeforeSending(URI)} for a URL that may not even parse (one stored before these rules). */
    public Optional<Refusal> checkBeforeSending(String url) {
        Optional<Refusal> form = parse(url);
        return form.isPresent() ? form : checkUri(URI.create(url.trim()), true);
    }

    private static Optional<Refusal> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(new Refusal("problem.connection.urlMalformed", String.valueOf(url)));
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(new Refusal("problem.connection.urlMalformed", url));
        }
        return checkForm(uri, url);
    }

    private static Optional<Refusal> checkForm(URI uri, String url) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Optional.of(new Refusal("problem.connection.urlNoScheme", url));
        }
        if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of(new Refusal("problem.connection.urlScheme", url, scheme));
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(new Refusal("problem.connection.urlNoHost", url));
        }
        if (uri.getRawUserInfo() != null) {
            // the refusal repeats the address, but never the password in it
            return Optional.of(new Refusal("problem.connection.urlUserInfo", url.replace(uri.getRawUserInfo(),
                    "***")));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkUri(URI uri, boolean sending) {
        if (own.serves(uri)) {
            return Optional.empty();
        }
        String host = hostOf(uri);
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(pattern -> matches(pattern, host))) {
            return Optional.of(new Refusal("problem.connection.hostNotAllowed", host, String.join(", ",
                    allowedHosts)));
        }
        if (!refusePrivateAddresses) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            // a literal address is parsed as the HTTP client parses it (127.1, 2130706433…), without DNS
            addresses = host.contains(":") || host.matches("[0-9.]+")
                    ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException e) {
            // nothing can be sent to a name that does not resolve: the HTTP client fails the same way
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of(new Refusal(sending ? "problem.connection.privateAddressWhenSending"
                        : "problem.connection.privateAddress", host, address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    /** The host without IPv6 brackets, lower-case. */
    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean matches(String pattern, String host) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            return bare.endsWith(suffix) && bare.length() > suffix.length();
        }
        return bare.equals(pattern);
    }

    /** Private, loopback, link-local, unspecified, multicast, shared (100.64/10) or IPv6 unique-local. */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128);
    }

    /** Resolves a host name to its addresses; replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Why a destination is refused: a message code of {@code i18n/problems*.properties} and its parameters.
     *
     * @param code   e.g. {@code problem.connection.urlScheme}
     * @param params the message's parameters
     */
    public record Refusal(String code, List<Object> params) {

        public Refusal {
            params = List.copyOf(params);
        }

        Refusal(String code, Object... params) {
            this(code, List.of(params));
        }

        /**
         * Whether the address itself is no http(s) URL with a host (a mistake in the connection), rather than an
         * address the rules do not allow.
         */
        public boolean malformed() {
            return code.startsWith("problem.connection.url");
        }

        /** The message in English, for logs and connector errors. */
        public String english() {
            return ProblemTexts.render(code, Locale.ENGLISH, params.toArray());
        }
    }
}
