package io.yunqiao.run;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Record logs of all runs. */
public interface RecordLogRepository extends JpaRepository<RecordLog, Long> {

    List<RecordLog> findByRunIdOrderById(long runId, Pageable page);

    List<RecordLog> findByRunIdAndStatusOrderById(long runId, RecordStatus status, Pageable page);

    void deleteByRunIdIn(List<Long> runIds);
}
