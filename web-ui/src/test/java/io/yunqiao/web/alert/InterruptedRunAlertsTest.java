package io.yunqiao.web.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.yunqiao.run.Run;
import io.yunqiao.run.RunEnded;
import io.yunqiao.run.RunHistory;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.Solutions;
import io.yunqiao.solution.VersionedSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A run whose node stopped ends INTERRUPTED and another run continues its work: the interruption is never alerted,
 * the continuing run's alert is, on the work's final outcome, and names the run it continued.
 */
class InterruptedRunAlertsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    private final Solutions solutions = mock(Solutions.class);
    private final AlertSender sender = mock(AlertSender.class);
    private final RunHistory history = mock(RunHistory.class);
    private final RunAlerts alerts = new RunAlerts(solutions, sender, mock(AlertSettings.class), history);

    @Test
    void anInterruptedRunIsNeverAlertedEvenWhenItsSolutionAlertsOnEveryFailure() throws Exception {
        RunEnded interrupted = new RunEnded(152, 7, 3, RunTrigger.SCHEDULE, false, RunStatus.INTERRUPTED, 500, 200,
                0, 20, "{\"code\":\"run.interrupted.nodeStopped\",\"params\":[\"node-a\",\"node-b\"]}",
                NOW.minusSeconds(60), NOW);

        alerts.runEnded(interrupted);
        alerts.awaitQueued(Duration.ofSeconds(5));

        verifyNoInteractions(solutions);
        verify(sender, never()).send(any(), any());
    }

    @Test
    void theContinuingRunsAlertNamesTheInterruptedRunItContinued() {
        RunEnded recovery = new RunEnded(153, 7, 3, RunTrigger.RECOVERY, false, RunStatus.FAILED, 300, 0, 0, 300,
                null, NOW.minusSeconds(30), NOW, 152L);

        AlertNotice notice = AlertNotice.of(recovery, "采购入库→客户", true, 0, null);

        assertThat(notice.reason()).isEqualTo(AlertNotice.Reason.RUN_FAILED);
        assertThat(notice.text()).contains("#153", "接着完成中断的运行 #152");
    }

    @Test
    void theContinuingRunIsAlertedOnItsFinalOutcome() throws Exception {
        SolutionSpec spec = mock(SolutionSpec.class);
        when(spec.alerts()).thenReturn(new SolutionSpec.Alerts(true, 0, List.of(), null, null));
        when(spec.name()).thenReturn("采购入库→客户");
        when(solutions.current(7)).thenReturn(new VersionedSpec(3, spec));
        RunEnded recovery = new RunEnded(153, 7, 3, RunTrigger.RECOVERY, false, RunStatus.FAILED, 300, 0, 0, 300,
                null, NOW.minusSeconds(30), NOW, 152L);

        alerts.runEnded(recovery);
        alerts.awaitQueued(Duration.ofSeconds(5));

        verify(sender).send(any(), any());
    }

    @Test
    void theFailuresOfTheInterruptedRunCountInTheContinuingRunsAlert() throws Exception {
        // given a solution alerting above 10 failed records, and run 152 interrupted with 8 failures
        SolutionSpec spec = mock(SolutionSpec.class);
        when(spec.alerts()).thenReturn(new SolutionSpec.Alerts(false, 10, List.of(), null, null));
        when(spec.name()).thenReturn("采购入库→客户");
        when(solutions.current(7)).thenReturn(new VersionedSpec(3, spec));
        Run interrupted = mock(Run.class);
        when(interrupted.getStatus()).thenReturn(RunStatus.INTERRUPTED);
        when(interrupted.getFailed()).thenReturn(8);
        when(history.run(152)).thenReturn(Optional.of(interrupted));

        // when the run continuing it ends with 5 failures of its own
        alerts.runEnded(new RunEnded(153, 7, 3, RunTrigger.RECOVERY, false, RunStatus.PARTIAL, 300, 295, 0, 5, null,
                NOW.minusSeconds(30), NOW, 152L));
        alerts.awaitQueued(Duration.ofSeconds(5));

        // then the work's 13 failures are over the threshold, and the alert says 13
        ArgumentCaptor<AlertNotice> notice = ArgumentCaptor.forClass(AlertNotice.class);
        verify(sender).send(any(), notice.capture());
        assertThat(notice.getValue().text()).contains("13");
    }
}
