package io.yunqiao.connector;

/**
 * Which page of a QUERY to fetch.
 *
 * @param index  0 for the first page, whatever number the vendor gives its first page; counts pages for every
 *               paging type
 * @param size   records per page; at most the operation's {@link PagingSpec#maxSize()}
 * @param cursor where the page continues: for {@link PagingType#CURSOR cursor} paging the token the previous answer
 *               gave, for {@link PagingType#NEXT_URL next-url} paging the next page's full URL; {@code null} for the
 *               first page and for page-number and offset-limit paging
 */
public record PageRequest(int index, int size, String cursor) {

    public PageRequest {
        if (index < 0) {
            throw new IllegalArgumentException("page index must be 0 or more, was " + index);
        }
        if (size < 1) {
            throw new IllegalArgumentException("page size must be 1 or more, was " + size);
        }
    }

    /** The page at {@code index}, for paging by number or offset. */
    public PageRequest(int index, int size) {
        this(index, size, null);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The page after this one, by number or offset. */
    public PageRequest next() {
        return new PageRequest(index + 1, size);
    }

    /** The page after this one, continuing at {@code nextCursor} (a token or a URL). */
    public PageRequest next(String nextCursor) {
        return new PageRequest(index + 1, size, nextCursor);
    }
}
