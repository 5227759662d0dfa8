package io.yunqiao.valuemap;

/**
 * What importing a value-map file did.
 *
 * @param table     the table imported into
 * @param encoding  the encoding the file was read in, e.g. {@code GB18030} or {@code UTF-8 (BOM)}
 * @param header    whether the file's first row was a header and skipped
 * @param read      entries read from the file
 * @param added     keys the table did not have
 * @param changed   keys whose value changed
 * @param removed   keys removed (replacing only: keys the file does not have)
 * @param entries   entries of the table afterwards
 */
public record ValueMapImport(String table, String encoding, boolean header, int read, int added, int changed,
        int removed, int entries) {

    /** What an import does with the entries already in the table. */
    public enum Mode {
        /** The table holds exactly the file's entries afterwards. */
        REPLACE,
        /** The file's entries are added or changed; the table's other entries stay. */
        MERGE
    }
}
