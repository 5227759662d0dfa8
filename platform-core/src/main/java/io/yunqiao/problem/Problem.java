package io.yunqiao.problem;

/**
 * A request the platform refuses, with a message a user can act on: what is wrong, where, and how to fix it.
 * Nothing already saved is changed when one is thrown.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal; the REST API maps it to an HTTP status. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** What the input refers to does not exist (404). */
        NOT_FOUND,
        /** The request clashes with the current state (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public Problem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, field, message);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(Kind.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    public static Problem conflict(String message) {
        return new Problem(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault (a JSON path such as {@code target.mapping}), or {@code null}. */
    public String field() {
        return field;
    }
}
