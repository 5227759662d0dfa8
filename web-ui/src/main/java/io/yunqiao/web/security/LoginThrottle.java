package io.yunqiao.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How often a user name, and a source address, may try a password: a few tries freely, then a growing wait between
 * tries, then a lockout. Every admitted try counts as a failure until it succeeds, so that a burst of parallel
 * guesses cannot slip through before the first one fails; a success takes its try back (and clears the user's
 * count). A refused try is decided here, before any password hash is computed, and never waits on a thread.
 *
 * <p>Per node, in memory: a database row per failed try would make every guess a write, and a restart forgiving
 * the counts is a smaller loss than that. Each of the two maps keeps at most {@link Limits#maxEntries()} names or
 * addresses (the least recently tried are forgotten first), so an attacker cycling names or addresses cannot grow
 * memory.
 */
final class LoginThrottle {

    /**
     * The rules. {@code userFree}/{@code addressFree} tries pass without waiting; each further one doubles the wait
     * from {@code firstDelay} up to {@code maxDelay}; at {@code userLockAt}/{@code addressLockAt} tries the name or
     * address waits {@code lockout}. Counts are forgotten after {@code resetAfter} without a try.
     */
    record Limits(int userFree, int userLockAt, int addressFree, int addressLockAt, Duration firstDelay,
            Duration maxDelay, Duration lockout, Duration resetAfter, int maxEntries) {

        Limits {
            if (userFree < 0 || userLockAt <= userFree || addressFree < 0 || addressLockAt <= addressFree) {
                throw new IllegalArgumentException("yunqiao.security.login: need 0 <= free-attempts < lockout-attempts"
                        + " for users and addresses");
            }
            if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lockout.isNegative()
                    || resetAfter.isNegative() || maxEntries < 1) {
                throw new IllegalArgumentException("yunqiao.security.login: delays, lockout and reset-after must not"
                        + " be negative, max-delay >= first-delay, max-entries >= 1");
            }
        }
    }

    /** The answer to a try: admitted, or refused until {@code allowedAt}. */
    record Decision(boolean admitted, Instant allowedAt) {

        /** Whole seconds to wait, at least 1, for a Retry-After header. */
        long retryAfterSeconds(Instant now) {
            long millis = Duration.between(now, allowedAt).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /** Longest user name kept as a key: longer ones cannot exist (UserAccounts) and are cut. */
    private static final int MAX_NAME = 100;

    private final Limits limits;
    private final Clock clock;
    private final Counts users;
    private final Counts addresses;

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.users = new Counts(limits.maxEntries());
        this.addresses = new Counts(limits.maxEntries());
    }

    /**
     * Decides a try of {@code username} from {@code address}: refused while either waits, else admitted and
     * counted.
     */
    synchronized Decision admit(String username, String address) {
        Instant now = clock.instant();
        String user = userKey(username);
        String from = addressKey(address);
        Instant userAllowed = allowedAt(users.get(user), limits.userFree(), limits.userLockAt(), now);
        Instant addressAllowed = allowedAt(addresses.get(from), limits.addressFree(), limits.addressLockAt(), now);
        Instant allowed = userAllowed.isAfter(addressAllowed) ? userAllowed : addressAllowed;
        if (allowed.isAfter(now)) {
            return new Decision(false, allowed);
        }
        count(users, user, now);
        count(addresses, from, now);
        return new Decision(true, now);
    }

    /** A try admitted by {@link #admit} proved right: the user starts afresh, the address gets its try back. */
    synchronized void succeeded(String username, String address) {
        users.remove(userKey(username));
        Count count = addresses.get(addressKey(address));
        if (count != null && count.tries > 0) {
            count.tries--;
        }
    }

    /** Until when {@code username} is locked out or waits, if it does now (this node only). */
    synchronized Optional<Instant> waitsUntil(String username) {
        Instant now = clock.instant();
        Instant allowed = allowedAt(users.get(userKey(username)), limits.userFree(), limits.userLockAt(), now);
        return allowed.isAfter(now) ? Optional.of(allowed) : Optional.empty();
    }

    /** An administrator lets {@code username} try again at once. */
    synchronized void release(String username) {
        users.remove(userKey(username));
    }

    /** Forgets every count (tests). */
    synchronized void clear() {
        users.clear();
        addresses.clear();
    }

    /** How many names and addresses are remembered (tests of the bound). */
    synchronized int size() {
        return users.size() + addresses.size();
    }

    private Instant allowedAt(Count count, int free, int lockAt, Instant now) {
        if (count == null || forgotten(count, now) || count.tries < free) {
            return now;
        }
        if (count.tries >= lockAt) {
            return count.last.plus(limits.lockout());
        }
        // the (free+1)-th try waits firstDelay after the free-th, then twice as long each time
        int doublings = Math.min(count.tries - free, 30);
        Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(limits.maxDelay()) > 0) {
            delay = limits.maxDelay();
        }
        return count.last.plus(delay);
    }

    private boolean forgotten(Count count, Instant now) {
        return count.last.plus(limits.resetAfter()).isBefore(now);
    }

    private void count(Counts counts, String key, Instant now) {
        Count count = counts.get(key);
        if (count == null || forgotten(count, now)) {
            count = new Count();
            counts.put(key, count);
        }
        count.tries++;
        count.last = now;
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /**
     * An IPv4 address as is; an IPv6 address by its /64 network, since one subscriber usually holds a whole /64 and
     * could otherwise try from a new address each time.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        try {
            // an address literal: no name lookup happens
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(String.format("%x:", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static final class Count {
        int tries;
        Instant last;
    }

    /** Least recently tried first; the oldest goes when full. */
    private static final class Counts extends LinkedHashMap<String, Count> {

        private static final long serialVersionUID = 1L;

        private final int max;

        Counts(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > max;
        }
    }
}
