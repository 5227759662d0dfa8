package io.yunqiao.template;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateCopyMarkRepository extends JpaRepository<TemplateCopyMark, Long> {

    List<TemplateCopyMark> findByTemplateId(String templateId);

    /** Per template and version: how many copies were made, and how many of those solutions still exist. */
    @Query("select m.templateId, m.templateVersion, count(m), count(s.id) from TemplateCopyMark m"
            + " left join io.yunqiao.solution.Solution s on s.id = m.solutionId"
            + " group by m.templateId, m.templateVersion")
    List<Object[]> counts();
}
