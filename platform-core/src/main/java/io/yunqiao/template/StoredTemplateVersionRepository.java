package io.yunqiao.template;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredTemplateVersionRepository extends JpaRepository<StoredTemplateVersion, Long> {

    List<StoredTemplateVersion> findByTemplateIdOrderByVersionDesc(String templateId);

    Optional<StoredTemplateVersion> findByTemplateIdAndVersion(String templateId, int version);

    void deleteByTemplateId(String templateId);
}
