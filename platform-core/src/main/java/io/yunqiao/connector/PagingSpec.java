package io.yunqiao.connector;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a QUERY operation pages ({@code paging:} of an operation). Which properties apply depends on {@link #type()}:
 * <ul>
 * <li>{@code page-number}: {@code page}, {@code size}, {@code first} (number of the first page), {@code maxSize},
 *     {@code defaultSize}, {@code stop}, {@code total};</li>
 * <li>{@code offset-limit}: {@code offset}, {@code limit}, {@code first} (the first offset, default 0),
 *     {@code maxSize}, {@code defaultSize}, {@code stop}, {@code total};</li>
 * <li>{@code cursor}: {@code param} (takes the token), {@code next} (path of the next token), {@code hasMore}
 *     (optional boolean path), {@code size} with {@code maxSize} and {@code defaultSize} (optional);</li>
 * <li>{@code next-url}: {@code from} ({@code body}, the default, or {@code link-header}), {@code next} (body path of
 *     the next URL), {@code size} with {@code maxSize} and {@code defaultSize} (optional, sent on the first request
 *     only);</li>
 * <li>{@code none}: nothing; such an operation is read as unpaged.</li>
 * </ul>
 *
 * @param type        how the next page is asked for; page-number when absent
 * @param page        page-number: the parameter that takes the page number
 * @param size        page-number, cursor, next-url: the parameter that takes the page size
 * @param offset      offset-limit: the parameter that takes the offset of the page's first record
 * @param limit       offset-limit: the parameter that takes the page size
 * @param param       cursor: the parameter that takes the token of the next page
 * @param next        cursor: dotted path of the next token in the answer; next-url from body: of the next URL
 * @param from        next-url: where the next URL is found
 * @param hasMore     cursor: dotted path of a boolean that says whether more pages follow (optional)
 * @param first       page-number: the number of the first page (often 1, sometimes 0); offset-limit: the first offset
 * @param maxSize     the largest page size the vendor accepts
 * @param defaultSize the page size used when a caller gives none
 * @param stop        page-number, offset-limit: how the last page is recognised
 * @param total       page-number, offset-limit: dotted path of the total record count, if the vendor sends one
 */
public record PagingSpec(PagingType type, String page, String size, String offset, String limit, String param,
        String next, NextUrlSource from, String hasMore, int first, int maxSize, int defaultSize, StopRule stop,
        String total) {

    /** The largest page size of an operation whose paging sends no size (a cursor or next-url without one). */
    static final int UNSENT_MAX_SIZE = 100;

    public PagingSpec {
        type = type == null ? PagingType.PAGE_NUMBER : type;
        from = from == null && type == PagingType.NEXT_URL ? NextUrlSource.BODY : from;
        stop = stop == null ? StopRule.SHORT_PAGE : stop;
        maxSize = maxSize > 0 ? maxSize : UNSENT_MAX_SIZE;
        defaultSize = defaultSize > 0 ? Math.min(defaultSize, maxSize) : maxSize;
    }

    /** The parameter that takes the page size ({@code size}, or {@code limit} for offset-limit), or {@code null}. */
    public String sizeParam() {
        return type == PagingType.OFFSET_LIMIT ? limit : size;
    }

    /** Whether the page size is sent, so that it must stay within {@link #maxSize()}. */
    public boolean sendsSize() {
        return sizeParam() != null;
    }

    /** The parameters the runtime fills while paging (callers do not give them). */
    public Set<String> runtimeParams() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {page, offset, param, sizeParam()}) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether the last page is found by counting records ({@link #stop()}), as page-number and offset-limit do. */
    boolean counts() {
        return type == PagingType.PAGE_NUMBER || type == PagingType.OFFSET_LIMIT;
    }
}
