package io.yunqiao.connectors.jackyun.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one sandbox gateway, read from the string map the platform passes to
 * {@link JackyunSandbox#create(Map)}; see there for the keys and defaults.
 *
 * @param apps               app key to app secret, the default app first
 * @param token              the token every call must carry, or {@code null} when tokens are not checked
 * @param methods            the APIs the apps are subscribed to
 * @param rateLimit          calls per second per app key; 0 = unlimited
 * @param timestampTolerance how far a call's timestamp may be from the gateway's clock, either way
 * @param listMaxWindow      the longest gmtModified window {@code crm.customer.list} accepts; zero = unlimited
 */
record GatewaySettings(Map<String, String> apps, String token, Set<String> methods, int rateLimit,
        Duration timestampTolerance, Duration listMaxWindow) {

    static final String APP_KEY = "appKey";
    static final String APP_SECRET = "appSecret";
    static final String APPS = "apps";
    static final String TOKEN = "token";
    static final String METHODS = "methods";
    static final String RATE_LIMIT = "rateLimit";
    static final String TIMESTAMP_TOLERANCE = "timestampToleranceSeconds";
    static final String LIST_MAX_WINDOW = "listMaxWindowHours";

    static final String DEFAULT_APP_KEY = "100200";
    static final String DEFAULT_APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final int DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 600;

    /** The APIs this sandbox implements. */
    static final String ADD = "crm.customer.add";
    static final String LIST = "crm.customer.list";
    static final String UPDATE = "crm.customer.update";
    static final String GOODS_ADD = "erp.goods.add";
    static final Set<String> IMPLEMENTED = Set.of(ADD, LIST, UPDATE, GOODS_ADD);

    private static final List<String> KEYS = List.of(APP_KEY, APP_SECRET, APPS, TOKEN, METHODS, RATE_LIMIT,
            TIMESTAMP_TOLERANCE, LIST_MAX_WINDOW);

    GatewaySettings {
        apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
        methods = Set.copyOf(methods);
    }

    /** The defaults, overridden by {@code settings}. */
    static GatewaySettings of(Map<String, String> settings) {
        Map<String, String> given = settings == null ? Map.of() : settings;
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("jackyun sandbox: unknown setting '" + key + "'; known settings: "
                        + KEYS);
            }
        }
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put(text(given, APP_KEY, DEFAULT_APP_KEY), text(given, APP_SECRET, DEFAULT_APP_SECRET));
        for (String pair : given.getOrDefault(APPS, "").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String key = colon < 0 ? "" : pair.substring(0, colon).trim();
            String secret = colon < 0 ? "" : pair.substring(colon + 1).trim();
            if (key.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException("jackyun sandbox: setting '" + APPS + "' has '" + pair.trim()
                        + "'; write extra apps as appkey:secret pairs separated by commas, e.g. 100201:s3cret");
            }
            if (apps.putIfAbsent(key, secret) != null) {
                throw new IllegalArgumentException("jackyun sandbox: app key '" + key + "' is configured twice");
            }
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String method : given.getOrDefault(METHODS, String.join(",", ADD, LIST, UPDATE, GOODS_ADD)).split(",")) {
            String name = method.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!IMPLEMENTED.contains(name)) {
                throw new IllegalArgumentException("jackyun sandbox: setting '" + METHODS + "' names '" + name
                        + "', which the sandbox does not implement; it implements " + IMPLEMENTED);
            }
            methods.add(name);
        }
        String token = given.get(TOKEN);
        return new GatewaySettings(apps, token == null || token.isBlank() ? null : token, methods,
                nonNegative(given, RATE_LIMIT, 0),
                Duration.ofSeconds(nonNegative(given, TIMESTAMP_TOLERANCE, DEFAULT_TIMESTAMP_TOLERANCE_SECONDS)),
                Duration.ofHours(nonNegative(given, LIST_MAX_WINDOW, 0)));
    }

    /** The secret of an app key, or {@code null} when no app has it. */
    String secretOf(String appKey) {
        return apps.get(appKey);
    }

    private static String text(Map<String, String> given, String key, String fallback) {
        String value = given.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int nonNegative(Map<String, String> given, String key, int fallback) {
        String value = given.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new IllegalArgumentException("jackyun sandbox: setting '" + key + "' must be a whole number of 0 or"
                + " more, was '" + value + "'");
    }
}
