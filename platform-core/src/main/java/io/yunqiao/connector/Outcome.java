package io.yunqiao.connector;

/** What an answer means: success, or a failure class with the vendor's code and message. */
record Outcome(boolean success, ErrorClass errorClass, String vendorCode, String message) {

    static Outcome ok(String message) {
        return new Outcome(true, null, null, message);
    }

    static Outcome failed(ErrorClass errorClass, String vendorCode, String message) {
        return new Outcome(false, errorClass, vendorCode, message);
    }
}
