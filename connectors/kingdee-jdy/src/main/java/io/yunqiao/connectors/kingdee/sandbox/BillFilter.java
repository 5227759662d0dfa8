package io.yunqiao.connectors.kingdee.sandbox;

/**
 * What a list query asks for. Time bounds are inclusive epoch milliseconds, day bounds inclusive epoch days; an
 * absent bound is the extreme value.
 *
 * @param status     {@code 'C'}, {@code 'Z'} or 0 for all
 * @param supplier   a supplier index, {@link #ANY}, or {@link #NONE} for an id the data set does not know
 * @param search     lower-case text to find in supplier, employee and material names and bill numbers, or null
 */
record BillFilter(
        char status,
        long createFrom,
        long createTo,
        long modifyFrom,
        long modifyTo,
        long billDayFrom,
        long billDayTo,
        int supplier,
        int department,
        int employee,
        String search) {

    /** No restriction on a master-data reference. */
    static final int ANY = -1;
    /** A reference no bill has. */
    static final int NONE = -2;

    static Builder builder() {
        return new Builder();
    }

    /** Collects bounds; several bounds on the same attribute intersect. */
    static final class Builder {
        private char status;
        private long createFrom = Long.MIN_VALUE;
        private long createTo = Long.MAX_VALUE;
        private long modifyFrom = Long.MIN_VALUE;
        private long modifyTo = Long.MAX_VALUE;
        private long billDayFrom = Long.MIN_VALUE;
        private long billDayTo = Long.MAX_VALUE;
        private int supplier = ANY;
        private int department = ANY;
        private int employee = ANY;
        private String search;

        Builder status(char value) {
            status = value;
            return this;
        }

        Builder createdFrom(long value) {
            createFrom = Math.max(createFrom, value);
            return this;
        }

        Builder createdTo(long value) {
            createTo = Math.min(createTo, value);
            return this;
        }

        Builder modifiedFrom(long value) {
            modifyFrom = Math.max(modifyFrom, value);
            return this;
        }

        Builder modifiedTo(long value) {
            modifyTo = Math.min(modifyTo, value);
            return this;
        }

        Builder billDayFrom(long value) {
            billDayFrom = Math.max(billDayFrom, value);
            return this;
        }

        Builder billDayTo(long value) {
            billDayTo = Math.min(billDayTo, value);
            return this;
        }

        Builder supplier(int value) {
            supplier = value;
            return this;
        }

        Builder department(int value) {
            department = value;
            return this;
        }

        Builder employee(int value) {
            employee = value;
            return this;
        }

        Builder search(String value) {
            search = value;
            return this;
        }

        BillFilter build() {
            return new BillFilter(status, createFrom, createTo, modifyFrom, modifyTo, billDayFrom, billDayTo, supplier,
                    department, employee, search);
        }
    }
}
