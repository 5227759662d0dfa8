package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a paged query has reached its last page. An empty page always ends paging. */
public enum StopRule {
    /** A page with fewer records than the page size is the last one. */
    @JsonProperty("short-page")
    SHORT_PAGE,
    /** The envelope's total count decides; without a total in the answer, a short page does. */
    @JsonProperty("total-count")
    TOTAL_COUNT
}
