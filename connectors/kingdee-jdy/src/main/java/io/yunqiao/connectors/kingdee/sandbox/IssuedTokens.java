package io.yunqiao.connectors.kingdee.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tokens a sandbox handed out, each for an owner (client id or app key) until it expires. */
final class IssuedTokens {

    /** What a token grants. */
    record Grant(String owner, long expiresAt) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A new token for {@code owner}, valid for {@code ttlMillis} from {@code now}. */
    String issue(String owner, long now, long ttlMillis) {
        grants.values().removeIf(grant -> grant.expiresAt() < now - 86_400_000L);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        grants.put(token, new Grant(owner, now + ttlMillis));
        return token;
    }

    /** The grant of a token that is known and not expired at {@code now}, or null. */
    Grant valid(String token, long now) {
        Grant grant = token == null ? null : grants.get(token);
        return grant != null && now < grant.expiresAt() ? grant : null;
    }

    /** The owner of a known token, expired or not, or null. */
    String owner(String token) {
        Grant grant = token == null ? null : grants.get(token);
        return grant == null ? null : grant.owner();
    }

    /** Makes every issued token expired now; answers how many were still valid. */
    int expireAll(long now) {
        int[] expired = {0};
        grants.replaceAll((token, grant) -> {
            if (grant.expiresAt() > now) {
                expired[0]++;
            }
            return new Grant(grant.owner(), Math.min(grant.expiresAt(), now));
        });
        return expired[0];
    }
}
