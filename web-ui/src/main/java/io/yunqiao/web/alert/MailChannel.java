package io.yunqiao.web.alert;

import io.yunqiao.connector.AnswerClassifier;

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
            return AlertDelivery.of(AlertDelivery.EMAIL, false, "alert.delivery.mailNotConfigured", where);
        }
        String from = from();
        if (from.isEmpty()) {
            return AlertDelivery.of(AlertDelivery.EMAIL, false, "alert.delivery.noSender", where);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(notice.title());
        message.setText(notice.text());
        try {
            smtp.send(message);
            return AlertDelivery.of(AlertDelivery.EMAIL, true, "alert.delivery.to", where);
        } catch (MailException e) {
            return AlertDelivery.of(AlertDelivery.EMAIL, false, "alert.delivery.mailFailed", where, reason(e));
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

    /**
     * The innermost cause says most: a refused connection or an unknown host in words, else the server's reply
     * (e.g. its 5xx line), as a stored coded message.
     */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return AnswerClassifier.reason(cause);
    }
}
