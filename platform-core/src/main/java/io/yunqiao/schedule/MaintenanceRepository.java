package io.yunqiao.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaintenanceRepository extends JpaRepository<Maintenance, Integer> {
}
