package io.yunqiao.mapping;

/**
 * A record error found by our side of an evaluation — a mapping function refusing its arguments, a result JSON
 * cannot carry. The message is what users read in the record log.
 */
class MappingEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MappingEvaluationException(String message) {
        super(message);
    }

    MappingEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
