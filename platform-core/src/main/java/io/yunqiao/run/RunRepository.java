package io.yunqiao.run;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Runs, newest first where lists are asked for. */
public interface RunRepository extends JpaRepository<Run, Long> {

    List<Run> findBySolutionIdOrderByStartedAtDesc(long solutionId, Pageable page);

    List<Run> findByStatus(RunStatus status);

    void deleteBySolutionId(long solutionId);
}
