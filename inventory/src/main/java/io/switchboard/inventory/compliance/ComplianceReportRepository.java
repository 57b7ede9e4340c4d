package io.switchboard.inventory.compliance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplianceReportRepository extends JpaRepository<ComplianceReport, String> {
  Optional<ComplianceReport> findByDeviceId(String deviceId);

  List<ComplianceReport> findByTenantIdInOrderByCheckedAtDesc(Collection<String> tenantIds);

  long countByStatus(ComplianceStatus status);

  /** Devices per verdict of the given tenants: rows of (tenantId, status, count). */
  @Query(
      "select r.tenantId, r.status, count(r) from ComplianceReport r"
          + " where r.tenantId in :tenantIds group by r.tenantId, r.status")
  List<Object[]> countByTenantAndStatus(Collection<String> tenantIds);
}
