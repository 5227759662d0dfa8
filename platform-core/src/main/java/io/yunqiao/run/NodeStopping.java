package io.yunqiao.run;

/**
 * Thrown where a run's work stops because this node is stopping deliberately ({@link EngineThreads#draining()}):
 * between pages of the fetch and between batches of the writing. Not a failure: the run ends INTERRUPTED and another
 * run continues its work.
 */
final class NodeStopping extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NodeStopping() {
        // no stack trace: it says only where the work stopped, which nobody needs to read
        super("this node is stopping", null, false, false);
    }
}
