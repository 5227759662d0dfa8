package io.yunqiao.run;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The content dictionaries of all solutions. */
interface ContentDictionaryRepository extends JpaRepository<ContentDictionary, Long> {

    /** The dictionary new records of a solution are compressed with: its latest. */
    Optional<ContentDictionary> findFirstBySolutionIdOrderByIdDesc(long solutionId);

    @Modifying
    @Query("delete from ContentDictionary d where d.solutionId = ?1")
    int deleteBySolution(long solutionId);
}
