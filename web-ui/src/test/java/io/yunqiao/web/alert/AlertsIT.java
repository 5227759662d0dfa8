package io.yunqiao.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.Run;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.runs.RunFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alerts end to end: real runs of the seed template against the mounted sandboxes, alert emails to a real SMTP
 * server in the test (GreenMail) and webhook calls to a loopback DingTalk robot that checks the 加签 signature as
 * DingTalk does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:alerts-it;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=alerts-it",
    "yunqiao.security.admin-password=" + RunFixtures.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "spring.mail.host=127.0.0.1",
    "yunqiao.alerts.mail-from=yunqiao@example.com",
    "yunqiao.alerts.base-url=http://yunqiao.example.com/",
    "yunqiao.alerts.backoff=20ms"})
@DirtiesContext
class AlertsIT {

    private static final String SECRET = "SEC-alerts-it-0123456789";
    /**
     * Every real record fails validation (the required nickname is empty): a run with many failed records. Saving
     * tries a mapping on a sample record whose text fields hold their own names; there the nickname is set, so the
     * mapping is accepted.
     */
    private static final String FAILING_MAPPING = "{ \"customerCode\": supplierid_number, \"nickname\":"
            + " supplierid_number = \"supplierid_number\" ? supplierid_name : \"\" }";
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DingTalkRobot robot;

    static {
        // started before the context, which reads its port
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    Solutions solutions;

    @Autowired
    Templates templates;

    @Autowired
    SyncEngine engine;

    @Autowired
    RunHistory history;

    @Autowired
    RunAlerts alerts;

    @Autowired
    AlertSender sender;

    @Autowired
    MeterRegistry meters;

    private RunFixtures fixtures;

    @BeforeAll
    static void startRobot() throws IOException {
        robot = new DingTalkRobot(SECRET);
    }

    @AfterAll
    static void stopServers() {
        robot.close();
        SMTP.stop();
    }

    @BeforeEach
    void freshSandboxesAndInboxes() throws Exception {
        fixtures = new RunFixtures(port, connections, solutions, templates, engine, history).fresh();
        SMTP.purgeEmailFromAllMailboxes();
        robot.clear();
    }

    private SolutionView solutionAlerting(SolutionSpec.Alerts settings) {
        SolutionView solution = fixtures.solution("告警方案");
        return solutions.update(solution.id(), solutions.get(solution.id()).spec().withAlerts(settings), "alerts");
    }

    /** Every Kingdee call answers HTTP 500 for a while: the fetch fails and so does the run. */
    private void kingdeeDown() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/sandbox/kingdee/_admin/faults")).header("Content-Type", "application/json")
                .header("Authorization", RunFixtures.basic("admin", RunFixtures.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"HTTP_500\",\"count\":1000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** Waits until the alert thread has handled every run ended so far. */
    private void alertsHandled() throws Exception {
        alerts.awaitQueued(Duration.ofSeconds(30));
    }

    private double count(String channel, String outcome) {
        Counter counter = meters.find(AlertSender.METER).tags("channel", channel, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFailedRunSendsAnEmailWithTheRunAndALinkToIt() throws Exception {
        // given a solution that alerts ops@example.com on failure, and a Kingdee that answers HTTP 500
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(true, 0,
                List.of("ops@example.com", "boss@example.com"), null, null));
        kingdeeDown();

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        alertsHandled();

        // then the run failed and one email reached both addresses, from the configured sender
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("云桥告警：方案「告警方案」运行失败");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("yunqiao@example.com");
        assertThat(List.of(mail.getRecipients(Message.RecipientType.TO)).stream().map(Object::toString))
                .containsExactlyInAnyOrder("ops@example.com", "boss@example.com");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        String text = (String) mail.getContent();
        assertThat(text).contains("运行：#" + run.getId()).contains("状态：失败")
                .contains("查看运行记录：http://yunqiao.example.com/runs/" + run.getId());
        assertThat(count("email", "sent")).isPositive();
    }

    @Test
    void moreFailedRecordsThanTheThresholdPostToTheSignedDingTalkRobot() throws Exception {
        // given a solution alerting above 1 failed record to a DingTalk robot with 加签, and a mapping that fails
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(false, 1, List.of(), robot.url(), SECRET));
        fixtures.withMapping(solution, FAILING_MAPPING);
        double sentBefore = count("webhook", "sent");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        alertsHandled();

        // then more than one record failed, and the robot accepted one signed markdown message about it
        assertThat(run.getFailed()).isGreaterThan(1);
        assertThat(robot.refused()).isEmpty();
        assertThat(robot.accepted()).hasSize(1);
        JsonNode message = robot.accepted().get(0);
        assertThat(message.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(message.path("markdown").path("title").asText()).isEqualTo("云桥告警：方案「告警方案」失败记录 "
                + run.getFailed() + " 条，超过告警阈值 1 条");
        assertThat(message.path("markdown").path("text").asText()).contains("#" + run.getId())
                .contains("失败 " + run.getFailed())
                .contains("(http://yunqiao.example.com/runs/" + run.getId() + ")");
        assertThat(count("webhook", "sent")).isEqualTo(sentBefore + 1);
        // and no email: none was configured
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSuccessfulRunSendsNothing() throws Exception {
        // given a solution alerting by both channels on failure and above 1 failed record
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(true, 1, List.of("ops@example.com"),
                robot.url(), SECRET));

        // when it runs and succeeds
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        alertsHandled();

        // then nobody is told
        assertThat(run.getStatus()).as(run.getError()).isEqualTo(RunStatus.SUCCESS);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(robot.accepted()).isEmpty();
        assertThat(robot.refused()).isEmpty();
    }

    @Test
    void failuresUpToTheThresholdSendNothing() throws Exception {
        // given a threshold far above what the broken mapping fails
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(false, 100_000, List.of("ops@example.com"),
                robot.url(), SECRET));

        // when a run ends PARTIAL with some failed records
        Run run = fixtures.partialRun(solution);
        alertsHandled();

        // then nobody is told
        assertThat(run.getFailed()).isPositive();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(robot.accepted()).isEmpty();
    }

    @Test
    void aDryRunSendsNothingEvenWhenItFails() throws Exception {
        // given a solution alerting on failure, and a Kingdee that answers HTTP 500
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(true, 0, List.of("ops@example.com"),
                robot.url(), SECRET));
        kingdeeDown();

        // when it is dry-run
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, true);
        alertsHandled();

        // then the dry run failed, and nobody is told
        assertThat(run.isDryRun()).isTrue();
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(robot.accepted()).isEmpty();
    }

    @Test
    void aRefusingWebhookIsRetriedAndLeavesTheRunsOutcomeAsItWas() throws Exception {
        // given a solution alerting a DingTalk robot with the wrong secret, and a mapping that fails
        SolutionView solution = solutionAlerting(new SolutionSpec.Alerts(false, 1, List.of(), robot.url(),
                "SEC-wrong"));
        fixtures.withMapping(solution, FAILING_MAPPING);
        double failedBefore = count("webhook", "failed");

        // when it runs
        Run run = engine.runNow(solution.id(), RunTrigger.MANUAL, false);
        alertsHandled();

        // then the robot refused three tries (the first and two retries) with DingTalk's sign error
        assertThat(robot.accepted()).isEmpty();
        assertThat(robot.refused()).hasSize(3).allSatisfy(answer -> assertThat(answer).startsWith("310000 sign"));
        assertThat(count("webhook", "failed")).isEqualTo(failedBefore + 3);
        // and the run is stored exactly as it ended
        Run stored = history.run(run.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(run.getStatus());
        assertThat(stored.getFailed()).isEqualTo(run.getFailed());
        assertThat(stored.getWritten()).isEqualTo(run.getWritten());
        assertThat(stored.getError()).isEqualTo(run.getError());
    }

    @Test
    void aTestAlertReachesEveryChannelAndSaysHowEachWent() throws Exception {
        // given alerts not saved anywhere, with an email address and the robot
        SolutionSpec.Alerts unsaved = new SolutionSpec.Alerts(true, 0, List.of("ops@example.com"), robot.url(),
                SECRET);

        // when a test alert is sent
        List<AlertDelivery> deliveries = sender.sendTest(unsaved, "新方案");

        // then both channels delivered, the email and the robot's message are marked as a test
        assertThat(deliveries).extracting(AlertDelivery::channel, AlertDelivery::delivered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", true),
                        org.assertj.core.groups.Tuple.tuple("webhook", true));
        assertThat(SMTP.getReceivedMessages()).singleElement().satisfies(mail ->
                assertThat(mail.getSubject()).isEqualTo("云桥告警：方案「新方案」测试通知"));
        assertThat(robot.accepted()).singleElement().satisfies(message ->
                assertThat(message.path("markdown").path("title").asText()).isEqualTo("云桥告警：方案「新方案」测试通知"));
    }

    @Test
    void aTestAlertToARefusingRobotSaysWhyWithoutRetrying() {
        // given the robot with the wrong secret
        SolutionSpec.Alerts unsaved = new SolutionSpec.Alerts(true, 0, List.of(), robot.url(), "SEC-wrong");

        // when a test alert is sent
        List<AlertDelivery> deliveries = sender.sendTest(unsaved, "新方案");

        // then the delivery failed with DingTalk's answer, after one try, and the token is not shown
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.delivered()).isFalse();
            assertThat(delivery.detail(Locale.SIMPLIFIED_CHINESE)).contains("errcode 310000: sign not match").doesNotContain(
                    DingTalkRobot.TOKEN);
        });
        assertThat(robot.refused()).hasSize(1);
    }
}
