package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a QUERY operation asks for the next page ({@code paging.type}). */
public enum PagingType {
    /** A page number and a page size (the default when {@code type} is absent). */
    @JsonProperty("page-number")
    PAGE_NUMBER,
    /** The offset of the first record and a page size (limit). */
    @JsonProperty("offset-limit")
    OFFSET_LIMIT,
    /** A token from the previous answer, sent back in a parameter. */
    @JsonProperty("cursor")
    CURSOR,
    /** The next page's full URL, from the answer's body or its {@code Link} header. */
    @JsonProperty("next-url")
    NEXT_URL,
    /** One request, no paging parameters. */
    @JsonProperty("none")
    NONE
}
