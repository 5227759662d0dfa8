package io.yunqiao.web.alert;

/**
 * How sending one notification to one channel went.
 *
 * @param channel   {@code email} or {@code webhook}
 * @param delivered whether the channel accepted it
 * @param detail    to whom or where it went, and on failure why (the server's or robot's own answer)
 */
public record AlertDelivery(String channel, boolean delivered, String detail) {

    static final String EMAIL = "email";
    static final String WEBHOOK = "webhook";
}
