package io.yunqiao.connector;

/** What a look-up ({@link LookUpSpec}) found out about a record at the target. */
public enum Presence {
    /** The target holds a record with the key: the request was applied. */
    PRESENT,
    /** The target answered, and holds no record with the key: the request was not applied. */
    ABSENT,
    /** No answer: the operation declares no look-up, the body has no key, or the look-up itself failed. */
    UNKNOWN
}
