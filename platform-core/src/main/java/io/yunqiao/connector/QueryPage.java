package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of records answered by a QUERY operation.
 *
 * @param records the records at the operation's record path, in the vendor's order
 * @param request the page that was asked for
 * @param total   the vendor's total count of matching records, or {@code null} when it sends none
 * @param hasMore whether another page should be fetched (decided by the operation's stop rule)
 * @param cursor  where the next page continues (a token or a URL) for cursor and next-url paging, else
 *                {@code null}
 */
public record QueryPage(List<JsonNode> records, PageRequest request, Long total, boolean hasMore, String cursor) {

    public QueryPage {
        records = List.copyOf(records);
    }

    /** A page of an operation that pages by number or offset, or not at all. */
    public QueryPage(List<JsonNode> records, PageRequest request, Long total, boolean hasMore) {
        this(records, request, total, hasMore, null);
    }

    /** The page after this one. */
    public PageRequest next() {
        return cursor == null ? request.next() : request.next(cursor);
    }
}
