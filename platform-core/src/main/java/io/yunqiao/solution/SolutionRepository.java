package io.yunqiao.solution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Solutions, and the run lock each holds. */
public interface SolutionRepository extends JpaRepository<Solution, Long> {

    Optional<Solution> findByName(String name);

    List<Solution> findBySourceConnectionIdOrTargetConnectionId(Long source, Long target);

    /** Takes the run lock when it is free; answers 1 when taken, 0 when another run holds it. */
    @Modifying
    @Query("update Solution s set s.runningRunId = ?2 where s.id = ?1 and s.runningRunId is null")
    int lock(long solutionId, long runId);

    /** Moves the run lock from a run that died with its node to the run taking over; answers 1 when moved. */
    @Modifying
    @Query("update Solution s set s.runningRunId = ?3 where s.id = ?1 and s.runningRunId = ?2")
    int relock(long solutionId, long deadRunId, long runId);

    @Modifying
    @Query("update Solution s set s.runningRunId = null where s.id = ?1 and s.runningRunId = ?2")
    int unlock(long solutionId, long runId);
}
