package io.yunqiao.run;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/** Staged source records of all solutions. */
public interface SourceRecordRepository extends JpaRepository<SourceRecord, Long> {

    /**
     * The staged records with these keys, of every solution: the caller keeps its solution's. The query names no
     * solution on purpose: with {@code solution_id = ?} beside the key list, H2 may plan (once, on a nearly empty
     * table, and keep the plan for the connection) a walk over all of the solution's records through the
     * (solution_id, …) indexes, which makes staging quadratic. The key list alone can use only the unique key's index.
     */
    @Query("select r from SourceRecord r where r.sourceKey in ?1")
    List<SourceRecord> findBySourceKeyIn(Collection<String> sourceKeys);

    /**
     * Some records of a status, locked for the caller's transaction, skipping rows another transaction holds
     * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; the lock timeout -2 is Hibernate's "skip locked"): nodes
     * claiming the same backlog at once take different records instead of waiting on each other. In no promised
     * order: an ORDER BY would sort the whole backlog on every claim.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    List<SourceRecord> findBySolutionIdAndStatus(long solutionId, RecordStatus status, Limit limit);

    boolean existsBySolutionIdAndStatus(long solutionId, RecordStatus status);

    long countBySolutionIdAndStatus(long solutionId, RecordStatus status);

    /**
     * Records claimed by a node that is no longer alive (or by nobody known) go back to the queue, marked as
     * possibly sent; the claims of live nodes stay theirs.
     */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING, r.sent = true,"
            + " r.claimedBy = null where r.solutionId = ?1 and r.status = io.yunqiao.run.RecordStatus.PROCESSING"
            + " and (r.claimedBy is null or r.claimedBy not in ?2)")
    int releaseClaims(long solutionId, Collection<String> aliveInstances);

    /** Records a node claimed but could not record an outcome for go back to the queue, marked as possibly sent. */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING, r.sent = true,"
            + " r.claimedBy = null where r.id in ?1 and r.status = io.yunqiao.run.RecordStatus.PROCESSING")
    int unclaim(Collection<Long> ids);

    /** Records a node claimed but never began to send go back to the queue as they were (not possibly sent). */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING, r.claimedBy = null"
            + " where r.id in ?1 and r.status = io.yunqiao.run.RecordStatus.PROCESSING")
    int unclaimUnsent(Collection<Long> ids);

    /** Records whose outcome an earlier run could not confirm are sent again (they stay possibly sent). */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING where r.solutionId = ?1"
            + " and r.status = io.yunqiao.run.RecordStatus.UNCONFIRMED")
    int requeueUnconfirmed(long solutionId);

    /** Failed records later runs may still retry are queued again, each with one more automatic retry counted. */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING,"
            + " r.autoRetries = r.autoRetries + 1 where r.solutionId = ?1"
            + " and r.status = io.yunqiao.run.RecordStatus.FAILED and r.autoRetries < ?2")
    int retryFailed(long solutionId, int laterRuns);

    void deleteBySolutionId(long solutionId);

    /** How many records wait to be written, by solution and status (PENDING, PROCESSING): rows of id, status, count. */
    @Query("select r.solutionId, r.status, count(r) from SourceRecord r where r.status in"
            + " (io.yunqiao.run.RecordStatus.PENDING, io.yunqiao.run.RecordStatus.PROCESSING)"
            + " group by r.solutionId, r.status")
    List<Object[]> countBacklog();

    /** The record a solution staged last (highest id), for the mapping editor's sample. */
    Optional<SourceRecord> findFirstBySolutionIdOrderByIdDesc(long solutionId);
}
