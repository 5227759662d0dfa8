package io.yunqiao.web.alert;

import io.yunqiao.connector.AnswerClassifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** Posts a notice to a chat robot or any webhook, in the format and signing its URL calls for. */
final class WebhookChannel {

    private final HttpClient http;
    private final AlertSettings settings;
    private final Clock clock;

    WebhookChannel(AlertSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    AlertDelivery send(String url, String secret, AlertNotice notice) {
        Robot robot = Robot.of(URI.create(url));
        // signed afresh for every try: DingTalk and Feishu refuse timestamps more than an hour old
        Robot.Request request = robot.request(url, secret, notice, clock.instant());
        HttpRequest.Builder post = HttpRequest.newBuilder(request.uri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(post::header);
        String where = robot.name().toLowerCase(java.util.Locale.ROOT) + " " + withoutQuery(url);
        try {
            HttpResponse<String> answer = http.send(post.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Optional<String> refusal = robot.refusal(answer.statusCode(), answer.body());
            return refusal.map(reason -> AlertDelivery.of(AlertDelivery.WEBHOOK, false, "alert.delivery.refused", where,
                    reason)).orElseGet(() -> AlertDelivery.of(AlertDelivery.WEBHOOK, true, "alert.delivery.to", where));
        } catch (IOException e) {
            return AlertDelivery.of(AlertDelivery.WEBHOOK, false, "alert.delivery.noAnswer", where,
                    AnswerClassifier.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AlertDelivery.of(AlertDelivery.WEBHOOK, false, "alert.delivery.noAnswer", where,
                    AnswerClassifier.reason(e));
        }
    }

    /** Webhook URLs carry the robot's token in the query: it stays out of logs and screens. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
