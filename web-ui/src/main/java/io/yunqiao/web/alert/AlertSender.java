package io.yunqiao.web.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one notification per configured channel (the email addresses, the webhook) and says how each went. A
 * failed send is retried a couple of times with a growing wait, then logged at WARN; it never throws. Every
 * attempt's end is counted in the meter {@code yunqiao.alerts} (tags {@code channel} email/webhook and
 * {@code outcome} sent/failed), whose four series are there from the start at 0: a dashboard or an alert rule on
 * failed sends has a series to read before the first alert (issue #16).
 */
@Component
@EnableConfigurationProperties(AlertSettings.class)
public class AlertSender {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    static final String METER = "yunqiao.alerts";

    private final AlertSettings settings;
    private final MailChannel mail;
    private final WebhookChannel webhook;
    private final MeterRegistry meters;
    private final Clock clock;

    AlertSender(AlertSettings settings, ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<MailProperties> mailProperties, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.mail = new MailChannel(mailSender, mailProperties, settings);
        this.webhook = new WebhookChannel(settings, clock);
        this.meters = meters;
        this.clock = clock;
        for (String channel : List.of(AlertDelivery.EMAIL, AlertDelivery.WEBHOOK)) {
            counter(channel, true);
            counter(channel, false);
        }
    }

    private Counter counter(String channel, boolean delivered) {
        return Counter.builder(METER).description("alert notifications by channel and outcome (each try counted)")
                .tags("channel", channel, "outcome", delivered ? "sent" : "failed").register(meters);
    }

    /**
     * "发送测试通知": a sample alert to the channels of alerts not saved yet, one try each, so the person editing
     * sees at once whether the address, robot URL and secret work.
     *
     * @return one delivery per channel; empty when no channel is set
     * @throws io.yunqiao.problem.Problem when the alerts are invalid (the check saving makes)
     */
    public List<AlertDelivery> sendTest(SolutionSpec.Alerts alerts, String solutionName) {
        SolutionValidator.checkAlerts(alerts);
        String name = solutionName == null || solutionName.isBlank() ? "（未命名）" : solutionName;
        return send(alerts, AlertNotice.test(name, clock.instant(), settings.baseUrl()), 1);
    }

    /** A real alert, with retries. */
    List<AlertDelivery> send(SolutionSpec.Alerts alerts, AlertNotice notice) {
        return send(alerts, notice, settings.attempts());
    }

    private List<AlertDelivery> send(SolutionSpec.Alerts alerts, AlertNotice notice, int attempts) {
        List<AlertDelivery> deliveries = new ArrayList<>();
        if (!alerts.emails().isEmpty()) {
            deliveries.add(withRetries(AlertDelivery.EMAIL, () -> mail.send(alerts.emails(), notice), attempts,
                    notice));
        }
        if (alerts.webhook() != null) {
            deliveries.add(withRetries(AlertDelivery.WEBHOOK,
                    () -> webhook.send(alerts.webhook(), alerts.webhookSecret(), notice), attempts, notice));
        }
        return deliveries;
    }

    private AlertDelivery withRetries(String name, Supplier<AlertDelivery> channel, int attempts,
            AlertNotice notice) {
        Duration wait = settings.backoff();
        AlertDelivery delivery = attempt(name, channel);
        for (int attempt = 2; attempt <= attempts && !delivery.delivered(); attempt++) {
            LOG.info("Alert '{}' by {} failed (try {} of {}), trying again in {} ms: {}", notice.title(),
                    delivery.channel(), attempt - 1, attempts, wait.toMillis(), delivery.detail(Locale.ENGLISH));
            if (!pause(wait)) {
                break;
            }
            wait = wait.multipliedBy(2);
            delivery = attempt(name, channel);
        }
        if (!delivery.delivered()) {
            LOG.warn("Alert '{}' could not be sent by {}: {}", notice.title(), delivery.channel(),
                    delivery.detail(Locale.ENGLISH));
        }
        return delivery;
    }

    private AlertDelivery attempt(String name, Supplier<AlertDelivery> channel) {
        AlertDelivery delivery;
        try {
            delivery = channel.get();
        } catch (RuntimeException e) {
            // a channel answers failures itself; this is the unexpected, which must not end the alert thread
            LOG.warn("alert channel {} failed unexpectedly", name, e);
            delivery = AlertDelivery.of(name, false, "alert.delivery.unexpected");
        }
        counter(delivery.channel(), delivery.delivered()).increment();
        return delivery;
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
