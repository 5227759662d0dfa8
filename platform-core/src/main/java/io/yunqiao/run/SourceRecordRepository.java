package io.yunqiao.run;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Staged source records of all solutions. */
public interface SourceRecordRepository extends JpaRepository<SourceRecord, Long> {

    List<SourceRecord> findBySolutionIdAndSourceKeyIn(long solutionId, Collection<String> sourceKeys);

    /** Some records of a status, in no promised order: an ORDER BY would sort the whole backlog on every claim. */
    List<SourceRecord> findBySolutionIdAndStatus(long solutionId, RecordStatus status, Limit limit);

    /** Records a crashed writer had claimed go back to the queue, marked as possibly sent. */
    @Modifying
    @Query("update SourceRecord r set r.status = io.yunqiao.run.RecordStatus.PENDING, r.sent = true"
            + " where r.solutionId = ?1 and r.status = io.yunqiao.run.RecordStatus.PROCESSING")
    int releaseClaims(long solutionId);

    void deleteBySolutionId(long solutionId);

    /** The record a solution staged last (highest id), for the mapping editor's sample. */
    Optional<SourceRecord> findFirstBySolutionIdOrderByIdDesc(long solutionId);
}
