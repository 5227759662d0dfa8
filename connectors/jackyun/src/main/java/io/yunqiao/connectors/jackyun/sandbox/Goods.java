package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * A stored goods item (货品).
 *
 * @param id      the goodsId the gateway assigned
 * @param details what was written
 * @param created gmtCreate, to the second
 */
record Goods(long id, NewGoods details, Instant created) {

    /** The first goodsId handed out (after a reset too). */
    static final long FIRST_ID = 20_000_001L;

    /** The record as the admin snapshot shows it; goodsId is a string, like every other field. */
    void writeTo(ObjectNode node) {
        node.put("goodsId", Long.toString(id));
        for (Map.Entry<String, String> field : details.fields().entrySet()) {
            node.put(field.getKey(), field.getValue());
        }
        node.put("gmtCreate", ChinaTime.format(created));
    }
}
