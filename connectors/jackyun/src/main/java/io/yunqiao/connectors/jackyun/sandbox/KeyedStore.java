package io.yunqiao.connectors.jackyun.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * What one sandbox stored through an add API, unique by a vendor key (customerCode, goodsNo), kept in the order of
 * the ids the gateway hands out, with the add calls that named each key; lock-free, so that benchmark threads adding
 * thousands of records a second do not queue behind each other.
 *
 * @param <T> the stored record
 */
final class KeyedStore<T> {

    private final long firstId;
    private final String keyLabel;
    private final String idName;
    private final ToLongFunction<T> idOf;
    private final AtomicLong nextId;
    private final ConcurrentMap<String, T> byKey = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Long, T> byId = new ConcurrentSkipListMap<>();
    private final CallCounts addCalls = new CallCounts();

    /**
     * @param firstId  the first id handed out (after a reset too)
     * @param keyLabel the key's label in the already-exists refusal, e.g. 客户编号
     * @param idName   the id's name in that refusal, e.g. customerId
     * @param idOf     the id of a stored record
     */
    KeyedStore(long firstId, String keyLabel, String idName, ToLongFunction<T> idOf) {
        this.firstId = firstId;
        this.keyLabel = keyLabel;
        this.idName = idName;
        this.idOf = idOf;
        this.nextId = new AtomicLong(firstId);
    }

    /** Notes one add call naming {@code key}, whatever its outcome. */
    void countAddCall(String key) {
        addCalls.count(key);
    }

    /**
     * Stores the record {@code create} makes with the next id.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#ALREADY_EXISTS} when {@code key} is taken
     */
    T add(String key, LongFunction<T> create) {
        // Ids of refused duplicates are skipped, as database sequences skip them: ids are unique, not dense.
        T record = create.apply(nextId.getAndIncrement());
        T existing = byKey.putIfAbsent(key, record);
        if (existing != null) {
            throw GatewayRefusal.alreadyExists(keyLabel + "已存在: " + key + "（" + idName + " "
                    + idOf.applyAsLong(existing) + "）");
        }
        byId.put(idOf.applyAsLong(record), record);
        return record;
    }

    /**
     * Replaces the record of {@code key} by what {@code change} makes of it (keeping its id).
     *
     * @return the new record, or {@code null} when no record has that key
     */
    T replace(String key, UnaryOperator<T> change) {
        T changed = byKey.computeIfPresent(key, (k, stored) -> change.apply(stored));
        if (changed != null) {
            byId.put(idOf.applyAsLong(changed), changed);
        }
        return changed;
    }

    /** A live, unmodifiable view of every stored record in id order, for paging without a copy. */
    Collection<T> inIdOrder() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Every stored record in id order. */
    List<T> all() {
        return new ArrayList<>(byId.values());
    }

    /** How many add calls named each key, in key order. */
    Map<String, Integer> addCalls() {
        return addCalls.snapshot();
    }

    void clear() {
        byId.clear();
        byKey.clear();
        addCalls.clear();
        nextId.set(firstId);
    }

    /** Calls per key, counted lock-free. */
    static final class CallCounts {

        private final ConcurrentMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String key) {
            counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        /** The counts in key order. */
        Map<String, Integer> snapshot() {
            Map<String, Integer> snapshot = new TreeMap<>();
            counts.forEach((key, count) -> snapshot.put(key, count.get()));
            return snapshot;
        }

        void clear() {
            counts.clear();
        }
    }
}
