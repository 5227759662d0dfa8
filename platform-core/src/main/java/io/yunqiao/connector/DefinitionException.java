package io.yunqiao.connector;

/** A connector definition that cannot be used: the message names the file, the place in it and the rule broken. */
public class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
