package io.yunqiao.run;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Runs, newest first where lists are asked for. Filtered lists go through {@link JpaSpecificationExecutor}: a
 * criterion that is not given is left out of the query instead of bound as a null parameter, which PostgreSQL
 * could not type.
 */
public interface RunRepository extends JpaRepository<Run, Long>, JpaSpecificationExecutor<Run> {

    List<Run> findBySolutionIdOrderByStartedAtDesc(long solutionId, Pageable page);

    List<Run> findByStatus(RunStatus status);

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
}
