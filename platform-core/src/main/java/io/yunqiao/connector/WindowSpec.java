package io.yunqiao.connector;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which parameters of a QUERY operation take the incremental window, and in which format.
 *
 * @param start  the parameter taking the window start (inclusive)
 * @param end    the parameter taking the window end
 * @param format how both are written
 */
public record WindowSpec(String start, String end, TimeFormat format) {

    /** The two parameters for a window, formatted. */
    public Map<String, Object> params(Instant from, Instant to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(start, format.format(from));
        params.put(end, format.format(to));
        return params;
    }
}
