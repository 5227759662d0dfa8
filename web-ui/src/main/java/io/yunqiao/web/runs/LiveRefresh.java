package io.yunqiao.web.runs;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Refreshes a screen every few seconds through server push while something on it is moving (a run's progress).
 * One small timer serves every screen; each tick only queues the refresh in the screen's UI, and a tick is
 * dropped while the previous refresh of that UI has not run yet, so a busy UI never piles up work.
 */
@Component
public class LiveRefresh {

    private final ScheduledExecutorService timer;

    LiveRefresh() {
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "yunqiao-ui-refresh-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code refresh} in {@code ui} every {@code period} until the answer is removed or the UI goes away.
     *
     * @return removes the refresh
     */
    public Registration start(UI ui, Duration period, Runnable refresh) {
        AtomicReference<Future<Void>> pending = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(timer.scheduleWithFixedDelay(() -> {
            Future<Void> previous = pending.get();
            if (previous != null && !previous.isDone()) {
                return;
            }
            try {
                pending.set(ui.access(refresh::run));
            } catch (UIDetachedException e) {
                task.get().cancel(false);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
        return () -> task.get().cancel(false);
    }

    /**
     * Runs {@code refresh} in the view's UI every {@code period} while the view is on the screen: from each attach
     * (opening it, or coming back to it) to the next detach.
     */
    public void whileAttached(com.vaadin.flow.component.Component view, Duration period, Runnable refresh) {
        AtomicReference<Registration> running = new AtomicReference<>();
        view.addAttachListener(attached -> running.set(start(attached.getUI(), period, refresh)));
        view.addDetachListener(detached -> {
            Registration registration = running.getAndSet(null);
            if (registration != null) {
                registration.remove();
            }
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
