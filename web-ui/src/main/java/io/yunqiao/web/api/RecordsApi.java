package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.run.search.FoundRecords;
import io.yunqiao.run.search.RecordSearch;
import io.yunqiao.run.search.SearchQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records found by business key across every solution and run: what the search box of the runs screen asks.
 * Readable by every role, like the runs themselves; the answer holds keys, states and run ids, no content.
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "Records 数据查找", description = "Find staged records by bill number, source key or target key")
class RecordsApi {

    private final RecordSearch search;

    RecordsApi(RecordSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Records whose bill number (code), source key or target key equals q or starts with it,"
            + " across every solution: exact matches first, then the most recently changed, at most 200"
            + " (more=true when more match), each with its solution, current status and the runs it appears in"
            + " (run id, record log id, its status in that run), newest first. An empty q, one longer than 300"
            + " characters or one of wildcards only (*, %, _, ?) answers 400 with a code (problem.search.*)")
    FoundRecords find(
            @Parameter(description = "the bill number, source key or target key, or its beginning, e.g. CGRK-2026;"
                    + " % and _ match only themselves, a trailing * asks for a prefix search")
            @RequestParam(required = false) String q,
            @Parameter(description = "PREFIX (default): the key starts with q; EXACT: the key equals q")
            @RequestParam(required = false) SearchQuery.Match match) {
        return search.find(SearchQuery.parse(q, match));
    }
}
