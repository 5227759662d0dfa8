package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a {@link PagingType#NEXT_URL next-url} operation finds the next page's URL ({@code paging.from}). */
public enum NextUrlSource {
    /** At the body path {@code paging.next}. */
    @JsonProperty("body")
    BODY,
    /** In the {@code Link} header's entry with {@code rel="next"} (RFC 8288). */
    @JsonProperty("link-header")
    LINK_HEADER
}
