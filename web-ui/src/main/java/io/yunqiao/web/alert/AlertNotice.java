package io.yunqiao.web.alert;

import io.yunqiao.run.RunEnded;
import io.yunqiao.run.RunStatus;
import io.yunqiao.run.RunTrigger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert about one run, worded for people. The text is Chinese, the users' language: a notification is read in
 * a chat group or a mailbox, where there is no screen language to follow.
 *
 * @param reason       why it is sent
 * @param solutionName the solution's name
 * @param run          the run that ended (a made-up one for a test alert)
 * @param threshold    the failed-records threshold that was exceeded, 0 when not the reason
 * @param link         the run page, or {@code null} when no base URL is configured
 */
record AlertNotice(Reason reason, String solutionName, RunEnded run, int threshold, String link) {

    /** Errors longer than this are cut: robots refuse long messages (WeCom: 4096 bytes of markdown). */
    static final int MAX_ERROR = 600;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    enum Reason {
        RUN_FAILED,
        TOO_MANY_FAILED_RECORDS,
        TEST
    }

    /** The alert for a real run: a failed run is the reason when both conditions hold. */
    static AlertNotice of(RunEnded run, String solutionName, boolean reportFailure, int threshold, String link) {
        boolean failed = reportFailure && run.status() == RunStatus.FAILED;
        return new AlertNotice(failed ? Reason.RUN_FAILED : Reason.TOO_MANY_FAILED_RECORDS, solutionName, run,
                failed ? 0 : threshold, link);
    }

    /** A sample alert for "send a test alert": a made-up failed run 0 of the solution being edited. */
    static AlertNotice test(String solutionName, Instant now, String baseUrl) {
        RunEnded sample = new RunEnded(0, 0, 0, RunTrigger.MANUAL, false, RunStatus.FAILED, 120, 100, 15, 5,
                "这是一条测试通知，不是真实运行的结果", now.minusSeconds(42), now);
        return new AlertNotice(Reason.TEST, solutionName, sample, 0,
                baseUrl == null || baseUrl.isEmpty() ? null : baseUrl + "/runs");
    }

    String title() {
        String what = switch (reason) {
            case RUN_FAILED -> "运行失败";
            case TOO_MANY_FAILED_RECORDS -> "失败记录 " + run.failed() + " 条，超过告警阈值 " + threshold + " 条";
            case TEST -> "测试通知";
        };
        return "云桥告警：方案「" + solutionName + "」" + what;
    }

    /** Label and value pairs, the same in every format. */
    List<String[]> facts() {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"方案", solutionName});
        facts.add(new String[] {"运行", reason == Reason.TEST ? "（测试，无真实运行）" : "#" + run.runId() + "（"
                + trigger(run.trigger()) + "，版本 " + run.solutionVersion()
                + (run.continuesRunId() == null ? "" : "，接着完成中断的运行 #" + run.continuesRunId()) + "）"});
        facts.add(new String[] {"状态", status(run.status())});
        facts.add(new String[] {"记录", "拉取 " + run.fetched() + "，写入 " + run.written() + "，跳过 " + run.skipped()
                + "，失败 " + run.failed()});
        if (run.error() != null && !run.error().isBlank()) {
            facts.add(new String[] {"错误", shortened(run.error())});
        }
        facts.add(new String[] {"时间", time(run.startedAt()) + " 至 " + time(run.endedAt()) + "（北京时间）"});
        return facts;
    }

    /** Plain text: emails, Feishu and generic webhooks. */
    String text() {
        StringBuilder text = new StringBuilder(title()).append('\n');
        for (String[] fact : facts()) {
            text.append('\n').append(fact[0]).append("：").append(fact[1]);
        }
        if (link != null) {
            text.append("\n\n查看运行记录：").append(link);
        }
        return text.toString();
    }

    /** Markdown as DingTalk and WeCom robots render it. */
    String markdown() {
        StringBuilder text = new StringBuilder("### ").append(title()).append("\n\n");
        for (String[] fact : facts()) {
            text.append("- **").append(fact[0]).append("**：").append(fact[1]).append('\n');
        }
        if (link != null) {
            text.append("\n[查看运行记录](").append(link).append(")\n");
        }
        return text.toString();
    }

    static String status(RunStatus status) {
        return switch (status) {
            case RUNNING -> "运行中";
            case SUCCESS -> "成功";
            case PARTIAL -> "部分失败";
            case FAILED -> "失败";
            case SKIPPED -> "已跳过";
            case INTERRUPTED -> "中断";
        };
    }

    private static String trigger(RunTrigger trigger) {
        return switch (trigger) {
            case SCHEDULE -> "定时触发";
            case MANUAL -> "手动运行";
            case REPUSH -> "重推";
            case RECOVERY -> "接管恢复（原节点停止）";
        };
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    private static String shortened(String error) {
        String oneLine = error.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR) + "…";
    }
}
