package io.yunqiao.web.runs;

import com.vaadin.flow.component.progressbar.ProgressBar;
import io.yunqiao.run.Run;

/** How far a running run is, as its progress bar shows it wherever it appears. */
public final class RunProgress {

    private RunProgress() {
    }

    /** Records with an outcome: written, failed or skipped. */
    public static int done(Run run) {
        return run.getWritten() + run.getFailed() + run.getSkipped();
    }

    /**
     * Sets the bar to outcomes over fetched records. Outcomes come after the whole window was fetched, and dry
     * runs and re-pushes have no fetched total to reach, so until writing shows the bar is indeterminate.
     */
    public static void show(ProgressBar bar, Run run) {
        boolean measurable = !run.isDryRun() && run.getFetched() > 0 && run.getWritten() + run.getFailed() > 0;
        bar.setIndeterminate(!measurable);
        if (measurable) {
            bar.setValue(Math.min(1.0, (double) done(run) / run.getFetched()));
        }
    }
}
