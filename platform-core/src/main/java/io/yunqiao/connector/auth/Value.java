package io.yunqiao.connector.auth;

/** A parameter value of a declarative scheme: a text {@link Template} or a {@link Digest} of templates. */
sealed interface Value permits Template, Digest {

    /** The value for one request; empty when every part it names is empty. */
    String render(Scope scope);

    /** Whether the value is a secret, a token or a signature: shown masked wherever a request is logged. */
    boolean sensitive();
}
