package io.yunqiao.connectors.kingdee.sandbox;

/**
 * A refusal the sandbox answers: the HTTP status, the envelope's {@code errcode}, and its text in Chinese and
 * English. The V2 gateway's own codes (4xxx, 5xxx) are Kingdee's; the business codes (10xxx) are the sandbox's
 * choice, since Kingdee publishes none for these cases. docs/connectors/kingdee-jdy.md lists them all.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A parameter is missing, unreadable or out of range. */
    static final int BAD_PARAMETER = 10001;
    /** V1: the access_token is unknown or expired. */
    static final int BAD_TOKEN = 10010;
    /** client_id/client_secret, or app_key/app_signature, refused. */
    static final int BAD_APP = 10011;
    /** username/password refused. */
    static final int BAD_USER = 10012;
    /** The groupName/accountId headers name no account group of the user. */
    static final int BAD_ACCOUNT_GROUP = 10013;
    /** No such bill. */
    static final int NOT_FOUND = 10020;
    /** V1: too many requests. */
    static final int THROTTLED = 10029;
    /** V1: no such API. */
    static final int NO_SUCH_API = 10404;
    /** V1: the API exists but not with this HTTP method. */
    static final int BAD_METHOD = 10405;

    /** V2 gateway, HTTP 519: X-Api-ClientID missing or unknown. */
    static final int GW_UNKNOWN_CLIENT = 4003;
    /** V2 gateway, HTTP 519: X-Api-TimeStamp missing, not a number, or more than 5 minutes from now. */
    static final int GW_TIMESTAMP = 4006;
    /** V2 gateway, HTTP 519: an X-Api-* header, or a header named in X-Api-SignHeaders, missing or wrong. */
    static final int GW_SIGN_HEADERS = 4007;
    /** V2 gateway, HTTP 519: X-Api-Signature is not the signature of the request. */
    static final int GW_SIGNATURE = 4008;
    /** V2 gateway, HTTP 519: the app-token is missing or unknown. */
    static final int GW_TOKEN_INVALID = 4010;
    /** V2 gateway, HTTP 519: the app-token has expired. */
    static final int GW_TOKEN_EXPIRED = 4011;
    /** V2 gateway, HTTP 404: no such API. */
    static final int GW_NO_SUCH_API = 5001;
    /** V2 gateway, HTTP 405: the API exists but not with this HTTP method. */
    static final int GW_BAD_METHOD = 5002;
    /** V2 gateway, HTTP 429: overload, too many requests. */
    static final int GW_OVERLOAD = 5007;

    /** The gateway's own status for a refused signature, timestamp, X-Api header or app-token. */
    static final int GATEWAY_STATUS = 519;

    private final int status;
    private final int code;
    private final String english;

    Refusal(int status, int code, String chinese, String english) {
        super(chinese, null, false, false);
        this.status = status;
        this.code = code;
        this.english = english;
    }

    /** A business error: HTTP 200 with a non-zero errcode, as Kingdee answers them. */
    static Refusal of(int code, String chinese, String english) {
        return new Refusal(200, code, chinese, english);
    }

    static Refusal badParameter(String chinese, String english) {
        return of(BAD_PARAMETER, "参数错误：" + chinese, "bad parameter: " + english);
    }

    /** A refusal of the V2 gateway's signature check (HTTP 519). */
    static Refusal gateway(int code, String chinese, String english) {
        return new Refusal(GATEWAY_STATUS, code, chinese, english);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    /** The Chinese text. */
    String description() {
        return getMessage();
    }

    String english() {
        return english;
    }
}
