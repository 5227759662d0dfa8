package io.yunqiao.solution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The versions of solutions. */
public interface SolutionVersionRepository extends JpaRepository<SolutionVersion, Long> {

    Optional<SolutionVersion> findBySolutionIdAndVersion(long solutionId, int version);

    List<SolutionVersion> findBySolutionIdOrderByVersionDesc(long solutionId);
}
