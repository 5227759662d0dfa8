package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The bizcontent of a {@code crm.customer.list} call: an optional gmtModified window (both ends inclusive), a page
 * ({@code pageIndex} from 0, {@code pageSize} 1–{@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}) and
 * whether to count all matches ({@code hasTotal} 1/0 or true/false, default 0).
 */
record CustomerQuery(Instant begin, Instant end, int pageIndex, int pageSize, boolean hasTotal) {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    /**
     * @param maxWindow the longest window accepted when both ends are given; zero accepts any
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER}, naming the parameter
     */
    static CustomerQuery from(JsonNode bizcontent, Duration maxWindow) {
        Instant begin = time(bizcontent, "gmtModifiedBegin");
        Instant end = time(bizcontent, "gmtModifiedEnd");
        if (begin != null && end != null) {
            if (begin.isAfter(end)) {
                throw GatewayRefusal.invalid("gmtModifiedBegin 不能晚于 gmtModifiedEnd");
            }
            if (!maxWindow.isZero() && Duration.between(begin, end).compareTo(maxWindow) > 0) {
                throw GatewayRefusal.invalid("修改时间起止时间差不能超过" + maxWindow.toHours() + "小时");
            }
        }
        int pageIndex = whole(bizcontent, "pageIndex", 0);
        int pageSize = whole(bizcontent, "pageSize", DEFAULT_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw GatewayRefusal.invalid("pageSize 应在 1 到 " + MAX_PAGE_SIZE + " 之间，收到 " + pageSize);
        }
        return new CustomerQuery(begin, end, pageIndex, pageSize, flag(bizcontent, "hasTotal"));
    }

    boolean matches(Customer customer) {
        Instant modified = customer.modified();
        return (begin == null || !modified.isBefore(begin)) && (end == null || !modified.isAfter(end));
    }

    private static Instant time(JsonNode bizcontent, String name) {
        JsonNode value = bizcontent.get(name);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        Instant instant = ChinaTime.parseOrNull(value.asText().trim());
        if (instant == null) {
            throw GatewayRefusal.invalid(name + " 格式应为 " + ChinaTime.PATTERN + "，收到 \"" + value.asText() + "\"");
        }
        return instant;
    }

    private static int whole(JsonNode bizcontent, String name, int fallback) {
        JsonNode value = bizcontent.get(name);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.asText().trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw GatewayRefusal.invalid(name + " 应为非负整数，收到 \"" + value.asText() + "\"");
    }

    private static boolean flag(JsonNode bizcontent, String name) {
        JsonNode value = bizcontent.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        return switch (value.asText().trim()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw GatewayRefusal.invalid(name + " 应为 0 或 1，收到 \"" + value.asText() + "\"");
        };
    }
}
