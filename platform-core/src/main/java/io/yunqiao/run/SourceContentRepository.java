package io.yunqiao.run;

import org.springframework.data.jpa.repository.JpaRepository;

/** The stored contents of staged records, by record id. */
interface SourceContentRepository extends JpaRepository<SourceContent, Long> {
}
