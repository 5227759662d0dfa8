package io.yunqiao.connector;

/**
 * Which page of a QUERY to fetch.
 *
 * @param index 0 for the first page, whatever number the vendor gives its first page
 * @param size  records per page; at most the operation's {@link PagingSpec#maxSize()}
 */
public record PageRequest(int index, int size) {

    public PageRequest {
        if (index < 0) {
            throw new IllegalArgumentException("page index must be 0 or more, was " + index);
        }
        if (size < 1) {
            throw new IllegalArgumentException("page size must be 1 or more, was " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public PageRequest next() {
        return new PageRequest(index + 1, size);
    }
}
