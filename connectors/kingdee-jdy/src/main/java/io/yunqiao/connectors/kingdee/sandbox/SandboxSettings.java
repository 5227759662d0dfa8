package io.yunqiao.connectors.kingdee.sandbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one Kingdee sandbox: the documented defaults of {@link KingdeeSandbox} overridden by the given
 * map. Unknown keys and unreadable values are refused with the list of what is accepted.
 */
record SandboxSettings(
        String clientId,
        String clientSecret,
        String username,
        String password,
        List<AccountGroup> accountGroups,
        String v2ClientId,
        String v2ClientSecret,
        String appKey,
        String appSecret,
        int bills,
        int suppliers,
        int materials,
        long seed,
        long end,
        int days,
        int tokenTtlSeconds,
        int rateLimit) {

    /** One account group (账套) of the sandbox's user. */
    record AccountGroup(String groupId, String groupName, String accountId) {
    }

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("clientId", "yunqiao-demo"),
            Map.entry("clientSecret", "demo-secret-v1"),
            Map.entry("username", "demo"),
            Map.entry("password", "demo-pass"),
            Map.entry("accountGroups", "demo-group:100001,demo-branch:100002"),
            Map.entry("v2ClientId", "yunqiao-v2-demo"),
            Map.entry("v2ClientSecret", "demo-secret-v2"),
            Map.entry("appKey", "demo-app-key"),
            Map.entry("appSecret", "demo-app-secret"),
            Map.entry("bills", "1000"),
            Map.entry("suppliers", "50"),
            Map.entry("materials", "200"),
            Map.entry("seed", "20261128"),
            Map.entry("end", ""),
            Map.entry("days", "30"),
            Map.entry("tokenTtlSeconds", "3600"),
            Map.entry("rateLimit", "0"));

    static SandboxSettings from(Map<String, String> given) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        if (given != null) {
            for (Map.Entry<String, String> entry : given.entrySet()) {
                if (!DEFAULTS.containsKey(entry.getKey())) {
                    throw new IllegalArgumentException("unknown Kingdee sandbox setting '" + entry.getKey()
                            + "'; the settings are " + new TreeSet<>(DEFAULTS.keySet()));
                }
                if (entry.getValue() != null) {
                    values.put(entry.getKey(), entry.getValue().trim());
                }
            }
        }
        return new SandboxSettings(
                nonEmpty(values, "clientId"), nonEmpty(values, "clientSecret"), nonEmpty(values, "username"),
                nonEmpty(values, "password"), groups(values.get("accountGroups")),
                nonEmpty(values, "v2ClientId"), nonEmpty(values, "v2ClientSecret"), nonEmpty(values, "appKey"),
                nonEmpty(values, "appSecret"),
                number(values, "bills", 1, 2_000_000), number(values, "suppliers", 1, 5_000),
                number(values, "materials", 1, 30_000), seed(values.get("seed")), end(values.get("end")),
                number(values, "days", 1, 3650), number(values, "tokenTtlSeconds", 1, Integer.MAX_VALUE),
                number(values, "rateLimit", 0, Integer.MAX_VALUE));
    }

    private static String nonEmpty(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Kingdee sandbox setting '" + key + "' must not be empty (default '"
                    + DEFAULTS.get(key) + "')");
        }
        return value;
    }

    private static int number(Map<String, String> values, String key, int min, int max) {
        String value = values.get(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Kingdee sandbox setting '" + key + "' must be a whole number from " + min
                + " to " + max + ", was '" + value + "'");
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Kingdee sandbox setting 'seed' must be a whole number, was '" + value
                    + "'", e);
        }
    }

    /** Empty = now; otherwise epoch milliseconds or an ISO-8601 instant such as 2026-11-28T00:00:00Z. */
    private static long end(String value) {
        if (value == null || value.isEmpty()) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notMillis) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Kingdee sandbox setting 'end' must be epoch milliseconds or an"
                        + " ISO-8601 instant (2026-11-28T00:00:00Z), was '" + value + "'", e);
            }
        }
    }

    /** {@code groupName:accountId[,groupName:accountId…]}. */
    private static List<AccountGroup> groups(String value) {
        List<AccountGroup> groups = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            String[] pair = part.trim().split(":");
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank() || !names.add(pair[0].trim())) {
                throw new IllegalArgumentException("Kingdee sandbox setting 'accountGroups' must list distinct"
                        + " groupName:accountId pairs separated by commas (e.g. 'demo-group:100001'), was '" + value
                        + "'");
            }
            groups.add(new AccountGroup("G" + (groups.size() + 1), pair[0].trim(), pair[1].trim()));
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Kingdee sandbox setting 'accountGroups' needs at least one"
                    + " groupName:accountId pair");
        }
        return List.copyOf(groups);
    }

    /** The start of the data set's time span, in epoch milliseconds. */
    long start() {
        return end - days * 86_400_000L;
    }
}
