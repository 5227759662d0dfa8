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

/** The goods written to one sandbox, unique by goodsNo, kept in goodsId order; lock-free like the customers. */
final class GoodsStore {

    /** The first goodsId handed out (after a reset too). */
    static final long FIRST_ID = 20_000_001L;

    private final AtomicLong nextId = new AtomicLong(FIRST_ID);
    private final ConcurrentMap<String, Goods> byNo = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Long, Goods> byId = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, AtomicInteger> addCalls = new ConcurrentHashMap<>();

    /** Notes one add call naming {@code goodsNo}, whatever its outcome. */
    void countAddCall(String goodsNo) {
        addCalls.computeIfAbsent(goodsNo, no -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Stores a new goods item.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#ALREADY_EXISTS} when its goodsNo is taken, as a
     *                        repeated customerCode is
     */
    Goods add(NewGoods details, Instant created) {
        Goods goods = new Goods(nextId.getAndIncrement(), details, created);
        Goods existing = byNo.putIfAbsent(details.goodsNo(), goods);
        if (existing != null) {
            throw GatewayRefusal.alreadyExists("货品编号已存在: " + details.goodsNo() + "（goodsId " + existing.id()
                    + "）");
        }
        byId.put(goods.id(), goods);
        return goods;
    }

    /** Every stored goods item in goodsId order. */
    List<Goods> all() {
        return new ArrayList<>(byId.values());
    }

    /** How many add calls named each goodsNo, in goodsNo order. */
    Map<String, Integer> addCalls() {
        Map<String, Integer> counts = new TreeMap<>();
        addCalls.forEach((no, count) -> counts.put(no, count.get()));
        return counts;
    }

    void clear() {
        byId.clear();
        byNo.clear();
        addCalls.clear();
        nextId.set(FIRST_ID);
    }
}
