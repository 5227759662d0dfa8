package io.yunqiao.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between the fetcher and the writer of one run: the records each staged page made pending,
 * with their parsed content, in page order. The fetcher waits while it holds {@code capacity} pages (the writer lags:
 * back-pressure, so memory stays bounded whatever the backlog); the writer waits while it is empty. The fetcher says
 * when it has fetched everything ({@link #finish}); a writer that stops ({@link #abandon}) releases a waiting fetcher
 * and refuses further pages, which stay staged for whoever writes the backlog next.
 */
final class HandOff {

    /**
     * The records one staged page made pending, and an instant taken after its staging committed: a record whose
     * stored fetch time is not before it was staged again by a later page, and this page's tree of it is outdated.
     */
    record Page(List<Staging.StagedRecord> records, Instant stagedBy) {
    }

    private final int capacity;
    private final Deque<Page> pages = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private boolean finished;
    private boolean abandoned;

    HandOff(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a hand-off holds at least one page, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Hands a staged page to the writer, waiting while the hand-off is full. A page that made nothing pending is
     * not handed off.
     *
     * @return whether the writer still takes pages: {@code false} once it stopped, and the fetcher should stop too
     */
    boolean put(Page page) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!abandoned && pages.size() >= capacity) {
                notFull.await();
            }
            if (abandoned) {
                return false;
            }
            if (finished) {
                throw new IllegalStateException("a page was handed off after the end of the fetch");
            }
            if (!page.records().isEmpty()) {
                pages.addLast(page);
                notEmpty.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The fetcher has handed off its last page (or stopped): the writer takes what is left, then ends. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next page in the order it was handed off, waiting while there is none.
     *
     * @return the page, or {@code null} once the fetch has finished and every page was taken (or the writer stopped)
     */
    Page take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!abandoned && pages.isEmpty() && !finished) {
                notEmpty.await();
            }
            return next();
        } finally {
            lock.unlock();
        }
    }

    /** The next page if one is waiting, without waiting for one: lets the writer fill a batch from small pages. */
    Page poll() {
        lock.lock();
        try {
            return next();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first waiting page, if any, and wakes a fetcher waiting for room; the caller holds the lock. */
    private Page next() {
        if (abandoned || pages.isEmpty()) {
            return null;
        }
        Page page = pages.removeFirst();
        notFull.signal();
        return page;
    }

    /** The writer stopped: a fetcher waiting to hand off is released, and every later page is refused. */
    void abandon() {
        lock.lock();
        try {
            abandoned = true;
            pages.clear();
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the writer stopped taking pages. */
    boolean abandoned() {
        lock.lock();
        try {
            return abandoned;
        } finally {
            lock.unlock();
        }
    }
}
