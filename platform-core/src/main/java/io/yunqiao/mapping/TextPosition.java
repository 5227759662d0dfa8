package io.yunqiao.mapping;

/**
 * Where a character offset falls in a multi-line expression, as editors count: line and column from 1.
 *
 * @param offset 0-based character offset, clamped to the text
 * @param line   1-based line
 * @param column 1-based column within the line
 */
record TextPosition(int offset, int line, int column) {

    static TextPosition of(String text, int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(clamped, line, clamped - lineStart + 1);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
