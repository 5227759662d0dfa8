package io.yunqiao.connection;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedConnectionRepository extends JpaRepository<SavedConnection, Long> {

    Optional<SavedConnection> findByName(String name);
}
