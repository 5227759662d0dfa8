package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * A stored customer.
 *
 * @param id       the customerId the gateway assigned
 * @param details  what was written
 * @param created  gmtCreate, to the second
 * @param modified gmtModified, to the second
 */
record Customer(long id, NewCustomer details, Instant created, Instant modified) {

    String customerCode() {
        return details.customerCode();
    }

    /** The record as {@code crm.customer.list} answers it; customerId is a string, like every other field. */
    void writeTo(ObjectNode node) {
        node.put("customerId", Long.toString(id));
        for (Map.Entry<String, String> field : details.fields().entrySet()) {
            node.put(field.getKey(), field.getValue());
        }
        node.put("gmtCreate", ChinaTime.format(created));
        node.put("gmtModified", ChinaTime.format(modified));
    }
}
