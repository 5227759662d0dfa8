package io.yunqiao.run;

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

    void deleteByRunIdIn(List<Long> runIds);
}
