package io.switchboard.inventory.firewall;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyDeploymentRepository extends JpaRepository<PolicyDeployment, String> {
  List<PolicyDeployment> findByPolicyIdOrderByCreatedAtDesc(String policyId);

  List<PolicyDeployment> findByOperationId(String operationId);

  List<PolicyDeployment> findByOperationIdAndState(String operationId, DeploymentState state);

  /** The device's successful deployments of every policy, newest first. */
  List<PolicyDeployment> findByDeviceIdAndStateOrderByCreatedAtDesc(
      String deviceId, DeploymentState state);

  /** The newest successful deployment of the policy on the device: what it runs. */
  List<PolicyDeployment> findByPolicyIdAndDeviceIdAndStateOrderByCreatedAtDesc(
      String policyId, String deviceId, DeploymentState state);
}
