package io.yunqiao.connectors.jackyun.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customers written to one sandbox, unique by customerCode, listed in customerId order; lock-free, so that
 * benchmark threads adding thousands of customers a second do not queue behind each other.
 */
final class CustomerStore {

    /** The first customerId handed out (after a reset too). */
    static final long FIRST_ID = 10_000_001L;

    private final AtomicLong nextId = new AtomicLong(FIRST_ID);
    private final ConcurrentMap<String, Customer> byCode = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Long, Customer> byId = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, AtomicInteger> addCalls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> updateCalls = new ConcurrentHashMap<>();

    /** Notes one add call naming {@code customerCode}, whatever its outcome. */
    void countAddCall(String customerCode) {
        addCalls.computeIfAbsent(customerCode, code -> new AtomicInteger()).incrementAndGet();
    }

    /** Notes one update call naming {@code customerCode}, whatever its outcome. */
    void countUpdateCall(String customerCode) {
        updateCalls.computeIfAbsent(customerCode, code -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Changes the stored customer of {@code changes}' customerCode: the given fields replace the stored ones, the
     * others stay; its customerId and gmtCreate stay, gmtModified becomes {@code modified}.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#NOT_FOUND} when no customer has that code
     */
    Customer update(NewCustomer changes, Instant modified) {
        Customer updated = byCode.computeIfPresent(changes.customerCode(), (code, stored) -> new Customer(stored.id(),
                stored.details().with(changes), stored.created(), modified));
        if (updated == null) {
            throw GatewayRefusal.notFound("客户不存在: 客户编号 " + changes.customerCode() + " 没有对应的客户，无法修改");
        }
        byId.put(updated.id(), updated);
        return updated;
    }

    /**
     * Stores a new customer.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#ALREADY_EXISTS} when its customerCode is taken
     */
    Customer add(NewCustomer details, Instant created, Instant modified) {
        // Ids of refused duplicates are skipped, as database sequences skip them: ids are unique, not dense.
        Customer customer = new Customer(nextId.getAndIncrement(), details, created, modified);
        Customer existing = byCode.putIfAbsent(details.customerCode(), customer);
        if (existing != null) {
            throw GatewayRefusal.alreadyExists("客户编号已存在: " + details.customerCode() + "（customerId "
                    + existing.id() + "）");
        }
        byId.put(customer.id(), customer);
        return customer;
    }

    /** One page of the customers matching {@code query}, in customerId order, with the count of all matches. */
    Page list(CustomerQuery query) {
        long skip = (long) query.pageIndex() * query.pageSize();
        List<Customer> page = new ArrayList<>(Math.min(query.pageSize(), 256));
        long matched = 0;
        for (Customer customer : byId.values()) {
            if (!query.matches(customer)) {
                continue;
            }
            if (matched >= skip && page.size() < query.pageSize()) {
                page.add(customer);
            }
            matched++;
            if (!query.hasTotal() && page.size() == query.pageSize()) {
                break;
            }
        }
        return new Page(page, query.hasTotal() ? matched : null);
    }

    /** Every stored customer in customerId order. */
    List<Customer> all() {
        return new ArrayList<>(byId.values());
    }

    /** How many add calls named each customerCode, in code order. */
    Map<String, Integer> addCalls() {
        Map<String, Integer> counts = new TreeMap<>();
        addCalls.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    /** How many update calls named each customerCode, in code order. */
    Map<String, Integer> updateCalls() {
        Map<String, Integer> counts = new TreeMap<>();
        updateCalls.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    void clear() {
        byId.clear();
        byCode.clear();
        addCalls.clear();
        updateCalls.clear();
        nextId.set(FIRST_ID);
    }

    /**
     * @param customers the page
     * @param total     the number of all matches, or {@code null} when not asked for
     */
    record Page(List<Customer> customers, Long total) {
    }
}
