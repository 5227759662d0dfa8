package io.yunqiao.connector;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;

/**
 * A classified failure of a call to a vendor: names the connection and operation, says what the vendor answered
 * and what kind of failure it is.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;
    private final String connectionName;
    private final String operationId;
    private final String vendorCode;
    private final int httpStatus;
    private final String detail;

    public ConnectorException(ErrorClass errorClass, Connection connection, String operationId, String message) {
        this(errorClass, connection, operationId, null, 0, message, null);
    }

    public ConnectorException(ErrorClass errorClass, Connection connection, String operationId, String vendorCode,
            int httpStatus, String message, Throwable cause) {
        super(describe(errorClass, connection, operationId, vendorCode, httpStatus, message), cause);
        this.errorClass = errorClass;
        this.connectionName = connection == null ? null : connection.name();
        this.operationId = operationId;
        this.vendorCode = vendorCode;
        this.httpStatus = httpStatus;
        this.detail = message;
    }

    /**
     * The failure as a {@link StoredMessage}, for a run's error that is read later in the reader's language: the
     * connection, the operation, the kind of failure in words, the HTTP status and vendor code when there are, and
     * the vendor's own message (itself coded when it is a summarised web page).
     */
    public StoredMessage stored() {
        return StoredMessage.of("connector.failed", connectionName == null ? "" : connectionName,
                operationId == null ? "" : operationId, StoredMessage.of("connector.errorClass." + errorClass).store(),
                httpStatus == 0 ? "" : StoredMessage.of("connector.failed.http", httpStatus).store(),
                vendorCode == null ? "" : StoredMessage.of("connector.failed.vendorCode", vendorCode).store(),
                detail == null ? "" : detail);
    }

    private static String describe(ErrorClass errorClass, Connection connection, String operationId,
            String vendorCode, int httpStatus, String message) {
        StringBuilder text = new StringBuilder().append('[').append(errorClass).append("] ");
        if (connection != null) {
            text.append("connection '").append(connection.name()).append("' (").append(connection.connectorId())
                    .append(')');
        }
        if (operationId != null) {
            text.append(", operation ").append(operationId);
        }
        if (httpStatus != 0) {
            text.append(", HTTP ").append(httpStatus);
        }
        if (vendorCode != null) {
            text.append(", vendor code ").append(vendorCode);
        }
        // an operator's sentence: a coded message (a summarised web page) reads in English here
        return text.append(": ").append(StoredMessage.render(message, Locale.ENGLISH)).toString();
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public String connectionName() {
        return connectionName;
    }

    public String operationId() {
        return operationId;
    }

    /** The vendor's error code, or {@code null}. */
    public String vendorCode() {
        return vendorCode;
    }

    /** The HTTP status of the answer, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
