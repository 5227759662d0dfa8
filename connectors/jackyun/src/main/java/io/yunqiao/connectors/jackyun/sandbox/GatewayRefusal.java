package io.yunqiao.connectors.jackyun.sandbox;

/**
 * A call the gateway refuses, with the envelope {@code code}, {@code subCode} and {@code msg} it answers. Thrown
 * along the checks and turned into the vendor's envelope in one place; no stack trace, since refusals are ordinary
 * answers and benchmarks provoke many of them.
 */
final class GatewayRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A common gateway parameter is missing or malformed, or the call is not a form POST (sandbox choice). */
    static final String COMMON_PARAMETER = "0858030800";
    /** The sign does not match. */
    static final String BAD_SIGN = "0858030801";
    /** No application has this appkey. */
    static final String UNKNOWN_APP_KEY = "0858030802";
    /** The token is missing or wrong. */
    static final String BAD_TOKEN = "0858030803";
    /** The timestamp is malformed or too far from the gateway's clock (sandbox choice). */
    static final String BAD_TIMESTAMP = "0858030804";
    /** The method does not exist or the application has not subscribed to it. */
    static final String NOT_SUBSCRIBED = "0130020310";
    /** Too many calls of this appkey; retry later. */
    static final String THROTTLED = "0859999999";
    /** A business parameter is missing or out of range. */
    static final String INVALID_PARAMETER = "0050030002";
    /** The record already exists, e.g. a repeated customerCode (sandbox choice). */
    static final String ALREADY_EXISTS = "0050030003";
    /** The record to change does not exist, e.g. an unknown customerCode (sandbox choice). */
    static final String NOT_FOUND = "0050030004";

    private final int code;
    private final String subCode;

    private GatewayRefusal(int code, String subCode, String message) {
        super(message, null, false, false);
        this.code = code;
        this.subCode = subCode;
    }

    static GatewayRefusal commonParameter(String message) {
        return new GatewayRefusal(400, COMMON_PARAMETER, message);
    }

    static GatewayRefusal badSign() {
        return new GatewayRefusal(401, BAD_SIGN, "签名错误(sign 校验失败)");
    }

    static GatewayRefusal unknownAppKey(String appKey) {
        return new GatewayRefusal(401, UNKNOWN_APP_KEY, "appkey 不存在: " + appKey);
    }

    static GatewayRefusal badToken() {
        return new GatewayRefusal(401, BAD_TOKEN, "token 无效或已过期");
    }

    static GatewayRefusal badTimestamp(String message) {
        return new GatewayRefusal(401, BAD_TIMESTAMP, message);
    }

    static GatewayRefusal notSubscribed(String method) {
        return new GatewayRefusal(403, NOT_SUBSCRIBED, "未查询到应用或应用未订阅此API: " + method);
    }

    static GatewayRefusal throttled() {
        return new GatewayRefusal(429, THROTTLED, "调用频率超限或服务暂不可用，请稍后重试");
    }

    static GatewayRefusal invalid(String message) {
        return new GatewayRefusal(400, INVALID_PARAMETER, message);
    }

    static GatewayRefusal alreadyExists(String message) {
        return new GatewayRefusal(409, ALREADY_EXISTS, message);
    }

    static GatewayRefusal notFound(String message) {
        return new GatewayRefusal(404, NOT_FOUND, message);
    }

    /** The envelope's {@code code}. */
    int code() {
        return code;
    }

    /** The envelope's {@code subCode}. */
    String subCode() {
        return subCode;
    }
}
