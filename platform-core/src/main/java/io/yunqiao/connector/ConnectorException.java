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
