package io.yunqiao.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yunqiao.problem.Problem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The alerts part of a solution spec: its JSON, its defaults for older specs, and the checks on saving. */
class SolutionAlertsTest {

    private static Problem refusal(SolutionSpec.Alerts alerts) {
        return catchThrowableOfType(Problem.class, () -> SolutionValidator.checkAlerts(alerts));
    }

    @Test
    void aSpecWithoutAlertsHasThemOff() {
        // given an export made before alerts existed
        String json = "{ \"name\": \"旧方案\", \"schedule\": { \"cron\": \"0 * * * * ?\", \"enabled\": false } }";

        // when it is read
        SolutionSpec spec = Solutions.read(json);

        // then its alerts are off and have no channel
        assertThat(spec.alerts()).isEqualTo(SolutionSpec.Alerts.OFF);
        assertThat(spec.alerts().switchedOn()).isFalse();
    }

    @Test
    void alertsAreWrittenLastWithTheirKeysInAFixedOrder() {
        // given a spec with alerts
        SolutionSpec spec = Solutions.read("{ \"name\": \"n\" }").withAlerts(new SolutionSpec.Alerts(true, 5,
                List.of("ops@example.com"), "https://oapi.dingtalk.com/robot/send?access_token=t", "SECx"));

        // when it is written
        String json = Solutions.write(spec);

        // then alerts come after schedule, keys in the documented order, and it reads back the same
        assertThat(json.indexOf("\"alerts\"")).isGreaterThan(json.indexOf("\"schedule\""));
        assertThat(json.replaceAll("\\s", "")).contains("\"alerts\":{\"onFailure\":true,\"failedRecordsAbove\":5,"
                + "\"emails\":[\"ops@example.com\"],"
                + "\"webhook\":\"https://oapi.dingtalk.com/robot/send?access_token=t\","
                + "\"webhookSecret\":\"SECx\"}");
        assertThat(Solutions.read(json)).isEqualTo(spec);
    }

    @Test
    void onlyFailedRunsOrMoreFailuresThanTheThresholdAreReported() {
        // given alerts on failure and above 10 failed records
        SolutionSpec.Alerts alerts = new SolutionSpec.Alerts(true, 10, List.of("ops@example.com"), null, null);

        // then a failed run, or 11 failed records, is reported; 10 failed records in a finished run are not
        assertThat(alerts.reports(true, 0)).isTrue();
        assertThat(alerts.reports(false, 11)).isTrue();
        assertThat(alerts.reports(false, 10)).isFalse();
        // and with the threshold off, failed records never are
        assertThat(new SolutionSpec.Alerts(true, 0, List.of("a@b.cn"), null, null).reports(false, 1000)).isFalse();
    }

    @Test
    void refusesANegativeThreshold() {
        Problem problem = refusal(new SolutionSpec.Alerts(false, -1, List.of("ops@example.com"), null, null));

        assertThat(problem.field()).isEqualTo("alerts.failedRecordsAbove");
        assertThat(problem.getMessage()).contains("0 (off) or more").contains("-1");
    }

    @Test
    void refusesSomethingThatIsNotAnEmailAddress() {
        Problem problem = refusal(new SolutionSpec.Alerts(true, 0, List.of("ops@example.com", "ops.example.com"),
                null, null));

        assertThat(problem.field()).isEqualTo("alerts.emails");
        assertThat(problem.code()).isEqualTo("problem.solution.alertEmail");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("“ops.example.com”不是电子邮件地址");
        assertThat(problem.message(Locale.ENGLISH)).contains("\"ops.example.com\" is not an email address");
    }

    @Test
    void refusesAWebhookThatIsNotHttp() {
        Problem problem = refusal(new SolutionSpec.Alerts(true, 0, List.of(), "ftp://example.com/hook", null));

        assertThat(problem.field()).isEqualTo("alerts.webhook");
        assertThat(problem.getMessage()).contains("http(s) URL").contains("ftp://example.com/hook");
    }

    @Test
    void refusesASecretWithoutAWebhook() {
        Problem problem = refusal(new SolutionSpec.Alerts(true, 0, List.of("ops@example.com"), null, "SECx"));

        assertThat(problem.field()).isEqualTo("alerts.webhookSecret");
    }

    @Test
    void refusesAlertsSwitchedOnWithNowhereToGo() {
        Problem problem = refusal(new SolutionSpec.Alerts(false, 3, List.of(), " ", null));

        assertThat(problem.field()).isEqualTo("alerts");
        assertThat(problem.getMessage()).contains("add an email address or a webhook URL");
    }

    @Test
    void acceptsChannelsKeptWhileAlertsAreOff() {
        // given alerts switched off that keep their channels for later
        SolutionSpec.Alerts alerts = new SolutionSpec.Alerts(false, 0, List.of("ops@example.com"),
                "https://open.feishu.cn/open-apis/bot/v2/hook/abc", "s");

        // then they are valid
        assertThat(refusal(alerts)).isNull();
    }
}
