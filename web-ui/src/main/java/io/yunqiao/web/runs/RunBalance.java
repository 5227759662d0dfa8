package io.yunqiao.web.runs;

import io.yunqiao.run.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A run's counts as one sum a person can check: 读取 120 + 转入 3 = 写入 100 + 跳过 15 + 失败 5 + 未变 3. Every part
 * that is not zero is named (written, skipped and failed always), so no record is unaccounted for; a run interrupted by
 * a stop, whose remaining records the next run writes, reads as such instead of as a sum that does not hold.
 */
final class RunBalance {

    private RunBalance() {
    }

    /** {@code translate} is the screen's {@code getTranslation}. */
    static String text(Run run, BiFunction<String, Object[], String> translate) {
        List<String> in = new ArrayList<>();
        in.add(part("fetched", run.getFetched(), translate));
        if (run.getCarried() > 0) {
            in.add(part("carried", run.getCarried(), translate));
        }
        List<String> out = new ArrayList<>();
        if (run.isDryRun()) {
            out.add(part("valid", run.getValid(), translate));
        } else {
            out.add(part("written", run.getWritten(), translate));
        }
        out.add(part("skipped", run.getSkipped(), translate));
        out.add(part("failed", run.getFailed(), translate));
        if (run.getUnconfirmed() > 0) {
            out.add(part("unconfirmed", run.getUnconfirmed(), translate));
        }
        if (run.getUnchanged() > 0) {
            out.add(part("unchanged", run.getUnchanged(), translate));
        }
        if (!run.isDryRun() && run.getValid() > 0) {
            out.add(part("valid", run.getValid(), translate));
        }
        String sum = String.join(" + ", in) + (run.countsAddUp() || !run.getStatus().isFinal() ? " = " : " ≠ ")
                + String.join(" + ", out);
        String key = !run.getStatus().isFinal() ? "runs.balance.running"
                : run.countsAddUp() ? "runs.balance" : "runs.balance.open";
        return translate.apply(key, new Object[] {sum});
    }

    private static String part(String name, int count, BiFunction<String, Object[], String> translate) {
        return translate.apply("runs.balance." + name, new Object[] {String.valueOf(count)});
    }
}
