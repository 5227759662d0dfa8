package io.yunqiao.connector;

/**
 * How to ask a target whether the record an EXECUTE request would create is there (对账查询): when a request may
 * have been applied but its answer was lost (a timeout, a broken connection), the engine asks with this QUERY
 * operation of the same connector before it calls the record failed.
 *
 * @param operation the QUERY operation of the same connector that finds records by the key
 * @param param     the query parameter that takes the key
 * @param key       the dotted path of the key in the EXECUTE request body, e.g. {@code customerCode}
 * @param match     the dotted path in a returned record that must equal the key for the record to count as found;
 *                  {@code key} when absent
 */
public record LookUpSpec(String operation, String param, String key, String match) {

    public LookUpSpec {
        match = match == null ? key : match;
    }
}
