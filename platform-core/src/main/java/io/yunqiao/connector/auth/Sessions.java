package io.yunqiao.connector.auth;

import io.yunqiao.connector.Connection;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a vendor handed out for a connection (a token, the account group), cached per {@link Connection#cacheKey()}
 * and shared by every thread calling with that connection.
 *
 * <p>Many threads call at once: only one of them logs in while the others wait for its session, both at first use
 * and after expiry. After an auth failure, {@link #invalidate} forgets the session only if it is still the one the
 * failed call used, so that threads failing together with the same old token cause one new login, not one each.
 *
 * @param <S> the session type
 */
final class Sessions<S> {

    private final ConcurrentMap<String, Slot<S>> slots = new ConcurrentHashMap<>();
    private final Function<S, Instant> expiry;
    private final ThreadLocal<Used<S>> lastUsed = new ThreadLocal<>();

    /**
     * @param expiry when a session stops being used (already shortened by a safety margin)
     */
    Sessions(Function<S, Instant> expiry) {
        this.expiry = expiry;
    }

    /** The connection's session, logging in with {@code login} when there is none or it has expired. */
    S get(Connection connection, Instant now, Supplier<S> login) {
        String key = connection.cacheKey();
        S session = slotOf(connection.id(), key).session(now, login, expiry);
        lastUsed.set(new Used<>(key, session));
        return session;
    }

    /**
     * Forgets the session this thread last used for the connection.
     *
     * @return whether a retry would use another session than the one that failed
     */
    boolean invalidate(Connection connection) {
        String key = connection.cacheKey();
        Used<S> used = lastUsed.get();
        lastUsed.remove();
        Slot<S> slot = slots.get(connection.id());
        if (slot == null || !slot.cacheKey.equals(key)) {
            return false;
        }
        return slot.forget(used != null && used.cacheKey.equals(key) ? used.session : null);
    }

    private Slot<S> slotOf(String connectionId, String key) {
        Slot<S> slot = slots.get(connectionId);
        if (slot != null && slot.cacheKey.equals(key)) {
            return slot;
        }
        // an edited connection replaces the slot of its old values, so stale credentials are never reused
        return slots.compute(connectionId, (id, old) -> old != null && old.cacheKey.equals(key) ? old : new Slot<>(key));
    }

    private record Used<S>(String cacheKey, S session) {
    }

    private record Entry<S>(S session, Instant expiresAt) {
    }

    private static final class Slot<S> {

        private final String cacheKey;
        private volatile Entry<S> entry;

        private Slot(String cacheKey) {
            this.cacheKey = cacheKey;
        }

        S session(Instant now, Supplier<S> login, Function<S, Instant> expiry) {
            Entry<S> current = entry;
            if (current != null && now.isBefore(current.expiresAt())) {
                return current.session();
            }
            synchronized (this) {
                current = entry;
                if (current == null || !now.isBefore(current.expiresAt())) {
                    S fresh = login.get();
                    current = new Entry<>(fresh, expiry.apply(fresh));
                    entry = current;
                }
                return current.session();
            }
        }

        synchronized boolean forget(S used) {
            Entry<S> current = entry;
            if (current == null) {
                // another thread forgot it already; the retry logs in afresh
                return used != null;
            }
            if (used == null || current.session() == used) {
                entry = null;
            }
            return true;
        }
    }
}
