package io.yunqiao.connector;

/**
 * Sees each HTTP request an operation call sends and what came back, with secrets, tokens and signatures already
 * masked: what a designer's try call shows. Passed per call, so one call's observer never sees another's exchange.
 */
@FunctionalInterface
public interface CallObserver {

    /** One request was sent (or failed to be answered); called on the calling thread. */
    void exchanged(CallTrace trace);
}
