package io.yunqiao.mapping;

/**
 * A JSONata expression that does not parse. Carries where: the character offset in the expression and the line and
 * column computed from the expression text (both 1-based), so an editor can put the cursor there. The message reads
 * {@code JSONata 语法错误 at line 2, column 5: Expected "}", got "b"}.
 */
public class MappingSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final int position;
    private final int line;
    private final int column;

    /**
     * @param expression the text that failed to parse
     * @param position   0-based character offset of the offending token, or -1 when the engine did not say
     * @param detail     the engine's explanation, e.g. {@code Expected "}", got "b"}
     * @param cause      the engine's exception
     */
    public MappingSyntaxException(String expression, int position, String detail, Throwable cause) {
        this(position < 0 || expression == null ? null : TextPosition.of(expression, position), detail, cause);
    }

    private MappingSyntaxException(TextPosition where, String detail, Throwable cause) {
        super("JSONata 语法错误" + (where == null ? "" : " at " + where) + ": " + detail, cause);
        this.detail = detail;
        this.position = where == null ? -1 : where.offset();
        this.line = where == null ? -1 : where.line();
        this.column = where == null ? -1 : where.column();
    }

    /** The engine's explanation without the position prefix. */
    public String detail() {
        return detail;
    }

    /** 0-based character offset into the expression, or -1 when unknown. */
    public int position() {
        return position;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column within {@link #line()}, or -1 when unknown. */
    public int column() {
        return column;
    }
}
