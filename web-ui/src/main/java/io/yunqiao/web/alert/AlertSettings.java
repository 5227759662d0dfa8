package io.yunqiao.web.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts are sent ({@code yunqiao.alerts.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param mailFrom the sender address of alert emails; blank = {@code spring.mail.username} when it is an address
 * @param baseUrl  where users open Yunqiao, e.g. {@code https://yunqiao.example.com}, for the link to the run page;
 *                 blank = messages carry no link
 * @param attempts tries of one notification per channel, the first included
 * @param backoff  wait before the second try; doubled before each further one
 * @param timeout  how long one webhook call may take
 */
@ConfigurationProperties("yunqiao.alerts")
record AlertSettings(String mailFrom, String baseUrl, @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration backoff, @DefaultValue("10s") Duration timeout) {

    AlertSettings {
        mailFrom = mailFrom == null ? "" : mailFrom.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim().replaceAll("/+$", "");
        attempts = Math.max(1, attempts);
    }

    /** The run page, or {@code null} without a base URL. */
    String runLink(long runId) {
        return baseUrl.isEmpty() ? null : baseUrl + "/runs/" + runId;
    }
}
