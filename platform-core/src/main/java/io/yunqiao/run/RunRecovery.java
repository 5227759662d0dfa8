package io.yunqiao.run;

import io.yunqiao.solution.SolutionRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, ends the runs this node left RUNNING when it stopped (a crash or a kill) and frees their solutions'
 * locks; in a cluster, another node may already have taken them over (see {@link SyncEngine}). Nothing else is
 * needed: the checkpoint did not advance past an incomplete fetch, claimed records go back to pending (marked as
 * possibly sent) when the solution next runs, and dedupe drops what was already written.
 */
@Component
class RunRecovery implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private final RunRepository runs;
    private final SolutionRepository solutions;
    private final NodeName node;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ClusterNodes nodes;

    RunRecovery(RunRepository runs, SolutionRepository solutions, NodeName node, Clock clock,
            TransactionTemplate transactions, ClusterNodes nodes) {
        this.runs = runs;
        this.solutions = solutions;
        this.node = node;
        this.clock = clock;
        this.transactions = transactions;
        this.nodes = nodes;
    }

    /** Runs before the scheduler starts and before anything else can start a run. */
    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> recover());
    }

    private void recover() {
        for (Run run : runs.findByStatus(RunStatus.RUNNING)) {
            // this node's name, but not a live instance: two nodes given the same name must not end each other's runs
            boolean mine = run.getNode() == null || run.getNode().equals(node.value());
            if (mine && !nodes.isAlive(run.getInstanceId())) {
                run.end(RunStatus.FAILED, "interrupted: the platform stopped during this run; the next run"
                        + " continues where it stopped", clock.instant());
                solutions.unlock(run.getSolutionId(), run.getId());
                LOG.warn("run {} of solution {} was interrupted by a stop; marked FAILED, lock released",
                        run.getId(), run.getSolutionId());
            }
        }
    }
}
