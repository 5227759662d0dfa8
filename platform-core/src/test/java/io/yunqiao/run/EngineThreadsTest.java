package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A deliberate stop drains the engine: no new work, the work under way ends within the grace, then the rest. */
class EngineThreadsTest {

    private final Scheduler scheduler = mock(Scheduler.class);

    private EngineThreads threads(Duration grace) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("scheduler", scheduler);
        EngineThreads threads = new EngineThreads(1, grace, beans.getBeanProvider(Scheduler.class),
                mock(EntityManagerFactory.class));
        threads.start();
        return threads;
    }

    @Test
    void aStopPutsTheSchedulerOnStandbyAndWaitsForTheWorkUnderWayToEnd() throws Exception {
        // given work under way that ends on its own once it sees the node draining
        EngineThreads threads = threads(Duration.ofSeconds(30));
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean sawDraining = new AtomicBoolean();
        Thread run = new Thread(() -> {
            EngineThreads.Work work = threads.working();
            try {
                working.countDown();
                while (!threads.draining()) {
                    Thread.onSpinWait();
                }
                sawDraining.set(true);
            } finally {
                work.close();
            }
        });
        run.start();
        working.await();

        // when the node stops
        CountDownLatch stopped = new CountDownLatch(1);
        threads.stop(stopped::countDown);

        // then the scheduler took no more triggers, the work saw the drain and ended, and only then was the stop done
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        verify(scheduler).standby();
        assertThat(sawDraining).isTrue();
        assertThat(run.isAlive()).isFalse();
        assertThat(threads.isRunning()).isFalse();
    }

    @Test
    void workThatOutlastsTheGraceIsInterrupted() throws Exception {
        // given work that does not end by itself
        EngineThreads threads = threads(Duration.ofMillis(200));
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread run = new Thread(() -> {
            EngineThreads.Work work = threads.working();
            try {
                working.countDown();
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                work.close();
            }
        });
        run.start();
        working.await();

        // when the node stops
        CountDownLatch stopped = new CountDownLatch(1);
        threads.stop(stopped::countDown);

        // then the work is interrupted once the grace is over, and the stop completes
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }
}
