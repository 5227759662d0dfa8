package io.yunqiao.web.alert;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Emails a notice through the SMTP server of {@code spring.mail.*}, one message to all addresses. */
final class MailChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<MailProperties> mail;
    private final AlertSettings settings;

    MailChannel(ObjectProvider<JavaMailSender> sender, ObjectProvider<MailProperties> mail, AlertSettings settings) {
        this.sender = sender;
        this.mail = mail;
        this.settings = settings;
    }

    AlertDelivery send(List<String> to, AlertNotice notice) {
        String where = String.join(", ", to);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return new AlertDelivery(AlertDelivery.EMAIL, false, where + ": email is not configured; set the SMTP"
                    + " server as spring.mail.host (environment SPRING_MAIL_HOST) and its port, username, password");
        }
        String from = from();
        if (from.isEmpty()) {
            return new AlertDelivery(AlertDelivery.EMAIL, false, where + ": no sender address; set"
                    + " yunqiao.alerts.mail-from (environment YUNQIAO_ALERTS_MAIL_FROM)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(notice.title());
        message.setText(notice.text());
        try {
            smtp.send(message);
            return new AlertDelivery(AlertDelivery.EMAIL, true, where);
        } catch (MailException e) {
            return new AlertDelivery(AlertDelivery.EMAIL, false, where + ": " + reason(e));
        }
    }

    private String from() {
        if (!settings.mailFrom().isEmpty()) {
            return settings.mailFrom();
        }
        MailProperties properties = mail.getIfAvailable();
        String username = properties == null ? null : properties.getUsername();
        return username != null && username.contains("@") ? username : "";
    }

    /** The innermost cause says most (e.g. "Connection refused", the server's 5xx reply). */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + ")";
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
    }
}
