package io.yunqiao.connectors.jackyun.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customers written to one sandbox, unique by customerCode, listed in customerId order; lock-free, so that
 * benchmark threads adding thousands of customers a second do not queue behind each other.
 */
final class CustomerStore {

    /** The first customerId handed out (after a reset too). */
    static final long FIRST_ID = 10_000_001L;

    private final KeyedStore<Customer> customers = new KeyedStore<>(FIRST_ID, "客户编号", "customerId", Customer::id);
    private final KeyedStore.CallCounts updateCalls = new KeyedStore.CallCounts();

    /** Notes one add call naming {@code customerCode}, whatever its outcome. */
    void countAddCall(String customerCode) {
        customers.countAddCall(customerCode);
    }

    /** Notes one update call naming {@code customerCode}, whatever its outcome. */
    void countUpdateCall(String customerCode) {
        updateCalls.count(customerCode);
    }

    /**
     * Changes the stored customer of {@code changes}' customerCode: the given fields replace the stored ones, the
     * others stay; its customerId and gmtCreate stay, gmtModified becomes {@code modified}.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#NOT_FOUND} when no customer has that code
     */
    Customer update(NewCustomer changes, Instant modified) {
        Customer updated = customers.replace(changes.customerCode(), stored -> new Customer(stored.id(),
                stored.details().with(changes), stored.created(), modified));
        if (updated == null) {
            throw GatewayRefusal.notFound("客户不存在: 客户编号 " + changes.customerCode() + " 没有对应的客户，无法修改");
        }
        return updated;
    }

    /**
     * Stores a new customer.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#ALREADY_EXISTS} when its customerCode is taken
     */
    Customer add(NewCustomer details, Instant created, Instant modified) {
        return customers.add(details.customerCode(), id -> new Customer(id, details, created, modified));
    }

    /** One page of the customers matching {@code query}, in customerId order, with the count of all matches. */
    Page list(CustomerQuery query) {
        long skip = (long) query.pageIndex() * query.pageSize();
        List<Customer> page = new ArrayList<>(Math.min(query.pageSize(), 256));
        long matched = 0;
        for (Customer customer : customers.inIdOrder()) {
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
        return customers.all();
    }

    /** How many add calls named each customerCode, in code order. */
    Map<String, Integer> addCalls() {
        return customers.addCalls();
    }

    /** How many update calls named each customerCode, in code order. */
    Map<String, Integer> updateCalls() {
        return updateCalls.snapshot();
    }

    void clear() {
        customers.clear();
        updateCalls.clear();
    }

    /**
     * @param customers the page
     * @param total     the number of all matches, or {@code null} when not asked for
     */
    record Page(List<Customer> customers, Long total) {
    }
}
