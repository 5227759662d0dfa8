package io.yunqiao.run;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Runs, newest first where lists are asked for. Filtered lists go through {@link JpaSpecificationExecutor}: a
 * criterion that is not given is left out of the query instead of bound as a null parameter, which PostgreSQL
 * could not type.
 */
public interface RunRepository extends JpaRepository<Run, Long>, JpaSpecificationExecutor<Run> {

    List<Run> findBySolutionIdOrderByStartedAtDesc(long solutionId, Pageable page);

    List<Run> findByStatus(RunStatus status);

    List<Run> findBySolutionIdAndStatusOrderByIdDesc(long solutionId, RunStatus status);

    List<Run> findByStatusOrderByStartedAtAsc(RunStatus status);

    /**
     * The run that started last of each solution, leaving out SKIPPED ones (they did no work and would hide the
     * run they were skipped for); more than one where two started in the same instant.
     */
    @Query("select r from Run r where r.status <> io.yunqiao.run.RunStatus.SKIPPED and r.startedAt ="
            + " (select max(o.startedAt) from Run o where o.solutionId = r.solutionId"
            + " and o.status <> io.yunqiao.run.RunStatus.SKIPPED)")
    List<Run> findLatestOfEachSolution();

    void deleteBySolutionId(long solutionId);

    /**
     * Adds to a run's counts in the database itself: several nodes may write the same run at once, and a read,
     * add and write of the entity would lose one node's counts. A run's counts are frozen once it is final: answers
     * 0 and adds nothing then.
     */
    @Modifying
    @Query("update Run r set r.fetched = r.fetched + ?2, r.pages = r.pages + ?3, r.written = r.written + ?4,"
            + " r.skipped = r.skipped + ?5, r.failed = r.failed + ?6 where r.id = ?1"
            + " and r.status = io.yunqiao.run.RunStatus.RUNNING")
    int addCounts(long runId, int fetched, int pages, int written, int skipped, int failed);

    /**
     * Adds to the counts that make a run's numbers add up (V18): see {@link Run#countsAddUp()}. Frozen once the run
     * is final, as {@link #addCounts}.
     */
    @Modifying
    @Query("update Run r set r.unchanged = r.unchanged + ?2, r.carried = r.carried + ?3,"
            + " r.unconfirmed = r.unconfirmed + ?4, r.valid = r.valid + ?5 where r.id = ?1"
            + " and r.status = io.yunqiao.run.RunStatus.RUNNING")
    int addOtherCounts(long runId, int unchanged, int carried, int unconfirmed, int valid);

    /**
     * A run, its row locked until the caller's transaction ends: whoever ends a run and whoever adds outcomes to it
     * take this lock first, so that outcomes are either counted before the end or see the run final.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Run r where r.id = ?1")
    Optional<Run> lockById(long runId);

    /**
     * The interrupted runs of a solution that no run continues yet, dry runs left out (they have nothing to
     * continue): the run now taking the solution's lock continues them.
     */
    @Modifying
    @Query("update Run r set r.continuedByRunId = ?2 where r.solutionId = ?1"
            + " and r.status = io.yunqiao.run.RunStatus.INTERRUPTED and r.continuedByRunId is null"
            + " and r.dryRun = false and r.id <> ?2")
    int continueInterrupted(long solutionId, long runId);

    /** The newest interrupted run of a solution that the given run continues. */
    Optional<Run> findFirstBySolutionIdAndContinuedByRunIdOrderByIdDesc(long solutionId, Long continuedByRunId);

    /** Interrupted runs that no run continues yet, oldest first; dry runs left out. */
    @Query("select r from Run r where r.status = io.yunqiao.run.RunStatus.INTERRUPTED"
            + " and r.continuedByRunId is null and r.dryRun = false order by r.id")
    List<Run> findNotContinued();

    /** A run stops writing (its node is stopping): nodes helping it claim nothing more for it. */
    @Modifying
    @Query("update Run r set r.writingSince = null where r.id = ?1")
    int stopWriting(long runId);

    /** Runs of other nodes that are writing their backlog, which this node may help with. */
    @Query("select r from Run r where r.status = io.yunqiao.run.RunStatus.RUNNING and r.dryRun = false"
            + " and r.writingSince is not null and (r.instanceId is null or r.instanceId <> ?1)"
            + " order by r.writingSince")
    List<Run> findWritingElsewhere(String instance);
}
