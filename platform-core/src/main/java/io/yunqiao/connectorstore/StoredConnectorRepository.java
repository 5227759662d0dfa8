package io.yunqiao.connectorstore;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stored connector definitions. */
interface StoredConnectorRepository extends JpaRepository<StoredConnector, Long> {

    Optional<StoredConnector> findByConnectorId(String connectorId);

    List<StoredConnector> findAllByOrderByConnectorIdAsc();
}
