package io.yunqiao.connection;

import java.time.Duration;

/**
 * The outcome of testing a connection.
 *
 * @param ok        whether the vendor accepted the credentials and answered
 * @param operation the operation used for the test
 * @param message   "ok", or the classified error naming the connection
 * @param duration  how long the test took
 */
public record ConnectionTest(boolean ok, String operation, String message, Duration duration) {
}
