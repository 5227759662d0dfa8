package io.yunqiao.run;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WrittenKeyRepository extends JpaRepository<WrittenKey, WrittenKey.Id> {

    @Query("select count(k) from WrittenKey k where k.id.solutionId = ?1")
    long countBySolution(long solutionId);

    @Modifying
    @Query("delete from WrittenKey k where k.id.solutionId = ?1")
    void deleteBySolution(long solutionId);
}
