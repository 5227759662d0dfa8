package io.yunqiao.connector;

import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.problem.StoredMessage;
import java.util.Locale;

/**
 * An answer larger than the platform reads ({@code yunqiao.engine.max-page-bytes}): reading stopped at the limit, the
 * page was not used. Not retryable: the same request would answer the same page. Its text is coded
 * ({@value #CODE}) so it reads in the reader's language.
 */
public class AnswerTooLargeException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    /** The message code, in {@code i18n/problems*.properties}. */
    public static final String CODE = "problem.engine.pageTooLarge";

    private final long limit;

    AnswerTooLargeException(Connection connection, String operationId, int httpStatus, long limit,
            Throwable cause) {
        super(ErrorClass.OTHER, connection, operationId, null, httpStatus,
                StoredMessage.of(CODE, params(connection == null ? "" : connection.name(), operationId, limit))
                        .store(), cause);
        this.limit = limit;
    }

    private static Object[] params(String connectionName, String operationId, long limit) {
        return new Object[] {connectionName, operationId, String.valueOf(limit)};
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** The message code. */
    public String code() {
        return CODE;
    }

    /** The reason in {@code locale}'s language (Chinese unless English). */
    public String message(Locale locale) {
        return ProblemTexts.render(CODE, locale, params(connectionName(), operationId(), limit));
    }
}
