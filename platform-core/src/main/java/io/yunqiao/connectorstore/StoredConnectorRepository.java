package io.yunqiao.connectorstore;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The stored connector definitions. */
interface StoredConnectorRepository extends JpaRepository<StoredConnector, Long> {

    Optional<StoredConnector> findByConnectorId(String connectorId);

    List<StoredConnector> findAllByOrderByConnectorIdAsc();

    @Query("select new io.yunqiao.connectorstore.Fingerprint(count(s), coalesce(sum(s.currentVersion), 0),"
            + " max(s.updatedAt)) from StoredConnector s")
    Fingerprint fingerprint();
}
