package io.yunqiao.connector;

/**
 * A row transform ({@code rows:} of a QUERY operation) for APIs that answer rows as arrays with a separate column
 * list: each row at the records path becomes an object whose keys are the column names.
 *
 * @param columns dotted path of the column list in the answer; its entries are names, or objects with a
 *                {@code name}
 */
public record RowsSpec(String columns) {
}
