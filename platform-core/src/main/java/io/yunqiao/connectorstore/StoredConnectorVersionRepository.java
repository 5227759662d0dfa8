package io.yunqiao.connectorstore;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The saved versions of stored connector definitions. */
interface StoredConnectorVersionRepository extends JpaRepository<StoredConnectorVersion, Long> {

    Optional<StoredConnectorVersion> findByStoredIdAndVersion(long storedId, int version);

    List<StoredConnectorVersion> findByStoredIdOrderByVersionDesc(long storedId);
}
