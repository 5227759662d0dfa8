package io.yunqiao.connector;

/**
 * How a QUERY operation pages.
 *
 * @param page        the parameter that takes the page number
 * @param size        the parameter that takes the page size
 * @param first       the number of the first page (often 1, sometimes 0)
 * @param maxSize     the largest page size the vendor accepts
 * @param defaultSize the page size used when a caller gives none
 * @param stop        how the last page is recognised
 * @param total       dotted path of the total record count in the envelope, if the vendor sends one
 */
public record PagingSpec(String page, String size, int first, int maxSize, int defaultSize, StopRule stop, String total) {

    public PagingSpec {
        stop = stop == null ? StopRule.SHORT_PAGE : stop;
        defaultSize = defaultSize > 0 ? Math.min(defaultSize, maxSize) : maxSize;
    }
}
