package io.switchboard.inventory.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OperatingCompanyRepository
    extends JpaRepository<OperatingCompany, String>, JpaSpecificationExecutor<OperatingCompany> {
  boolean existsByName(String name);
}
