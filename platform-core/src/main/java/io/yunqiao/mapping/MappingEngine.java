package io.yunqiao.mapping;

/**
 * A JSONata implementation behind one interface (SPI). Implementations are chosen by {@link #id()}, see
 * {@link MappingEngines#named(String)}.
 *
 * <p>Compile once per solution version, then evaluate the returned {@link Mapping} per record: compiling is the
 * expensive part, evaluating is cheap and safe from many threads at once.
 */
public interface MappingEngine {

    /** The syntax error of an expression nested too deeply for the parser. */
    String TOO_DEEP = "表达式嵌套太深，请减少括号或路径的层数 (the expression is nested too deeply; use fewer levels of"
            + " parentheses or path steps)";

    /** The configuration value that selects this engine ({@code yunqiao.mapping.engine}). */
    String id();

    /**
     * Parses an expression.
     *
     * @param expression the JSONata text, e.g. {@code {"customerCode": supplierid_number}}
     * @return the compiled mapping, reusable and thread-safe
     * @throws MappingSyntaxException when the text is not valid JSONata for this engine; it carries the position
     *                                (character offset, line and column) and a message a user can act on
     */
    Mapping compile(String expression) throws MappingSyntaxException;
}
