package io.switchboard.inventory.campaign;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UpgradeCampaignRepository
    extends JpaRepository<UpgradeCampaign, String>, JpaSpecificationExecutor<UpgradeCampaign> {}
