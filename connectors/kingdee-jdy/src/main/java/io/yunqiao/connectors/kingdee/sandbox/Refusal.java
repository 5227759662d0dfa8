package io.yunqiao.connectors.kingdee.sandbox;

/**
 * A vendor error answer: the HTTP status and the envelope's {@code errcode} and Chinese {@code description}.
 * The codes are the sandbox's choice (protocols.md names none); docs/connectors/kingdee-jdy.md lists them.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A parameter is missing, unreadable or out of range. */
    static final int BAD_PARAMETER = 10001;
    /** The access_token or app-token is unknown or expired. */
    static final int BAD_TOKEN = 10010;
    /** client_id/client_secret, or app_key/app_signature, refused. */
    static final int BAD_APP = 10011;
    /** username/password refused. */
    static final int BAD_USER = 10012;
    /** The groupName/accountId headers name no account group of the user. */
    static final int BAD_ACCOUNT_GROUP = 10013;
    /** No such bill. */
    static final int NOT_FOUND = 10020;
    /** Too many requests. */
    static final int THROTTLED = 10029;
    /** No such API. */
    static final int NO_SUCH_API = 10404;
    /** The API exists but not with this HTTP method. */
    static final int BAD_METHOD = 10405;
    /** V2 gateway: the X-Api-* headers or the signature are wrong (answered with HTTP 519). */
    static final int BAD_SIGNATURE = 10519;

    private final int status;
    private final int code;

    Refusal(int status, int code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A business error: HTTP 200 with a non-zero errcode, as Kingdee answers them. */
    static Refusal of(int code, String description) {
        return new Refusal(200, code, description);
    }

    static Refusal badParameter(String description) {
        return of(BAD_PARAMETER, "参数错误：" + description);
    }

    static Refusal badSignature(String description) {
        return new Refusal(519, BAD_SIGNATURE, description);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    String description() {
        return getMessage();
    }
}
