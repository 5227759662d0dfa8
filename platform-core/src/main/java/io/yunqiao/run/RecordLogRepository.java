package io.yunqiao.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Record logs of all runs. */
public interface RecordLogRepository extends JpaRepository<RecordLog, Long> {

    /** How many logs have one status. */
    interface StatusCount {

        RecordStatus getStatus();

        long getTotal();
    }

    List<RecordLog> findByRunIdOrderById(long runId, Pageable page);

    List<RecordLog> findByRunIdAndStatusOrderById(long runId, RecordStatus status, Pageable page);

    long countByRunId(long runId);

    long countByRunIdAndStatus(long runId, RecordStatus status);

    @Query("select l.status as status, count(l) as total from RecordLog l where l.runId = ?1 group by l.status")
    List<StatusCount> countByStatusOfRun(long runId);

    /**
     * Logs of the given statuses created in {@code [from, to)}, by status, leaving out dry runs: their failures
     * are findings about a mapping, not records that failed to arrive.
     */
    @Query("select l.status as status, count(l) as total from RecordLog l where l.createdAt >= ?1"
            + " and l.createdAt < ?2 and l.status in ?3"
            + " and l.runId not in (select r.id from Run r where r.dryRun = true) group by l.status")
    List<StatusCount> countByStatusBetween(Instant from, Instant to, Collection<RecordStatus> statuses);

    void deleteByRunIdIn(List<Long> runIds);
}
