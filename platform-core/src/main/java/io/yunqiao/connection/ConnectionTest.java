package io.yunqiao.connection;

import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.problem.StoredMessage;
import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of testing a connection.
 *
 * @param ok               whether the vendor accepted the credentials and answered
 * @param operation        the operation used for the test
 * @param message          a stored coded message ({@link StoredMessage}): the connection works, or the classified
 *                         error naming the connection; {@link #message(Locale)} reads it
 * @param duration         how long the test took
 * @param unmatchedRecords the operation's records path when it matched nothing in a successful answer (the path may
 *                         be wrong, or the system has no data yet), else {@code null}
 */
public record ConnectionTest(boolean ok, String operation, String message, Duration duration,
        String unmatchedRecords) {

    /** An outcome without a remark on the records path (a failed test, or records found). */
    public ConnectionTest(boolean ok, String operation, String message, Duration duration) {
        this(ok, operation, message, duration, null);
    }

    /** The outcome in {@code locale}'s language. */
    public String message(Locale locale) {
        return StoredMessage.render(message, locale);
    }

    /** What a person should check after the test, in {@code locale}'s language, or {@code null} when nothing. */
    public String note(Locale locale) {
        return unmatchedRecords == null ? null
                : ProblemTexts.render("problem.connection.test.recordsUnmatched", locale, operation, unmatchedRecords);
    }
}
