package io.yunqiao.run.search;

import java.util.List;

/**
 * What a search answers: the records found, exact matches first, then the most recently changed.
 *
 * @param query   the query as understood (trimmed, trailing wildcard removed)
 * @param records at most {@code limit} records
 * @param more    whether more records match than are listed: a longer text narrows the search
 * @param limit   the most records one search lists
 */
public record FoundRecords(SearchQuery query, List<FoundRecord> records, boolean more, int limit) {
}
