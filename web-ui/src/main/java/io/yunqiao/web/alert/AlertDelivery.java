package io.yunqiao.web.alert;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;

/**
 * How sending one notification to one channel went.
 *
 * @param channel   {@code email} or {@code webhook}
 * @param delivered whether the channel accepted it
 * @param detail    to whom or where it went, and on failure why (the server's or robot's own answer), as a stored
 *                  coded message ({@link StoredMessage}) rendered in the reader's language
 */
public record AlertDelivery(String channel, boolean delivered, String detail) {

    static final String EMAIL = "email";
    static final String WEBHOOK = "webhook";

    static AlertDelivery of(String channel, boolean delivered, String code, Object... params) {
        return new AlertDelivery(channel, delivered, StoredMessage.of(code, params).store());
    }

    /** The detail in {@code locale}. */
    public String detail(Locale locale) {
        return StoredMessage.render(detail, locale);
    }
}
