package io.yunqiao.secret;

/** A stored secret that the configured key cannot open. */
public class SecretKeyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretKeyMismatchException(String message) {
        super(message);
    }

    public SecretKeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
