package io.yunqiao.template;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredTemplateRepository extends JpaRepository<StoredTemplate, String> {
}
